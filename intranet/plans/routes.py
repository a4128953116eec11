"""Plans: the list, and one plan with its filterable task table."""
from __future__ import annotations

import functools

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required

from workflows import TASK

from .. import fragments
from ..tasks.models import Task
from ..tasks.queries import VIEWS, plan_condition
from ..tasks.rows import read_rows
from ..units.services import units_with_tasks
from ..web import is_fragment_request, render
from .models import Plan
from .services import load_plan, plan_header, plans_overview, task_counts

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
    unit_id = request.args.get("unit", type=int)
    state = request.args.get("state") or None
    if state and state not in {s.name for s in TASK.states}:
        state = None
    view = request.args.get("viec") if request.args.get("viec") in VIEWS else None
    if is_fragment_request():  # a filter changed: only the table
        plan = plan_header(plan_id) or abort(404)
        return render("plans/detail.html", _task_table(plan, unit_id, state, view))

    # The plan's own text first: if it has to be rendered, the plan is loaded with its deadlines
    # and targets, and the get below finds it in the session instead of reading it again.
    @functools.cache
    def full() -> Plan:
        return load_plan(plan_id) or abort(404)

    def with_plan(template: str):
        return lambda: render_template(template, plan=full())

    plan_head = fragments.cached("plan-head", (plan_id,), with_plan("plans/_head.html"))
    plan_text = fragments.cached("plan-text", (plan_id,), with_plan("plans/_text.html"))
    # Loaded whole already if its text was rendered just now; else its header is enough.
    plan = full() if full.cache_info().currsize else (plan_header(plan_id) or abort(404))
    task_filters = fragments.cached("plan-filters", (plan.id, unit_id, state, view), lambda: render_template(
        "plans/_filters.html", plan=plan, units=units_with_tasks(plan.id), unit_id=unit_id,
        state=state, view=view, views=VIEWS, states=TASK.states, counts=task_counts(plan.id)))
    return render("plans/detail.html", plan=plan, plan_head=plan_head, plan_text=plan_text,
                  task_filters=task_filters, task_table=_task_table(plan, unit_id, state, view))


def _task_table(plan, unit_id: int | None, state: str | None, view: str | None):
    """The plan's task table under the filters; "Chờ tôi xử lý" depends on who asks, nothing else does."""

    def build() -> str:
        tasks = read_rows(plan_condition(plan.id, unit_id=unit_id, state=state, view=view,
                                         user=current_user), (Task.position,))
        return render_template("plans/_task_table.html", tasks=tasks, unit_id=unit_id, state=state,
                               view=view)

    return fragments.cached("plan-tasks", (plan.id, unit_id, state, view,
                                           current_user.id if view == "cho-toi" else None), build)
