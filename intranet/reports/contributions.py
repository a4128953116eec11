"""Coordinating units' contributions to the lead unit's report, and merging them. Flush, never commit."""
from __future__ import annotations

from collections import defaultdict

from workflows import Forbidden

from ..audit.services import record_event
from ..errors import ValidationError
from ..extensions import db
from ..formatting import utcnow
from ..plans.models import Target
from ..tasks.models import Task, TaskUnit
from ..versioning import flush_or_conflict
from .models import Contribution, ReportPeriod, TargetFigure, TaskResult, UnitReport
from .permissions import can_merge_contribution, can_send_contribution
from .rollup import target_measure
from .unit_reports import MAX_TEXT, parse_figures


def coordinating_slots(period: ReportPeriod, unit_id: int) -> list[TaskResult]:
    """Result rows of this period's lead reports on tasks `unit_id` coordinates."""
    coordinated = db.select(TaskUnit.task_id).where(
        TaskUnit.unit_id == unit_id, TaskUnit.role == "coordinating")
    return db.session.scalars(
        db.select(TaskResult).join(UnitReport).join(Task, Task.id == TaskResult.task_id)
        .where(UnitReport.period_id == period.id, UnitReport.unit_id != unit_id,
               TaskResult.task_id.in_(coordinated))
        .order_by(Task.position, UnitReport.unit_id)).all()


def sent_by_unit(period: ReportPeriod, unit_id: int) -> list[Contribution]:
    """Contributions `unit_id` sent in this period, newest first."""
    return db.session.scalars(
        db.select(Contribution).join(TaskResult).join(UnitReport)
        .where(UnitReport.period_id == period.id, Contribution.unit_id == unit_id)
        .order_by(Contribution.id.desc())).all()


def received_by_report(report: UnitReport) -> dict[int, list[Contribution]]:
    """Contributions to `report`, grouped by result row id."""
    rows = db.session.scalars(
        db.select(Contribution).join(TaskResult).where(TaskResult.report_id == report.id)
        .order_by(Contribution.id)).all()
    grouped: dict[int, list[Contribution]] = defaultdict(list)
    for row in rows:
        grouped[row.result_id].append(row)
    return grouped


def send_contribution(result: TaskResult, user, text: str | None, *, target_id=None,
                      count=None, numerator=None, denominator=None) -> Contribution:
    """Send a coordinating unit's text (and optional figure for one target) to the lead unit."""
    if not can_send_contribution(user, result.task, result.report):
        raise Forbidden("Đơn vị bạn không phối hợp nhiệm vụ này, hoặc báo cáo của đơn vị chủ trì đã gửi.")
    text = (text or "").strip()
    if not text:
        raise ValidationError("Vui lòng nhập nội dung phối hợp.")
    if len(text) > MAX_TEXT:
        raise ValidationError("Nội dung phối hợp quá dài.")
    contribution = Contribution(result_id=result.id, unit_id=user.unit_id, text=text, sent_by_id=user.id)
    if target_id not in (None, ""):
        target = db.session.get(Target, _int(target_id))
        if target is None or target.plan_id != result.report.period.plan_id:
            raise ValidationError("Chỉ tiêu không thuộc kế hoạch này.")
        measure = target_measure(m.value for m in target.milestones)
        figures = parse_figures(measure, count, numerator, denominator)
        if figures != (None, None, None):
            contribution.target_id = target.id
            contribution.count, contribution.numerator, contribution.denominator = figures
    db.session.add(contribution)
    db.session.flush()
    record_event("unit_report", result.report_id, "contribution", "Nhận nội dung phối hợp", user,
                 reason=f"Nhiệm vụ {result.task.position}")
    return contribution


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError("Chỉ tiêu không hợp lệ.") from None


def merge_contribution(contribution: Contribution, user) -> Contribution:
    """Copy the text into the lead unit's result, add its figure to the target row, mark merged."""
    if not can_merge_contribution(user, contribution):
        raise Forbidden("Không thể tổng hợp nội dung phối hợp vào báo cáo ở trạng thái hiện tại.")
    result = contribution.result
    line = f"- {contribution.unit.name} phối hợp: {contribution.text}"
    result.text = f"{result.text}\n{line}" if (result.text or "").strip() else line
    result.updated_at, result.updated_by_id = utcnow(), user.id
    if contribution.has_figures:
        _add_figure(result.report, contribution)
    contribution.merged_at, contribution.merged_by_id = utcnow(), user.id
    record_event("unit_report", result.report_id, "merge_contribution", "Tổng hợp nội dung phối hợp", user,
                 reason=f"{contribution.unit.name}, nhiệm vụ {result.task.position}")
    flush_or_conflict()
    return contribution


def _add_figure(report: UnitReport, contribution: Contribution) -> None:
    """Add the contribution's figure to the lead unit's own figure for that target."""
    figure = next((f for f in report.figures if f.target_id == contribution.target_id), None)
    if figure is None:
        figure = TargetFigure(target_id=contribution.target_id, position=len(report.figures))
        report.figures.append(figure)
    if contribution.count is not None:
        figure.count = (figure.count or 0) + contribution.count
    if contribution.denominator:
        figure.numerator = (figure.numerator or 0) + contribution.numerator
        figure.denominator = (figure.denominator or 0) + contribution.denominator
