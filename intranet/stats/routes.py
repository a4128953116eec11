"""Dashboards: all plans, one plan, one unit, and the emulation ranking (thi đua)."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required

from .. import fragments
from ..formatting import today_vn
from ..plans.models import Plan
from ..reports.periods import deadline_status as report_deadline_status
from ..units.models import OrgUnit
from ..web import get_or_404, render
from . import services
from .permissions import can_view_unit_dashboard
from .targets import targets_svg

bp = Blueprint("stats", __name__, url_prefix="/thong-ke")


@bp.route("/")
@login_required
def index():
    """Every plan with its figures, and links to my unit and the ranking."""
    return render("stats/index.html", plans=services.plans_overview(), year=today_vn().year,
                  percent=services.percent)


@bp.route("/ke-hoach/<int:plan_id>")
@login_required
def plan(plan_id: int):
    """One plan's dashboard: states, deadlines, on-time rate, lead units, targets."""
    plan = get_or_404(Plan, plan_id)
    dashboard = services.plan_dashboard(plan)
    return render("stats/plan.html", plan=plan, percent=services.percent,
                  targets_svg=targets_svg(dashboard["targets"], "Kết quả các chỉ tiêu so với mốc"),
                  **dashboard)


@bp.route("/don-vi/<int:unit_id>")
@login_required
def unit(unit_id: int):
    """One unit's dashboard over the tasks it leads in every plan."""
    unit = get_or_404(OrgUnit, unit_id)
    if not can_view_unit_dashboard(current_user, unit.id):
        abort(403)
    # The same for everyone allowed to see it (checked above).
    dashboard = fragments.cached("unit-dashboard", (unit.id,), lambda: render_template(
        "stats/_unit.html", unit=unit, percent=services.percent, report_status=report_deadline_status,
        **services.unit_dashboard(unit)))
    return render("stats/unit.html", unit=unit, dashboard=dashboard)


@bp.route("/xep-hang")
@login_required
def ranking():
    """Units ranked by on-time rate for a year's emulation review."""
    this_year = today_vn().year
    year = request.args.get("nam", type=int) or this_year
    if not 2000 <= year <= this_year:
        year = this_year
    return render("stats/ranking.html", "stats/_ranking.html", percent=services.percent,
                  years=range(this_year, 2019, -1), **services.ranking_page(year))
