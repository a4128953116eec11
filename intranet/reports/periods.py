"""Reporting periods: data windows (Nghị định 09/2019), due dates, opening, deadline status."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError

from ..audit.services import record_event
from ..errors import ValidationError
from ..extensions import db
from ..formatting import to_vn, today_vn, vn_date
from ..plans.models import Plan, Target
from ..tasks.deadlines import DeadlineStatus
from ..tasks.models import Task, TaskUnit
from ..units.models import OrgUnit
from .models import PERIOD_KINDS, ReportPeriod, TargetFigure, TaskResult, UnitReport

# Units that never report on the system: groups of bodies without one account of their own
# ("UBND các huyện...") and bodies outside the province's authority, which are only "requested".
NON_REPORTING_KINDS = ("collective", "external")
REVIEW_RULES = {"midterm": "midterm", "final": "final"}
SUBMITTED_STATES = ("submitted", "under_review", "accepted")


@dataclass(frozen=True)
class Window:
    """A period's data window and the day reports are due."""

    starts_on: date
    ends_on: date
    due_on: date


# A report's deadline status reads like a task's: key, Vietnamese label, badge colour.
DUE = DeadlineStatus("due", "Chưa đến hạn", "info")
DUE_SOON = DeadlineStatus("due_soon", "Sắp đến hạn", "warning")
OVERDUE = DeadlineStatus("overdue", "Quá hạn", "danger")
ON_TIME = DeadlineStatus("on_time", "Đã gửi đúng hạn", "success")
LATE = DeadlineStatus("late", "Gửi muộn", "secondary")
STATUSES = {s.key: s for s in (DUE, DUE_SOON, OVERDUE, ON_TIME, LATE)}


def data_window(kind: str, year: int) -> tuple[date, date]:
    """Nghị định 09/2019: annual 15/12 (Y-1) → 14/12 Y; first half 15/12 (Y-1) → 14/6 Y."""
    start = date(year - 1, 12, 15)
    if kind == "half_year":
        return start, date(year, 6, 14)
    return start, date(year, 12, 14)


def _plan_day(plan: Plan | None, rule: str, year: int) -> date | None:
    """The day in `year` the plan sets by a recurring deadline of `rule`, if any."""
    for deadline in (plan.deadlines if plan else ()):
        if deadline.rule == rule and deadline.month:
            return date(year, deadline.month, deadline.day or 1)
    return None


def review_year(plan: Plan, kind: str) -> int | None:
    """The year of the plan's mid-term or final review (2026, 2030 for 112/KH-UBND)."""
    for deadline in plan.deadlines:
        if deadline.rule == REVIEW_RULES[kind] and deadline.year:
            return deadline.year
    return None


def period_window(kind: str, year: int, plan: Plan | None = None, *, due_on: date | None = None) -> Window:
    """Data window and due date of a period of `kind` for `year`, read off the plan where it says."""
    if kind == "ad_hoc":
        if due_on is None:
            raise ValidationError("Báo cáo đột xuất cần có hạn gửi.")
        return Window(date(year - 1, 12, 15), due_on, due_on)
    if kind == "half_year":
        start, end = data_window("half_year", year)
        return Window(start, end, _plan_day(plan, "half_year", year) or date(year, 6, 15))
    if kind in ("midterm", "final"):
        # A review covers the plan from its issue to the review year's annual cut-off.
        issued = plan.issued_on if plan and plan.issued_on else date(year - 1, 12, 15)
        end = data_window("annual", year)[1]
        return Window(issued, end, _plan_day(plan, "yearly", year) or date(year, 12, 15))
    start, end = data_window("annual", year)
    return Window(start, end, _plan_day(plan, "yearly", year) or date(year, 12, 15))


def deadline_status(report, today: date | None = None, soon_days: int = 7) -> DeadlineStatus:
    """Due, due soon (≤ 7 days), overdue, submitted on time or submitted late."""
    due = report.period.due_on
    if report.state in SUBMITTED_STATES and report.submitted_at:
        return ON_TIME if to_vn(report.submitted_at).date() <= due else LATE
    today = today or today_vn()
    if today > due:
        return OVERDUE
    if (due - today) <= timedelta(days=soon_days):
        return DUE_SOON
    return DUE


def reporting_units(plan: Plan) -> tuple[list[OrgUnit], list[OrgUnit]]:
    """Lead units of the plan's open tasks that report, and those that do not: groups of units,
    bodies outside the province's authority, and bodies only "requested" (đề nghị)."""
    rows = db.session.execute(
        db.select(OrgUnit, TaskUnit.role).join(TaskUnit, TaskUnit.unit_id == OrgUnit.id)
        .join(Task, Task.id == TaskUnit.task_id)
        .where(Task.plan_id == plan.id, TaskUnit.role.in_(("lead", "requested")), Task.state != "cancelled")
        .distinct().order_by(OrgUnit.id)).all()
    leads = {unit.id for unit, role in rows if role == "lead"}
    units = list(dict.fromkeys(unit for unit, _role in rows))
    reporting = [u for u in units if u.id in leads and u.is_active and not _non_reporting(u)]
    return reporting, [u for u in units if u not in reporting]


