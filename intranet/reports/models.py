"""Reporting periods, unit reports with their rows and evidence, contributions, consolidated reports."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workflows import DOCUMENT, UNIT_REPORT

from ..extensions import db
from ..formatting import utcnow

PERIOD_KINDS = {
    "annual": "Báo cáo năm",
    "half_year": "Báo cáo 6 tháng đầu năm",
    "midterm": "Báo cáo sơ kết",
    "final": "Báo cáo tổng kết",
    "ad_hoc": "Báo cáo đột xuất",
}

RESULT_STATUSES = {
    "done": "Đã hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_started": "Chưa thực hiện",
}


class ReportPeriod(db.Model):
    """A reporting period of a plan: its data window, due date and the units asked to report."""

    __tablename__ = "report_period"
    # `ordinal` is 1 for periodic kinds; ad hoc requests of one year are numbered 1, 2, ...
    __table_args__ = (UniqueConstraint("plan_id", "kind", "year", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    ordinal: Mapped[int] = mapped_column(default=1)
    title: Mapped[str | None] = mapped_column(String(255))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    due_on: Mapped[date]
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan = relationship("Plan", lazy="joined")
    reports: Mapped[list[UnitReport]] = relationship(
        back_populates="period", cascade="all, delete-orphan", order_by="UnitReport.id")

    @property
    def kind_label(self) -> str:
        """Vietnamese name of the kind."""
        return PERIOD_KINDS[self.kind]

    @property
    def name(self) -> str:
        """'Báo cáo năm 2025', 'Báo cáo đột xuất số 2 năm 2025: ...'."""
        if self.kind == "ad_hoc":
            number = f" số {self.ordinal}" if self.ordinal > 1 else ""
            return f"{self.kind_label}{number} năm {self.year}" + (f": {self.title}" if self.title else "")
        if self.kind in ("annual", "half_year"):
            return f"{self.kind_label} {self.year}"
        return f"{self.kind_label} năm {self.year}"


class UnitReport(db.Model):
    """One unit's report for a period, moved through the UNIT_REPORT workflow."""

    __tablename__ = "unit_report"
    __table_args__ = (UniqueConstraint("period_id", "unit_id"), Index("ix_unit_report_unit_state", "unit_id", "state"))

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("report_period.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    state: Mapped[str] = mapped_column(String(20), default=UNIT_REPORT.initial)
    version: Mapped[int] = mapped_column(default=1)
    assessment: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)
    proposals: Mapped[str | None] = mapped_column(Text)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    submitted_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    period: Mapped[ReportPeriod] = relationship(back_populates="reports")
    unit = relationship("OrgUnit", lazy="joined")
    approved_by = relationship("User", foreign_keys=[approved_by_id])
    results: Mapped[list[TaskResult]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="TaskResult.position")
    figures: Mapped[list[TargetFigure]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="TargetFigure.position")

    __mapper_args__ = {"version_id_col": version}

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return UNIT_REPORT.state(self.state)


class TaskResult(db.Model):
    """What a unit did on one task it leads, in one report."""

    __tablename__ = "task_result"
    __table_args__ = (UniqueConstraint("report_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("unit_report.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    report: Mapped[UnitReport] = relationship(back_populates="results")
    task = relationship("Task", lazy="joined")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="result", cascade="all, delete-orphan", order_by="Evidence.id", lazy="selectin")

    __mapper_args__ = {"version_id_col": version}

    @property
    def status_label(self) -> str:
        """Vietnamese status, or an empty string before one is chosen."""
        return RESULT_STATUSES.get(self.status or "", "")


class TargetFigure(db.Model):
    """A unit's figure for one target of the plan: a count, or a numerator over a denominator."""

    __tablename__ = "target_figure"
    __table_args__ = (UniqueConstraint("report_id", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("unit_report.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    count: Mapped[int | None]
    numerator: Mapped[int | None]
    denominator: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime | None]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    report: Mapped[UnitReport] = relationship(back_populates="figures")
    target = relationship("Target", lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_empty(self) -> bool:
        """No figure entered yet."""
        return self.count is None and self.numerator is None and self.denominator is None


class Evidence(db.Model):
    """A file attached to a task result, stored under FILES_DIR by a random name."""

    __tablename__ = "report_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("task_result.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    result: Mapped[TaskResult] = relationship(back_populates="evidence")


class Contribution(db.Model):
    """A coordinating unit's input to the lead unit's report on one task."""

    __tablename__ = "report_contribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("task_result.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id", ondelete="SET NULL"))
    count: Mapped[int | None]
    numerator: Mapped[int | None]
    denominator: Mapped[int | None]
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    merged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    merged_at: Mapped[datetime | None]

    result = relationship("TaskResult", lazy="joined")
    unit = relationship("OrgUnit", lazy="joined")
    target = relationship("Target")

    @property
    def has_figures(self) -> bool:
        """The contribution carries a figure for a target."""
        return self.target_id is not None and (self.count is not None or self.numerator is not None)


class ConsolidatedReport(db.Model):
    """Công an tỉnh's report for a period, built from accepted unit reports; DOCUMENT workflow."""

    __tablename__ = "consolidated_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("report_period.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=DOCUMENT.initial)
    version: Mapped[int] = mapped_column(default=1)
    assessment: Mapped[str | None] = mapped_column(Text)
    shortcomings: Mapped[str | None] = mapped_column(Text)
    directions: Mapped[str | None] = mapped_column(Text)
    proposals: Mapped[str | None] = mapped_column(Text)
    # The roll-up frozen when Công an tỉnh marks the draft reviewed; what gets signed.
    snapshot: Mapped[dict | None] = mapped_column(JSON)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signed_at: Mapped[datetime | None]
    issued_at: Mapped[datetime | None]
    document_id: Mapped[int | None]
    number: Mapped[str | None] = mapped_column(String(20))
    symbol: Mapped[str | None] = mapped_column(String(60))
    issued_on: Mapped[date | None]
    signed_sha256: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    period = relationship("ReportPeriod", lazy="joined")
    signed_by = relationship("User", foreign_keys=[signed_by_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return DOCUMENT.state(self.state)
