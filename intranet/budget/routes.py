"""Budget estimates: a unit's lines, sending them, and Công an tỉnh's compiled estimate."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from workflows.budget import BUDGET

from ..extensions import db
from ..plans.models import Plan
from ..units.models import OrgUnit
from ..web import get_or_404, is_fragment_request, render
from . import services
from .compilation import compile_estimate, plans_for_year, units_overview
from .models import FUND_SOURCES, BudgetLine
from .permissions import (allowed_transitions, budget_year, can_compile, can_edit_estimate,
                          can_view_estimate)

bp = Blueprint("budget", __name__, url_prefix="/du-toan")


def _plan_and_year(plan_id: int, year: int) -> Plan:
    """Load the plan (404) and refuse years no estimate can belong to."""
    plan = get_or_404(Plan, plan_id)
    if not 2000 <= year <= 2100:
        abort(404)
    return plan


def _visible_unit(unit_id: int) -> OrgUnit:
    """Load the unit (404) and check the user may see its estimates (403)."""
    unit = get_or_404(OrgUnit, unit_id)
    if not can_view_estimate(current_user, unit.id):
        abort(403)
    return unit


@bp.route("/")
@login_required
def index():
    """Plans whose budget can be estimated, with my unit's (or everyone's) figures for the year."""
    year = request.args.get("nam", type=int) or budget_year()
    return render("budget/index.html", plans=plans_for_year(current_user, year), year=year)


@bp.route("/<int:plan_id>/<int:year>")
@login_required
def plan_overview(plan_id: int, year: int):
    """Every unit's estimate for a plan (Công an tỉnh); a unit goes straight to its own."""
    plan = _plan_and_year(plan_id, year)
    if not can_compile(current_user):
        return redirect(url_for("budget.estimate", plan_id=plan.id, year=year,
                                unit_id=current_user.unit_id))
    return render("budget/overview.html", plan=plan, year=year, units=units_overview(plan.id, year))


def _estimate_page(plan: Plan, year: int, unit: OrgUnit, status: int = 200):
    estimate = services.estimate_for(plan.id, unit.id, year)
    editing = request.args.get("sua", type=int)
    return render("budget/estimate.html", "budget/_estimate.html", status=status,
                  plan=plan, year=year, unit=unit, estimate=estimate,
                  tasks=services.lead_tasks(plan.id, unit.id, year),
                  can_edit=can_edit_estimate(current_user, unit.id, year, estimate),
                  actions=allowed_transitions(current_user, estimate),
                  sources=FUND_SOURCES, editing=editing, can_compile=can_compile(current_user))


@bp.route("/<int:plan_id>/<int:year>/don-vi/<int:unit_id>")
@login_required
def estimate(plan_id: int, year: int, unit_id: int):
    """One unit's estimate: its lines, the form to add one, and the moves I may make."""
    plan = _plan_and_year(plan_id, year)
    return _estimate_page(plan, year, _visible_unit(unit_id))


@bp.route("/<int:plan_id>/<int:year>/don-vi/<int:unit_id>/dong", methods=["POST"])
@login_required
def add_line(plan_id: int, year: int, unit_id: int):
    """Add a line to the unit's estimate."""
    plan = _plan_and_year(plan_id, year)
    unit = _visible_unit(unit_id)
    services.add_line(plan.id, unit.id, year, current_user, request.form)
    db.session.commit()
    return _done(plan, year, unit, "Đã thêm dòng dự toán.")


def _visible_line(line_id: int) -> BudgetLine:
    line = get_or_404(BudgetLine, line_id)
    if not can_view_estimate(current_user, line.estimate.unit_id):
        abort(403)
    return line


@bp.route("/dong/<int:line_id>", methods=["POST"])
@login_required
def update_line(line_id: int):
    """Change one line."""
    line = _visible_line(line_id)
    services.update_line(line, current_user, request.form)
    db.session.commit()
    estimate = line.estimate
    return _done(db.session.get(Plan, estimate.plan_id), estimate.year, estimate.unit,
                 "Đã cập nhật dòng dự toán.")


@bp.route("/dong/<int:line_id>/xoa", methods=["POST"])
@login_required
def delete_line(line_id: int):
    """Remove one line."""
    line = _visible_line(line_id)
    estimate = services.delete_line(line, current_user, expected_version=request.form.get("version"))
    db.session.commit()
    return _done(db.session.get(Plan, estimate.plan_id), estimate.year, estimate.unit,
                 "Đã xóa dòng dự toán.")


@bp.route("/<int:plan_id>/<int:year>/don-vi/<int:unit_id>/chuyen/<trigger>", methods=["POST"])
@login_required
def transition(plan_id: int, year: int, unit_id: int, trigger: str):
    """Send, withdraw or return the unit's estimate."""
    plan = _plan_and_year(plan_id, year)
    unit = _visible_unit(unit_id)
    estimate = services.estimate_for(plan.id, unit.id, year)
    if estimate is None or not BUDGET.has_trigger(trigger):
        abort(404)
    move = BUDGET.transition(trigger, estimate.state)
    services.fire_estimate_transition(estimate, trigger, current_user,
                                      reason=request.form.get("reason"),
                                      expected_version=request.form.get("version"))
    db.session.commit()
    return _done(plan, year, unit, f"Đã thực hiện: {move.label}." if move else "Đã cập nhật.")


def _done(plan: Plan, year: int, unit: OrgUnit, message: str):
    """After a change: the refreshed estimate for htmx, a redirect otherwise."""
    flash(message, "success")
    if is_fragment_request():
        return _estimate_page(plan, year, unit)
    return redirect(url_for("budget.estimate", plan_id=plan.id, year=year, unit_id=unit.id))


def _compiled(plan_id: int, year: int):
    plan = _plan_and_year(plan_id, year)
    if not can_compile(current_user):
        abort(403)
    return compile_estimate(plan, year)


@bp.route("/<int:plan_id>/<int:year>/tong-hop")
@login_required
def compiled(plan_id: int, year: int):
    """The compiled estimate for Sở Tài chính: units, subtotals, grand total."""
    return render("budget/compiled.html", "budget/_compiled.html", compiled=_compiled(plan_id, year))


@bp.route("/<int:plan_id>/<int:year>/tong-hop.pdf")
@login_required
def compiled_pdf(plan_id: int, year: int):
    """The compiled estimate as an official PDF (Nghị định 30 layout)."""
    from .printing import compiled_pdf_response

    return compiled_pdf_response(_compiled(plan_id, year))
