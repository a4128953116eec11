"""Helpers shared by routes: page-or-fragment rendering and loading with 404."""
from __future__ import annotations

from flask import abort, make_response, render_template, request
from markupsafe import Markup

from .extensions import db


def is_fragment_request() -> bool:
    """An htmx request that wants a fragment (not boosted, not a history restore)."""
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return False
    return not (request.headers.get("HX-Boosted") or request.headers.get("HX-History-Restore-Request"))


def render(page: str, fragment: str | Markup | None = None, *, status: int = 200, headers=None,
           **context):
    """Render the full page, or only `fragment` for htmx; always `Vary: HX-Request`.

    `fragment` is a template name, or HTML already rendered (a cached fragment, see fragments.py).
    """
    if fragment and is_fragment_request():
        body = fragment if isinstance(fragment, Markup) else render_template(fragment, **context)
    else:
        body = render_template(page, **context)
    response = make_response(body, status)
    response.headers["Vary"] = "HX-Request"
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def get_or_404(model, ident):
    """Load one row by primary key or answer 404."""
    row = db.session.get(model, ident)
    if row is None:
        abort(404)
    return row
