"""A unit's report: task results, target figures, narrative, workflow moves. They flush, never commit."""
from __future__ import annotations


from workflows import UNIT_REPORT, Forbidden

from ..audit.services import record_event
from ..errors import ValidationError
from ..formatting import utcnow
from ..versioning import check_version, flush_or_conflict
from .models import RESULT_STATUSES, TargetFigure, TaskResult, UnitReport
from .permissions import can_edit_report, report_actor, report_facts
from .rollup import target_measure

MAX_TEXT = 20_000
MAX_NOTE = 500
NARRATIVE_FIELDS = ("assessment", "next_steps", "proposals")


def _require_editable(user, report: UnitReport) -> None:
    if not can_edit_report(user, report):
        if report.state not in ("draft", "returned"):
            raise Forbidden("Báo cáo đã gửi, không thể sửa. Cần Công an tỉnh mở lại báo cáo (kèm lý do).")
        raise Forbidden("Bạn không có quyền sửa báo cáo này.")


def _text(value: str | None, label: str, limit: int = MAX_TEXT) -> str | None:
    value = (value or "").strip()
    if len(value) > limit:
        raise ValidationError(f"{label} quá dài (tối đa {limit:,} ký tự).".replace(",", "."))
    return value or None


def save_result(result: TaskResult, user, text: str | None, status: str | None, *,
                expected_version=None) -> TaskResult:
    """Save what the unit did on one task and its status."""
    _require_editable(user, result.report)
    check_version(result, expected_version)
    status = (status or "").strip() or None
    if status is not None and status not in RESULT_STATUSES:
        raise ValidationError("Trạng thái thực hiện không hợp lệ.")
    result.text = _text(text, "Kết quả thực hiện")
    result.status = status
    result.updated_at, result.updated_by_id = utcnow(), user.id
    flush_or_conflict()
    return result


def parse_count(value, label: str) -> int | None:
    """A non-negative whole number, or None when left blank."""
    value = str(value if value is not None else "").strip().replace(".", "").replace(" ", "")
    if value == "":
        return None
    if not value.isdigit():
        raise ValidationError(f"{label} phải là số nguyên không âm.")
    number = int(value)
    if number > 10_000_000:
        raise ValidationError(f"{label} quá lớn.")
    return number


def parse_figures(measure: str, count, numerator, denominator) -> tuple[int | None, int | None, int | None]:
    """Validate a figure for a target of `measure`: a count, or a numerator ≤ a positive denominator."""
    if measure == "ratio":
        num, den = parse_count(numerator, "Tử số"), parse_count(denominator, "Mẫu số")
        if (num is None) != (den is None):
            raise ValidationError("Cần nhập cả tử số và mẫu số (ví dụ 12 trên 15).")
        if den == 0:
            raise ValidationError("Mẫu số phải lớn hơn 0.")
        if num is not None and num > den:
            raise ValidationError("Tử số không được lớn hơn mẫu số.")
        return None, num, den
    return parse_count(count, "Số lượng"), None, None


def figure_measure(figure: TargetFigure) -> str:
    """'ratio' or 'count' for the figure's target."""
    return target_measure(m.value for m in figure.target.milestones)


def save_figure(figure: TargetFigure, user, *, count=None, numerator=None, denominator=None,
                note: str | None = None, expected_version=None) -> TargetFigure:
    """Save a unit's figure for one target (counts only; never names)."""
    _require_editable(user, figure.report)
    check_version(figure, expected_version)
    figure.count, figure.numerator, figure.denominator = parse_figures(
        figure_measure(figure), count, numerator, denominator)
    figure.note = _text(note, "Ghi chú", MAX_NOTE)
    figure.updated_at, figure.updated_by_id = utcnow(), user.id
    flush_or_conflict()
    return figure


def save_narrative(report: UnitReport, user, values: dict, *, expected_version=None) -> UnitReport:
    """Save the report's assessment, next steps and proposals."""
    _require_editable(user, report)
    check_version(report, expected_version)
    for field in NARRATIVE_FIELDS:
        setattr(report, field, _text(values.get(field), "Nội dung"))
    flush_or_conflict()
    return report


def fire_transition(report: UnitReport, trigger: str, user, *, reason: str | None = None,
                    expected_version=None) -> UnitReport:
    """Move the report by `trigger` as `user`, with its audit event."""
    check_version(report, expected_version)
    reason = (reason or "").strip()[:2000] or None
    before = report.state
    report.state = UNIT_REPORT.fire(trigger, before, report_actor(user, report), reason=reason,
                                    facts=report_facts(report))
    _side_effects(report, trigger, user)
    record_event("unit_report", report.id, trigger, UNIT_REPORT.transition(trigger, before).label, user,
                 from_state=before, to_state=report.state, reason=reason)
    flush_or_conflict()
    return report


def _side_effects(report: UnitReport, trigger: str, user) -> None:
    """Remember who approved and when it was sent; a reopened report is sent again later."""
    now = utcnow()
    if trigger == "approve_unit":
        report.approved_by_id = user.id
    elif trigger == "submit":
        report.submitted_by_id, report.submitted_at = user.id, now
    elif trigger == "accept":
        report.accepted_at = now
    if report.state in ("draft", "returned"):
        report.accepted_at = None
    if report.state == "draft":
        report.approved_by_id = None
