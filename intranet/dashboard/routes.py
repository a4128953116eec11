"""My work and the review queue."""
from __future__ import annotations

from flask import Blueprint, request
from flask_login import current_user, login_required

from ..auth.services import roles_required
from ..units.services import units_with_tasks
from ..web import render
from .services import my_work as my_work_data
from .services import review_queue as review_queue_data

bp = Blueprint("dashboard", __name__)


@bp.route("/")
@login_required
def my_work():
    """Show what waits for me, and what is overdue or due soon, per plan."""
    return render("dashboard/my_work.html", **my_work_data(current_user))


@bp.route("/tham-dinh")
@login_required
@roles_required("reviewer", "signer", "admin", "viewer")
def review_queue():
    """Công an tỉnh's queue of submitted tasks across all units."""
    unit_id = request.args.get("unit", type=int)
    groups, total = review_queue_data(unit_id)
    return render("dashboard/review_queue.html", "dashboard/_queue.html", groups=groups,
                  total=total, units=units_with_tasks(), unit_id=unit_id)
