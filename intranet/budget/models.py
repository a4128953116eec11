"""A unit's yearly budget estimate for a plan, and its lines."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workflows.budget import BUDGET

from ..extensions import db
from ..formatting import utcnow

FUND_SOURCES = {
    "provincial": "Ngân sách tỉnh",
    "local": "Ngân sách địa phương",
    "socialised": "Xã hội hóa",
    "other": "Nguồn khác",
}


class BudgetEstimate(db.Model):
    """One unit's estimate for one plan and one budget year; staff draft it, the head sends it."""

    __tablename__ = "budget_estimate"
    __table_args__ = (UniqueConstraint("plan_id", "unit_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    year: Mapped[int]
    state: Mapped[str] = mapped_column(String(20), default=BUDGET.initial)
    version: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    return_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    unit = relationship("OrgUnit", lazy="joined")
    lines: Mapped[list[BudgetLine]] = relationship(
        back_populates="estimate", cascade="all, delete-orphan", order_by="BudgetLine.id")

    # Every line change touches the estimate, so a head sending it while staff still edit loses cleanly.
    __mapper_args__ = {"version_id_col": version}

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return BUDGET.state(self.state)

    @property
    def total(self) -> int:
        """Sum of the lines, in đồng."""
        return sum(line.amount for line in self.lines)


class BudgetLine(db.Model):
    """One line of an estimate: what for (one of the unit's lead tasks), how much, from which source."""

    __tablename__ = "budget_line"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_budget_line_estimate", "estimate_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estimate_id: Mapped[int] = mapped_column(ForeignKey("budget_estimate.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    content: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    estimate: Mapped[BudgetEstimate] = relationship(back_populates="lines")
    task = relationship("Task", lazy="joined")

    @property
    def source_label(self) -> str:
        """Vietnamese name of the source of funds."""
        return FUND_SOURCES.get(self.source, self.source)