def _non_reporting(unit: OrgUnit) -> bool:
    return unit.is_external or unit.kind in NON_REPORTING_KINDS


def _check_year(plan: Plan, kind: str, year: int) -> int:
    if kind in REVIEW_RULES:
        fixed = review_year(plan, kind)
        if fixed is None:
            raise ValidationError(f"Kế hoạch không quy định năm {PERIOD_KINDS[kind].lower().removeprefix('báo cáo ')}.")
        return fixed
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError("Năm báo cáo không hợp lệ.")
    low, high = plan.period_start, plan.period_end
    if (low and year < low) or (high and year > high):
        raise ValidationError(f"Năm báo cáo phải trong thời gian thực hiện kế hoạch ({low}–{high}).")
    return year


def open_period(plan: Plan, kind: str, year: int | None, user, *, due_on: date | None = None,
                title: str | None = None) -> ReportPeriod:
    """Open a period and create every reporting unit's draft, with the audit events, in one flush."""
    if kind not in PERIOD_KINDS:
        raise ValidationError("Loại kỳ báo cáo không hợp lệ.")
    year = _check_year(plan, kind, year)
    title = (title or "").strip()[:255] or None
    if kind == "ad_hoc" and not title:
        raise ValidationError("Vui lòng nêu nội dung yêu cầu báo cáo đột xuất.")
    window = period_window(kind, year, plan, due_on=due_on)
    ordinal = 1
    if kind == "ad_hoc":
        ordinal += db.session.scalar(db.select(func.count(ReportPeriod.id)).where(
            ReportPeriod.plan_id == plan.id, ReportPeriod.kind == kind, ReportPeriod.year == year))
    elif find_period(plan.id, kind, year):
        raise ValidationError(f"{PERIOD_KINDS[kind]} năm {year} của kế hoạch này đã được mở.")
    period = ReportPeriod(plan_id=plan.id, kind=kind, year=year, ordinal=ordinal, title=title,
                          starts_on=window.starts_on, ends_on=window.ends_on, due_on=window.due_on,
                          opened_by_id=user.id)
    db.session.add(period)
    _flush_new_period()
    reporting, _skipped = reporting_units(plan)
    for unit in reporting:
        _create_report(period, unit, plan, user)
    record_event("report_period", period.id, "open", "Mở kỳ báo cáo", user,
                 reason=f"{period.name}; hạn gửi {vn_date(period.due_on)}; {len(reporting)} đơn vị")
    db.session.flush()
    return period


def _flush_new_period() -> None:
    """Flush; a concurrent opening of the same period loses on the unique constraint."""
    try:
        db.session.flush()
    except IntegrityError:  # the error handler rolls the request back
        raise ValidationError("Kỳ báo cáo này đã được mở.") from None


def _create_report(period: ReportPeriod, unit: OrgUnit, plan: Plan, user) -> UnitReport:
    """A draft with one result row per lead task and one figure row per target."""
    tasks = db.session.scalars(
        db.select(Task).join(TaskUnit).where(
            Task.plan_id == plan.id, TaskUnit.unit_id == unit.id, TaskUnit.role == "lead",
            Task.state != "cancelled").order_by(Task.position)).all()
    targets = db.session.scalars(
        db.select(Target).where(Target.plan_id == plan.id).order_by(Target.position)).all()
    report = UnitReport(period=period, unit_id=unit.id,
                        results=[TaskResult(task_id=t.id, position=i) for i, t in enumerate(tasks)],
                        figures=[TargetFigure(target_id=t.id, position=i) for i, t in enumerate(targets)])
    db.session.add(report)
    db.session.flush()
    record_event("unit_report", report.id, "create", "Khởi tạo báo cáo của đơn vị", user,
                 to_state=report.state)
    return report


def find_period(plan_id: int, kind: str, year: int) -> ReportPeriod | None:
    """The periodic report of `kind` for `year`, if opened."""
    return db.session.scalar(db.select(ReportPeriod).where(
        ReportPeriod.plan_id == plan_id, ReportPeriod.kind == kind, ReportPeriod.year == year,
        ReportPeriod.ordinal == 1))


def periods_of_plan(plan_id: int) -> list[ReportPeriod]:
    """The plan's periods, newest year first."""
    return db.session.scalars(db.select(ReportPeriod).where(ReportPeriod.plan_id == plan_id)
                              .order_by(ReportPeriod.year.desc(), ReportPeriod.due_on.desc())).all()


def reports_of_period(period: ReportPeriod, user) -> list[UnitReport]:
    """The period's unit reports `user` may see: all for Công an tỉnh, else their unit's."""
    query = db.select(UnitReport).where(UnitReport.period_id == period.id)
    if not user.sees_all_units:
        query = query.where(UnitReport.unit_id == user.unit_id)
    return db.session.scalars(query.join(OrgUnit).order_by(OrgUnit.name)).all()


def period_choices(plan: Plan) -> list[tuple[str, str]]:
    """Kinds offered in the opening form; reviews only where the plan schedules them."""
    return [(kind, label) for kind, label in PERIOD_KINDS.items()
            if kind not in REVIEW_RULES or review_year(plan, kind)]
