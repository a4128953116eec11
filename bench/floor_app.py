"""The app with a move's answer cut to its message: the bench's lower bound for the transition POST.

bench/run.py serves this beside the real app to show how much of a move's cost is the task panel
it answers with, and how much is the move itself (reading the task, firing, flushing, committing)
and the request around it (session, CSRF, the signed-in user). Not for use: htmx would swap the
task panel for a line of text.
"""
from flask import get_flashed_messages
from markupsafe import escape

from intranet.tasks import routes
from wsgi import app

__all__ = ["app"]


def _message_only(_task, status: int = 200):
    """What the move flashed (the panel shows it too), and nothing else."""
    return " ".join(escape(message) for message in get_flashed_messages()), status


routes._page = _message_only
