"""Template filters and globals: Vietnamese dates, badges, navigation."""
from __future__ import annotations

from flask_login import current_user

from workflows import WORKFLOWS

from . import formatting
from .auth.models import ROLES
from .tasks.deadlines import deadline_label, deadline_status
from .tasks.rows import task_href


def register(app) -> None:
    """Register filters and context processors."""
    app.jinja_env.filters.update(
        vn_date_long=formatting.vn_date_long,
        vn_date=formatting.vn_date,
        vn_datetime=formatting.vn_datetime,
        vn_number=formatting.vn_number,
        vn_money=formatting.vn_money,
        role_label=lambda role: ROLES.get(role, role),
    )
    app.jinja_env.globals.update(
        deadline_status=deadline_status,
        deadline_label=deadline_label,
        task_href=task_href,
        workflows=WORKFLOWS,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def _navigation():
        user = current_user if current_user and current_user.is_authenticated else None
        return {"nav_user": user}
