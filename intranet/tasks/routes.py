"""One task: its page, draft, comments and workflow moves."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload

from workflows import TASK

from .. import fragments
from ..audit.services import history
from ..extensions import db
from ..plans import services as plans
from ..plans.models import Plan
from ..web import is_fragment_request, render
from . import services
from .models import Task
from .permissions import allowed_transitions, can_comment, can_edit_draft, can_view_task

bp = Blueprint("tasks", __name__, url_prefix="/nhiem-vu")


# The task with its units and its plan's header, in one statement built once: every task page
# and move starts here, and building the select with its loader options each time was a third
# of its cost.
_TASK_PAGE = db.select(Task).where(Task.id == bindparam("task_id")).options(
    joinedload(Task.units), joinedload(Task.plan).load_only(*plans.HEADER))


TASKS_KEPT = 1024  # tasks whose page rows a worker keeps (a draft runs to 20,000 characters)


def init_app(app) -> None:
    """Give the app its store of task copies for the task page (used only when caching is on)."""
    app.extensions["kept_tasks"] = fragments.KeptCopies(TASKS_KEPT)


def _read(task_id: int) -> Task | None:
    return db.session.execute(_TASK_PAGE, {"task_id": task_id}).unique().scalar_one_or_none()


def _read_for_page(task_id: int) -> Task | None:
    """The task for a GET of its page: this worker's copy while the data has not changed since
    it was loaded (no statement), read again otherwise. A move always reads it (`_read`)."""
    return current_app.extensions["kept_tasks"].fetch(task_id, fragments.generation, lambda: _read(task_id))


def _load_visible(task_id: int, read=_read) -> Task:
    """Load the task (404) and check the user may see it (403)."""
    task = read(task_id)
    if task is None:
        abort(404)
    if not can_view_task(current_user, task):
        abort(403)
    return task


def _page(task: Task, status: int = 200):
    """The task page (its panel for htmx): what everyone sees comes from the fragment store, the
    forms of this user are rendered each time."""
    plan = db.session.get(Plan, task.plan_id)
    facts = fragments.cached("task-facts", (task.id,), lambda: render_template(
        "tasks/_facts.html", task=task, plan=plan))
    comments = fragments.cached("task-comments", (task.id,), lambda: render_template(
        "tasks/_comments.html", comments=services.comments_of(task)))
    events = fragments.cached("task-history", (task.id,), lambda: render_template(
        "tasks/_history.html", events=history("task", task.id)))
    return render("tasks/detail.html", "tasks/_panel.html", status=status, task=task, plan=plan,
                  facts=facts, comments=comments, history=events,
                  actions=allowed_transitions(current_user, task),
                  can_edit=can_edit_draft(current_user, task),
                  can_comment=can_comment(current_user, task))


@bp.route("/<int:task_id>")
@login_required
def detail(task_id: int):
    """Show a task with its draft, comments, history and the moves I may make."""
    return _page(_load_visible(task_id, _read_for_page))


@bp.route("/<int:task_id>/noi-dung", methods=["POST"])
@login_required
def save_draft(task_id: int):
    """Save the unit's draft of its work."""
    task = _load_visible(task_id)
    services.save_draft(task, current_user, request.form.get("draft", ""),
                        expected_version=request.form.get("version"))
    return _done(task, "Đã lưu nội dung thực hiện.")


@bp.route("/<int:task_id>/chuyen/<trigger>", methods=["POST"])
@login_required
def transition(task_id: int, trigger: str):
    """Fire one workflow move on the task."""
    task = _load_visible(task_id)
    if not TASK.has_trigger(trigger):
        abort(404)
    label = TASK.transition(trigger, task.state)
    services.fire_transition(task, trigger, current_user, reason=request.form.get("reason"),
                             expected_version=request.form.get("version"))
    return _done(task, f"Đã thực hiện: {label.label}." if label else "Đã cập nhật.")


@bp.route("/<int:task_id>/binh-luan", methods=["POST"])
@login_required
def comment(task_id: int):
    """Add a comment."""
    task = _load_visible(task_id)
    services.add_comment(task, current_user, request.form.get("body", ""))
    return _done(task, "Đã gửi bình luận.")


def _done(task: Task, message: str):
    """Commit the change; answer with the refreshed panel for htmx, a redirect otherwise.

    The panel is rendered after the commit, so the write lock (the whole database on SQLite) is
    held for the change only, not while the page renders. The commit keeps the loaded task and
    user as they were written (not expired): reading back what this request has just written
    would cost four statements.
    """
    flash(message, "success")
    fragments.commit_keeping_loaded()
    if is_fragment_request():
        return _page(task)
    return redirect(url_for("tasks.detail", task_id=task.id))
