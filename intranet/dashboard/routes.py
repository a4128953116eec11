"""My work and the review queue."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from .. import fragments
from ..auth.services import roles_required
from ..formatting import today_vn
from ..reports.services import dashboard_reports
from ..tasks.queries import SOON_DAYS
from ..units.services import units_with_tasks
from ..web import is_fragment_request, render
from .services import my_tasks
from .services import review_queue as review_queue_data

bp = Blueprint("dashboard", __name__)


@bp.route("/")
@login_required
def my_work():
    """Show what waits for me, and what is overdue or due soon, per plan; then my reports (both
    from the fragment store: neither holds a form)."""
    today = today_vn()
    tasks = fragments.cached("my-work", (current_user.id,), lambda: render_template(
        "dashboard/_my_tasks.html", **my_tasks(current_user, today)))
    reports = fragments.cached("my-reports", (current_user.id,), lambda: render_template(
        "reports/_dashboard.html", reports=dashboard_reports(current_user, today, SOON_DAYS)))
    return render("dashboard/my_work.html", my_tasks=tasks, reports=reports, today=today)


@bp.route("/tham-dinh")
@login_required
@roles_required("reviewer", "signer", "admin", "viewer")
def review_queue():
    """Công an tỉnh's queue of submitted tasks across all units."""
    unit_id = request.args.get("unit", type=int)

    def queue() -> str:
        groups, total = review_queue_data(unit_id)
        return render_template("dashboard/_queue.html", groups=groups, total=total, unit_id=unit_id)

    # The same for every reviewer: the route's roles decide who may see it.
    html = fragments.cached("review-queue", (unit_id,), queue)
    if is_fragment_request():
        return render("dashboard/review_queue.html", html)
    filters = fragments.cached("review-filters", (unit_id,), lambda: render_template(
        "dashboard/_queue_filters.html", units=units_with_tasks(), unit_id=unit_id))
    return render("dashboard/review_queue.html", queue=html, filters=filters)
