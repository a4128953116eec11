"""The workflow diagrams, drawn from the same definitions the app enforces."""
from __future__ import annotations

from flask import Blueprint
from flask_login import login_required

from workflows import WORKFLOWS
from workflows.diagram import to_mermaid

from ..web import render

bp = Blueprint("workflows", __name__, url_prefix="/quy-trinh")


@bp.route("/")
@login_required
def index():
    """Show every workflow as a diagram with its states and moves."""
    diagrams = [(w, to_mermaid(w)) for w in WORKFLOWS.values()]
    return render("workflows/index.html", diagrams=diagrams)
