"""`/healthz`: liveness for a reverse proxy or a load balancer, and the benchmark's trivial page."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """Answer 'ok' without touching the database or the session."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}
