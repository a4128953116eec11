"""Plans (Kế hoạch): header, body, targets, deadlines and signature blocks."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..formatting import utcnow


class Plan(db.Model):
    """An issued plan with its number and symbol, e.g. 112/KH-UBND."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20))
    symbol: Mapped[str | None] = mapped_column(String(60))
    doc_type: Mapped[str] = mapped_column(String(60), default="KẾ HOẠCH")
    place: Mapped[str | None] = mapped_column(String(80))
    issued_on: Mapped[date | None]
    title: Mapped[str] = mapped_column(Text)
    period_start: Mapped[int | None]
    period_end: Mapped[int | None]
    legal_basis: Mapped[list] = mapped_column(JSON, default=list)
    intro: Mapped[list] = mapped_column(JSON, default=list)
    closing: Mapped[list] = mapped_column(JSON, default=list)
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    # Printed parts kept as data in the parsed-plan format (docs/plan-format.md):
    # issuers [{name, parent, lines, unit_id}], sections [{heading, number, title, blocks}],
    # signers [{lines, name}]. They are read whole, never queried by field.
    issuers: Mapped[list] = mapped_column(JSON, default=list)
    sections: Mapped[list] = mapped_column(JSON, default=list)
    signers: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="issued")
    source_filename: Mapped[str | None] = mapped_column(String(255))
    source_text: Mapped[str | None] = mapped_column(Text, deferred=True)  # only the importer reads it
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    targets: Mapped[list[Target]] = relationship(
        order_by="Target.position", cascade="all, delete-orphan")
    deadlines: Mapped[list[PlanDeadline]] = relationship(
        order_by="PlanDeadline.position", cascade="all, delete-orphan")

    @property
    def reference(self) -> str:
        """Number and symbol as printed: '112/KH-UBND', or the id when unnumbered."""
        if self.number:
            return f"{self.number}/{self.symbol}" if self.symbol else self.number
        return f"KH#{self.id}"

    @property
    def issuer_names(self) -> list[str]:
        """Names of the issuing bodies."""
        return [i["name"] for i in self.issuers]

    @property
    def yearly_deadline(self) -> PlanDeadline | None:
        """The plan's yearly reporting deadline, if it sets one."""
        return next((d for d in self.deadlines if d.rule == "yearly" and d.month), None)


class Target(db.Model):
    """A target (chỉ tiêu) of the plan, with yearly milestones."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)

    milestones: Mapped[list[Milestone]] = relationship(
        order_by="Milestone.position", cascade="all, delete-orphan", lazy="selectin")


class Milestone(db.Model):
    """A milestone of a target: '>80%' by 2025."""

    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    year: Mapped[int | None]
    label: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(40))


class PlanDeadline(db.Model):
    """A deadline the plan text sets: a date, a yearly day, a mid-term or final review."""

    __tablename__ = "plan_deadline"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str | None] = mapped_column(String(20))
    due_on: Mapped[date | None]
    month: Mapped[int | None]
    day: Mapped[int | None]
    year: Mapped[int | None]
