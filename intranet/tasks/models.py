"""Tasks assigned by a plan, the units on them, and comments."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workflows import TASK

from ..extensions import db
from ..formatting import utcnow

UNIT_ROLES = {"lead": "Chủ trì", "coordinating": "Phối hợp", "requested": "Đề nghị"}


class Task(db.Model):
    """One assignment of a plan to one or more units, moved through the task workflow."""

    __tablename__ = "task"
    # Covers the task-table and dashboard conditions, so they scan an index, not the wide rows.
    __table_args__ = (Index("ix_task_plan_listing", "plan_id", "position", "state", "due_on",
                            "recurrence", "recurrence_month", "recurrence_day", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    clause: Mapped[str | None] = mapped_column(String(20))
    group_heading: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    subtasks: Mapped[list] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(20), default=TASK.initial, index=True)
    version: Mapped[int] = mapped_column(default=1)
    due_on: Mapped[date | None]
    recurrence: Mapped[str | None] = mapped_column(String(20))
    recurrence_month: Mapped[int | None]
    recurrence_day: Mapped[int | None]
    deadline_text: Mapped[str | None] = mapped_column(Text)
    draft: Mapped[str | None] = mapped_column(Text)
    draft_updated_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    plan = relationship("Plan")
    units: Mapped[list[TaskUnit]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="TaskUnit.position")

    __mapper_args__ = {"version_id_col": version}

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return TASK.state(self.state)

    def unit_ids(self, *roles: str) -> set[int]:
        """Ids of the units on this task in the given roles (all roles when none given)."""
        return {u.unit_id for u in self.units if not roles or u.role in roles}

    def units_in(self, role: str) -> list:
        """The OrgUnits on this task in `role`."""
        return [u.unit for u in self.units if u.role == role]


class TaskUnit(db.Model):
    """A unit on a task: lead (chủ trì), coordinating (phối hợp) or requested (đề nghị)."""

    __tablename__ = "task_unit"
    __table_args__ = (
        UniqueConstraint("task_id", "unit_id", "role"),
        Index("ix_task_unit_unit_role", "unit_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    role: Mapped[str] = mapped_column(String(20), default="lead")
    position: Mapped[int] = mapped_column(default=0)

    unit = relationship("OrgUnit", lazy="joined")

    @property
    def role_label(self) -> str:
        """Vietnamese name of the role."""
        return UNIT_ROLES[self.role]


class Comment(db.Model):
    """A comment on a task."""

    __tablename__ = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author = relationship("User", lazy="joined")
