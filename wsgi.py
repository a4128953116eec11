"""WSGI entry point: `gunicorn wsgi:app`, `flask --app wsgi ...`."""
import gc

from intranet import create_app

app = create_app()

# What the app loaded to start (some 200,000 objects: modules, mappers, templates) lives as long
# as the worker. Left in the collector's care, each full collection walks all of it, about 100 ms
# landing on whichever request triggered it; frozen, the walk covers what requests leave behind.
gc.freeze()
