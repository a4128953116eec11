"""Report figures for dashboards: each period's reports by deadline status, targets against milestones.

Reads the reporting engineer's models (intranet/reports) without changing them; classification
reuses their `deadline_status`, so the dashboard and the period page always agree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import SimpleNamespace

from sqlalchemy.orm import joinedload

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Milestone, Target
from ..reports.models import ReportPeriod, TargetFigure, UnitReport
from ..reports.periods import STATUSES, deadline_status
from ..reports.rollup import Total, compare, milestone_for, milestone_text, target_measure
from .sql import vn_day

STATUS_ORDER = ("overdue", "due_soon", "due", "on_time", "late")


@dataclass
class PeriodStatus:
    """A reporting period and how many of its unit reports are in each deadline status."""

    id: int
    name: str
    due_on: date
    by_status: Counter = field(default_factory=Counter)
    accepted: int = 0

    @property
    def total(self) -> int:
        """Number of unit reports asked for."""
        return sum(self.by_status.values())

    def statuses(self):
        """(DeadlineStatus, count) in reading order."""
        return [(STATUSES[k], self.by_status[k]) for k in STATUS_ORDER]


def _noon(day) -> datetime | None:
    # Noon in Vietnam (05:00 UTC) keeps the grouped day the same day in to_vn().
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return datetime.combine(day, time(5)) if day else None


def period_statuses(plan_id: int, today: date | None = None) -> list[PeriodStatus]:
    """Every period of the plan with its reports counted by deadline status, newest first: one statement."""
    today = today or today_vn()
    rows = db.session.execute(
        db.select(ReportPeriod.id, ReportPeriod.kind, ReportPeriod.year, ReportPeriod.ordinal,
                  ReportPeriod.title, ReportPeriod.due_on, UnitReport.state,
                  vn_day(UnitReport.submitted_at), db.func.count())
        .join(UnitReport, UnitReport.period_id == ReportPeriod.id)
        .where(ReportPeriod.plan_id == plan_id)
        .group_by(ReportPeriod.id, ReportPeriod.kind, ReportPeriod.year, ReportPeriod.ordinal,
                  ReportPeriod.title, ReportPeriod.due_on, UnitReport.state,
                  vn_day(UnitReport.submitted_at))).all()
    periods: dict[int, PeriodStatus] = {}
    for pid, kind, year, ordinal, title, due_on, state, submitted_day, count in rows:
        if pid not in periods:
            name = ReportPeriod(kind=kind, year=year, ordinal=ordinal, title=title).name
            periods[pid] = PeriodStatus(pid, name, due_on)
        report = SimpleNamespace(state=state, submitted_at=_noon(submitted_day),
                                 period=SimpleNamespace(due_on=due_on))
        periods[pid].by_status[deadline_status(report, today).key] += count
        if state == "accepted":
            periods[pid].accepted += count
    return sorted(periods.values(), key=lambda p: (p.due_on, p.id), reverse=True)


def unit_reports(unit_id: int) -> list[UnitReport]:
    """One unit's reports over every plan, latest due first: one statement."""
    return db.session.scalars(
        db.select(UnitReport).join(ReportPeriod, ReportPeriod.id == UnitReport.period_id)
        .where(UnitReport.unit_id == unit_id)
        .options(joinedload(UnitReport.period))
        .order_by(ReportPeriod.due_on.desc(), UnitReport.id.desc()).limit(50)).unique().all()


@dataclass
class TargetRow:
    """A target, its milestones, and the latest province-wide result from accepted reports."""

    id: int
    position: int
    text: str
    milestones: list[dict] = field(default_factory=list)
    result: str = ""
    result_year: int | None = None
    milestone: str = ""
    verdict: str = ""
    value: float | None = None  # the result compared with the milestone: a percentage or a count


def _when(year: int | None, today: date) -> str:
    if year is None:
        return "Hằng năm"
    if year < today.year:
        return "Đã qua mốc"
    if year == today.year:
        return "Mốc năm nay"
    return f"Còn {year - today.year} năm"


def target_rows(plan_id: int, today: date | None = None) -> list[TargetRow]:
    """Targets with milestones and the latest accepted result against that year's milestone (2 statements)."""
    today = today or today_vn()
    rows: dict[int, TargetRow] = {}
    values: dict[int, list[Milestone]] = {}
    for t_id, position, text, m_label, m_value, m_year in db.session.execute(
            db.select(Target.id, Target.position, Target.text, Milestone.label, Milestone.value,
                      Milestone.year)
            .outerjoin(Milestone, Milestone.target_id == Target.id)
            .where(Target.plan_id == plan_id).order_by(Target.position, Target.id, Milestone.position)):
        row = rows.setdefault(t_id, TargetRow(t_id, len(rows) + 1, text))
        if m_label is not None:
            row.milestones.append({"label": m_label, "value": m_value, "year": m_year,
                                   "when": _when(m_year, today)})
            values.setdefault(t_id, []).append(SimpleNamespace(value=m_value, year=m_year))
    for t_id, year, total in _latest_totals(plan_id, values):
        row = rows[t_id]
        milestone = milestone_for(values.get(t_id, []), year)
        row.result, row.result_year = total.text, year
        row.value = None if total.value is None else float(total.value)
        row.milestone, row.verdict = milestone_text(milestone), compare(total.value, milestone)
    return list(rows.values())


def _latest_totals(plan_id: int, milestones: dict[int, list]):
    """(target id, year, Total) of the latest period with accepted figures, per target."""
    ratio = TargetFigure.denominator > 0
    rows = db.session.execute(
        db.select(TargetFigure.target_id, ReportPeriod.year, ReportPeriod.due_on, ReportPeriod.id,
                  db.func.count(TargetFigure.count), db.func.sum(TargetFigure.count),
                  db.func.count(db.case((ratio, 1))), db.func.sum(db.case((ratio, TargetFigure.numerator))),
                  db.func.sum(db.case((ratio, TargetFigure.denominator))))
        .join(UnitReport, UnitReport.id == TargetFigure.report_id)
        .join(ReportPeriod, ReportPeriod.id == UnitReport.period_id)
        .where(ReportPeriod.plan_id == plan_id, UnitReport.state == "accepted")
        .group_by(TargetFigure.target_id, ReportPeriod.year, ReportPeriod.due_on, ReportPeriod.id)
        .order_by(ReportPeriod.due_on, ReportPeriod.id)).all()
    latest = {}
    for t_id, year, _due, _pid, counted, count, ratios, numerator, denominator in rows:
        measure = target_measure(m.value for m in milestones.get(t_id, []))
        if measure == "ratio" and ratios:
            latest[t_id] = (year, Total(measure, numerator=int(numerator or 0),
                                        denominator=int(denominator), units=ratios))
        elif measure == "count" and counted:
            latest[t_id] = (year, Total(measure, count=int(count), units=counted))
    return [(t_id, year, total) for t_id, (year, total) in latest.items()]


def result_counts(period_id: int) -> dict[int, int]:
    """Number of lead tasks in each unit report of a period, keyed by report id: one statement."""
    from ..reports.models import TaskResult

    return dict(db.session.execute(
        db.select(TaskResult.report_id, db.func.count())
        .join(UnitReport, UnitReport.id == TaskResult.report_id)
        .where(UnitReport.period_id == period_id).group_by(TaskResult.report_id)).all())
