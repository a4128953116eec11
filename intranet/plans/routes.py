"""Plans: the list, and one plan with its filterable task table."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user, login_required
from markupsafe import Markup

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


class _PlanOnDemand:
    """The plan of one request, read only when a part of its page must be rendered, and at most
    once: whole (deadlines, targets) for its text, else its header. 404 if there is none."""

    def __init__(self, plan_id: int):
        self.id, self._plan, self._whole = plan_id, None, False

    def whole(self) -> Plan:
        if not self._whole:
            self._plan, self._whole = load_plan(self.id) or abort(404), True
        return self._plan

    def header(self) -> Plan:
        if self._plan is None:
            self._plan = plan_header(self.id) or abort(404)
        return self._plan


@bp.route("/<int:plan_id>")
@login_required
def detail(plan_id: int):
    """Show a plan: header, sections, targets and its task table filtered by unit and state.

    Every part comes from the fragment store while the data is unchanged, the document links and
    moves too (per user, the request's CSRF token put in): the plan is read only to render a part.
    """
    unit_id = request.args.get("unit", type=int)
    state = request.args.get("state") or None
    if state and state not in {s.name for s in TASK.states}:
        state = None
    view = request.args.get("viec") if request.args.get("viec") in VIEWS else None
    plan = _PlanOnDemand(plan_id)
    if is_fragment_request():  # a filter changed: only the table
        return render("plans/detail.html", _task_table(plan, unit_id, state, view))

    def part(template: str, whole: bool = False):
        return lambda: render_template(template, plan=plan.whole() if whole else plan.header())

    # The plan's own text first: if it has to be rendered, the plan is loaded whole, and the
    # other parts use it instead of reading its header again.
    parts = {
        "plan_head": fragments.cached("plan-head", (plan_id,), part("plans/_head.html", whole=True)),
        "plan_text": fragments.cached("plan-text", (plan_id,), part("plans/_text.html", whole=True)),
        "title": fragments.cached("plan-title", (plan_id,), part("plans/_title.html")),
        "crumbs": fragments.cached("plan-crumbs", (plan_id,), part("plans/_crumbs.html")),
        "task_filters": fragments.cached("plan-filters", (plan_id, unit_id, state, view), lambda: render_template(
            "plans/_filters.html", plan=plan.header(), units=units_with_tasks(plan_id), unit_id=unit_id,
            state=state, view=view, views=VIEWS, states=TASK.states, counts=task_counts(plan_id))),
    }
    # A signer's moves depend on a certificate outside the database: rendered for each request.
    links = part("documents/_plan_document.html")
    parts["plan_document"] = (Markup(links()) if current_user.has_role("signer") else
                              fragments.cached_with_forms("plan-document", (plan_id, current_user.id), links))
    return render("plans/detail.html", plan_id=plan_id, task_table=_task_table(plan, unit_id, state, view),
                  **parts)


def _task_table(plan: _PlanOnDemand, unit_id: int | None, state: str | None, view: str | None):
    """The plan's task table under the filters; "Chờ tôi xử lý" depends on who asks, nothing else does."""

    def build() -> str:
        plan.header()  # 404 for a plan that does not exist
        tasks = read_rows(plan_condition(plan.id, unit_id=unit_id, state=state, view=view,
                                         user=current_user), (Task.position,))
        return render_template("plans/_task_table.html", tasks=tasks, unit_id=unit_id, state=state,
                               view=view)

    return fragments.cached("plan-tasks", (plan.id, unit_id, state, view,
                                           current_user.id if view == "cho-toi" else None), build)
