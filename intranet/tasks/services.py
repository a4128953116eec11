"""Task operations: move through the workflow, edit the draft, comment. They flush, never commit."""
from __future__ import annotations

from sqlalchemy.orm import joinedload, lazyload, selectinload

from workflows import TASK, Forbidden

from ..audit.services import record_event
from ..auth.models import User
from ..errors import ValidationError
from ..extensions import db
from ..formatting import utcnow
from ..versioning import check_version, flush_or_conflict
from .models import Comment, Task
from .permissions import actor_for, can_comment, can_edit_draft, facts_for
from .queries import plan_condition

MAX_DRAFT = 20_000
MAX_COMMENT = 4_000


def fire_transition(task: Task, trigger: str, user, *, reason: str | None = None,
                    expected_version=None) -> Task:
    """Move `task` by `trigger` as `user`, with its audit event, in the current transaction."""
    check_version(task, expected_version)
    reason = (reason or "").strip()[:2000] or None
    before = task.state
    after = TASK.fire(trigger, before, actor_for(user, task), reason=reason, facts=facts_for(task))
    task.state = after
    _apply_side_effects(task, trigger, user)
    record_event("task", task.id, trigger, TASK.transition(trigger, before).label, user,
                 from_state=before, to_state=after, reason=reason)
    flush_or_conflict()
    return task


def _apply_side_effects(task: Task, trigger: str, user) -> None:
    """Remember who submitted and sent, so nobody approves their own submission."""
    if trigger == "submit":
        task.submitted_by_id = user.id
    elif trigger == "send":
        task.sent_by_id = user.id
    elif trigger == "approve":
        task.completed_at = utcnow()
    if task.state == "drafting":
        task.submitted_by_id = task.sent_by_id = None
        task.completed_at = None


def save_draft(task: Task, user, text: str, *, expected_version=None) -> Task:
    """Save the unit's draft of its work; the first save starts drafting."""
    if not can_edit_draft(user, task):
        raise Forbidden("Bạn không thể sửa nội dung nhiệm vụ này ở trạng thái hiện tại.")
    check_version(task, expected_version)
    text = (text or "").strip()
    if len(text) > MAX_DRAFT:
        raise ValidationError(f"Nội dung quá dài (tối đa {MAX_DRAFT:,} ký tự).".replace(",", "."))
    if task.state == "assigned":
        fire_transition(task, "start_draft", user)
    task.draft = text
    task.draft_updated_at = utcnow()
    record_event("task", task.id, "edit_draft", "Cập nhật nội dung thực hiện", user)
    flush_or_conflict()
    return task


def add_comment(task: Task, user, body: str) -> Comment:
    """Add a comment to the task."""
    if not can_comment(user, task):
        raise Forbidden("Bạn không thể bình luận nhiệm vụ này.")
    body = (body or "").strip()
    if not body:
        raise ValidationError("Vui lòng nhập nội dung bình luận.")
    if len(body) > MAX_COMMENT:
        raise ValidationError("Bình luận quá dài (tối đa 4.000 ký tự).")
    comment = Comment(task_id=task.id, author_id=user.id, body=body)
    db.session.add(comment)
    db.session.flush()
    return comment


def comments_of(task: Task) -> list[Comment]:
    """The task's comments, oldest first."""
    return db.session.scalars(
        db.select(Comment).options(joinedload(Comment.author).options(lazyload(User.role_rows)))
        .where(Comment.task_id == task.id).order_by(Comment.id)).all()


def task_query():
    """Select tasks with their units loaded in one extra statement."""
    return db.select(Task).options(selectinload(Task.units))


def tasks_of_plan(plan_id: int, *, unit_id: int | None = None, state: str | None = None,
                  view: str | None = None, user=None):
    """Tasks of one plan, filtered as the plan page filters them (unit, state, quick view)."""
    condition = plan_condition(plan_id, unit_id=unit_id, state=state, view=view, user=user)
    return db.session.scalars(task_query().where(condition).order_by(Task.position)).all()
