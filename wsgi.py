"""WSGI entry point: `gunicorn wsgi:app`, `flask --app wsgi ...`."""
from intranet import create_app

app = create_app()
