"""Plans: the list, and one plan with its filterable task table."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required

from workflows import TASK

from .. import fragments
from ..tasks.models import Task
from ..tasks.queries import VIEWS, plan_condition
from ..tasks.rows import read_rows
from ..units.services import units_with_tasks
from ..web import is_fragment_request, render
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
    """Show a plan: header, sections, targets and its task table filtered by unit and state.

    Everything but the document links (which depend on who asks) comes from cached fragments.
    """
    plan = load_plan(plan_id)
    if plan is None:
        abort(404)
    unit_id = request.args.get("unit", type=int)
    state = request.args.get("state") or None
    if state and state not in {s.name for s in TASK.states}:
        state = None
    view = request.args.get("viec") if request.args.get("viec") in VIEWS else None

    def table() -> str:
        tasks = read_rows(plan_condition(plan.id, unit_id=unit_id, state=state, view=view,
                                         user=current_user), (Task.position,))
        return render_template("plans/_task_table.html", tasks=tasks, unit_id=unit_id, state=state,
                               view=view)

    # "Chờ tôi xử lý" depends on who asks; the other views and filters do not.
    task_table = fragments.cached("plan-tasks", (plan.id, unit_id, state, view,
                                                 current_user.id if view == "cho-toi" else None), table)
    if is_fragment_request():
        return render("plans/detail.html", task_table)
    return render(
        "plans/detail.html", plan=plan, task_table=task_table,
        plan_head=fragments.cached("plan-head", (plan.id,), lambda: render_template(
            "plans/_head.html", plan=plan)),
        plan_text=fragments.cached("plan-text", (plan.id,), lambda: render_template(
            "plans/_text.html", plan=plan)),
        task_filters=fragments.cached("plan-filters", (plan.id, unit_id, state, view), lambda: render_template(
            "plans/_filters.html", plan=plan, units=units_with_tasks(plan.id), unit_id=unit_id,
            state=state, view=view, views=VIEWS, states=TASK.states, counts=task_counts(plan.id))))
