"""Excel downloads of the intranet's tables; each checks access as its page does."""
from __future__ import annotations

from flask import Blueprint, abort, request
from flask_login import current_user, login_required

from workflows import TASK

from ..budget.compilation import compile_estimate
from ..budget.permissions import can_compile, can_view_estimate
from ..budget.services import estimate_for
from ..formatting import today_vn
from ..plans.models import Plan
from ..reports.models import ReportPeriod
from ..reports.periods import deadline_status as report_deadline_status
from ..reports.periods import reports_of_period
from ..stats import figures, reporting
from ..tasks.queries import VIEWS
from ..tasks.services import tasks_of_plan
from ..units.models import OrgUnit
from ..web import get_or_404
from . import sheets
from .http import XLSX, download, file_name
from .xlsx import build_workbook

bp = Blueprint("exports", __name__, url_prefix="/xuat")


def _plan_ref(plan: Plan) -> str:
    return file_name(plan.reference)


@bp.route("/ke-hoach/<int:plan_id>/nhiem-vu.xlsx")
@login_required
def plan_tasks(plan_id: int):
    """The plan's task table, with the unit, state and quick-view filters of the page."""
    plan = get_or_404(Plan, plan_id)
    unit_id = request.args.get("unit", type=int)
    state = request.args.get("state") or None
    if state and state not in {s.name for s in TASK.states}:
        state = None
    view = request.args.get("viec") if request.args.get("viec") in VIEWS else None
    unit = get_or_404(OrgUnit, unit_id) if unit_id else None
    filters = "; ".join(f for f in (unit and f"đơn vị {unit.name}",
                                    state and f"trạng thái {TASK.state(state).label}",
                                    view and VIEWS[view].lower()) if f)
    tasks = tasks_of_plan(plan.id, unit_id=unit_id, state=state, view=view, user=current_user)
    sheet = sheets.task_sheet(plan, tasks,
                              today_vn(), filters=filters or None)
    return download(build_workbook(sheet), file_name("nhiem-vu", _plan_ref(plan)) + ".xlsx", XLSX)


@bp.route("/ke-hoach/<int:plan_id>/chi-tieu.xlsx")
@login_required
def plan_targets(plan_id: int):
    """The plan's targets and milestones."""
    plan = get_or_404(Plan, plan_id)
    today = today_vn()
    sheet = sheets.target_sheet(plan, reporting.target_rows(plan.id, today), today)
    return download(build_workbook(sheet), file_name("chi-tieu", _plan_ref(plan)) + ".xlsx", XLSX)


@bp.route("/xep-hang.xlsx")
@login_required
def ranking():
    """The year's emulation ranking."""
    this_year = today_vn().year
    year = request.args.get("nam", type=int) or this_year
    if not 2000 <= year <= this_year:
        abort(404)
    sheet = sheets.ranking_sheet(figures.ranking(year), year)
    return download(build_workbook(sheet), f"xep-hang-thi-dua-{year}.xlsx", XLSX)


@bp.route("/du-toan/<int:plan_id>/<int:year>/tong-hop.xlsx")
@login_required
def budget_compiled(plan_id: int, year: int):
    """The compiled estimate for Sở Tài chính."""
    plan = get_or_404(Plan, plan_id)
    if not can_compile(current_user):
        abort(403)
    data = build_workbook(*sheets.budget_compiled_sheets(compile_estimate(plan, year)))
    return download(data, file_name("du-toan", year, "tong-hop", _plan_ref(plan)) + ".xlsx", XLSX)


@bp.route("/du-toan/<int:plan_id>/<int:year>/don-vi/<int:unit_id>.xlsx")
@login_required
def budget_unit(plan_id: int, year: int, unit_id: int):
    """One unit's estimate."""
    plan = get_or_404(Plan, plan_id)
    unit = get_or_404(OrgUnit, unit_id)
    if not can_view_estimate(current_user, unit.id):
        abort(403)
    sheet = sheets.budget_unit_sheet(plan, unit, year, estimate_for(plan.id, unit.id, year))
    name = file_name("du-toan", year, _plan_ref(plan), unit.short_name or unit.name) + ".xlsx"
    return download(build_workbook(sheet), name, XLSX)


@bp.route("/bao-cao/ky/<int:period_id>.xlsx")
@login_required
def report_status(period_id: int):
    """Each unit's report of a period and its status (a unit sees only its own, as on the period page)."""
    period = get_or_404(ReportPeriod, period_id)
    sheet = sheets.report_status_sheet(period, reports_of_period(period, current_user),
                                       reporting.result_counts(period.id), today_vn(),
                                       report_deadline_status)
    name = file_name("tinh-hinh-bao-cao", period.kind.replace("_", "-"), period.year,
                     period.ordinal if period.ordinal > 1 else None, _plan_ref(period.plan)) + ".xlsx"
    return download(build_workbook(sheet), name, XLSX)
