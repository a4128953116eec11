"""Plans: the list, and one plan with its filterable task table."""
from __future__ import annotations

from flask import Blueprint, abort, request
from flask_login import current_user, login_required

from workflows import TASK

from ..tasks.models import Task
from ..tasks.queries import VIEWS, plan_condition
from ..tasks.rows import read_rows
from ..units.services import units_with_tasks
from ..web import render
from .services import load_plan, plans_overview, task_counts

bp = Blueprint("plans", __name__, url_prefix="/ke-hoach")


@bp.route("/")
@login_required
def index():
    """List the plans."""
    return render("plans/index.html", plans=plans_overview())


@bp.route("/<int:plan_id>")
@login_required
def detail(plan_id: int):
    """Show a plan: header, sections, targets and its task table filtered by unit and state."""
    plan = load_plan(plan_id)
    if plan is None:
        abort(404)
    unit_id = request.args.get("unit", type=int)
    state = request.args.get("state") or None
    if state and state not in {s.name for s in TASK.states}:
        state = None
    view = request.args.get("viec") if request.args.get("viec") in VIEWS else None
    tasks = read_rows(plan_condition(plan.id, unit_id=unit_id, state=state, view=view,
                                     user=current_user), (Task.position,))
    return render("plans/detail.html", "plans/_task_table.html", plan=plan, tasks=tasks,
                  units=units_with_tasks(plan.id), unit_id=unit_id, state=state, view=view,
                  views=VIEWS, states=TASK.states, counts=task_counts(plan.id))
