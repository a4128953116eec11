"""Công an tỉnh's consolidated report: the roll-up of accepted reports, narrative, review, signing."""
from __future__ import annotations

from collections import OrderedDict

from workflows import DOCUMENT, Forbidden

from ..errors import ValidationError
from ..extensions import db
from ..formatting import utcnow
from ..plans.models import Target
from ..units.services import standing_agency
from ..versioning import check_version, flush_or_conflict
from .models import ConsolidatedReport, ReportPeriod, UnitReport
from .periods import deadline_status, reporting_units
from .permissions import can_edit_consolidated, consolidated_actor
from .printing import CONSOLIDATED_REGISTER_RECIPIENTS, consolidated_title, render_for_signing
from .rollup import compare, milestone_for, milestone_text, target_measure, total
from .unit_reports import MAX_TEXT

NARRATIVE = OrderedDict([
    ("assessment", "Đánh giá chung"),
    ("shortcomings", "Tồn tại, hạn chế"),
    ("directions", "Phương hướng, nhiệm vụ thời gian tới"),
    ("proposals", "Kiến nghị, đề xuất"),
])
DOCUMENT_KIND = "consolidated_report"
SYMBOL = "BC-CAT"


def consolidated_of(period: ReportPeriod) -> ConsolidatedReport | None:
    """The period's consolidated report, if Công an tỉnh has started it."""
    return db.session.scalar(db.select(ConsolidatedReport).where(ConsolidatedReport.period_id == period.id))


def ensure_consolidated(period: ReportPeriod) -> ConsolidatedReport:
    """The period's consolidated report, created as a draft on first change."""
    report = consolidated_of(period)
    if report is None:
        report = ConsolidatedReport(period_id=period.id)
        db.session.add(report)
        db.session.flush()
    return report


def build_rollup(period: ReportPeriod) -> dict:
    """Results by group and task, targets summed province-wide against the year's milestone,
    and the units whose report is not accepted yet; plain data, so it can be frozen as JSON."""
    reports = db.session.scalars(db.select(UnitReport).where(UnitReport.period_id == period.id)).all()
    accepted = [r for r in reports if r.state == "accepted"]
    return {
        "year": period.year,
        "groups": _result_groups(accepted),
        "targets": _target_rows(period, accepted),
        "accepted_units": sorted(r.unit.name for r in accepted),
        "missing": [{"unit": r.unit.name, "state": r.state_def.label,
                     "deadline": deadline_status(r).label}
                    for r in sorted(reports, key=lambda r: r.unit.name) if r.state != "accepted"],
        "not_required": [u.name for u in reporting_units(period.plan)[1]],
        "unit_count": len(reports),
    }


def _result_groups(accepted: list[UnitReport]) -> list[dict]:
    """[{heading, tasks: [{position, text, results: [{unit, status, text}]}]}] in plan order."""
    rows = sorted(((res.task, report, res) for report in accepted for res in report.results),
                  key=lambda row: (row[0].position, row[1].unit.name))
    groups: OrderedDict[str, OrderedDict[int, dict]] = OrderedDict()
    for task, report, res in rows:
        tasks = groups.setdefault(task.group_heading or "Nhiệm vụ khác", OrderedDict())
        entry = tasks.setdefault(task.id, {"position": task.position, "text": task.text, "results": []})
        entry["results"].append({"unit": report.unit.name, "status": res.status_label,
                                 "text": res.text or "", "evidence": len(res.evidence)})
    return [{"heading": heading, "tasks": list(tasks.values())} for heading, tasks in groups.items()]


def _target_rows(period: ReportPeriod, accepted: list[UnitReport]) -> list[dict]:
    """One row per target: province-wide total, the year's milestone and Đạt / Không đạt."""
    targets = db.session.scalars(db.select(Target).where(Target.plan_id == period.plan_id)
                                 .order_by(Target.position)).all()
    by_target: dict[int, list] = {}
    for report in accepted:
        for figure in report.figures:
            by_target.setdefault(figure.target_id, []).append(figure)
    rows = []
    for index, target in enumerate(targets, start=1):
        measure = target_measure(m.value for m in target.milestones)
        summed = total(measure, by_target.get(target.id, []))
        milestone = milestone_for(target.milestones, period.year)
        rows.append({"position": index, "text": target.text, "measure": measure,
                     "result": summed.text, "units": summed.units,
                     "value": None if summed.value is None else float(summed.value), "milestone": milestone_text(milestone),
                     "verdict": compare(summed.value, milestone)})
    return rows


def rollup_of(period: ReportPeriod, report: ConsolidatedReport | None) -> dict:
    """The frozen roll-up once reviewed, else the live one."""
    if report is not None and report.snapshot and report.state != "draft":
        return report.snapshot
    return build_rollup(period)


def save_narrative(period: ReportPeriod, user, values: dict, *, expected_version=None) -> ConsolidatedReport:
    """Save the narrative parts while the consolidated report is a draft."""
    report = consolidated_of(period)
    if not can_edit_consolidated(user, report):
        raise Forbidden("Chỉ cán bộ thường trực Công an tỉnh sửa dự thảo báo cáo tổng hợp.")
    report = report or ensure_consolidated(period)
    check_version(report, expected_version)
    for field in NARRATIVE:
        text = (values.get(field) or "").strip()
        if len(text) > MAX_TEXT:
            raise ValidationError("Nội dung quá dài.")
        setattr(report, field, text or None)
    flush_or_conflict()
    return report


def transition_facts(user) -> dict:
    """Facts the DOCUMENT guards read (the signer's certificate), from the documents package."""
    from ..documents.permissions import facts_for

    return facts_for(user)


def allowed_moves(user, report: ConsolidatedReport | None):
    """The DOCUMENT moves `user` may make on the consolidated report now."""
    state = report.state if report else DOCUMENT.initial
    return DOCUMENT.allowed(state, consolidated_actor(user), transition_facts(user))


def fire_transition(period: ReportPeriod, trigger: str, user, *, reason: str | None = None,
                    expected_version=None) -> ConsolidatedReport:
    """Move the consolidated report; its outgoing document carries the move (number, signature)."""
    from ..documents import services as documents

    report = ensure_consolidated(period)
    check_version(report, expected_version)
    if trigger == "review" and not any(r.state == "accepted" for r in period.reports):
        raise ValidationError("Chưa có báo cáo đơn vị nào được tiếp nhận để tổng hợp.")
    DOCUMENT.check(trigger, report.state, consolidated_actor(user), transition_facts(user))
    if trigger == "review":
        report.snapshot = build_rollup(period)
        report.reviewed_by_id = user.id
    doc = _document(report, period, user)
    documents.register_renderer(DOCUMENT_KIND, render_for_signing)
    documents.fire_transition(doc, trigger, user, reason=reason)
    report.state = doc.state
    _mirror(report, doc)
    if report.state == "draft":
        report.snapshot = None
    flush_or_conflict()
    return report


def _document(report: ConsolidatedReport, period: ReportPeriod, user):
    """The report's outgoing document (Công an tỉnh's register), opened on review."""
    from ..documents import services as documents
    from ..documents.models import OutgoingDocument

    if report.document_id:
        return db.session.get(OutgoingDocument, report.document_id)
    agency = standing_agency()
    doc = documents.open_document(
        DOCUMENT_KIND, report.id, plan_id=period.plan_id, issuing_unit_id=agency.id,
        doc_type="BÁO CÁO", symbol=SYMBOL, title=consolidated_title(period),
        recipients=CONSOLIDATED_REGISTER_RECIPIENTS, user=user)
    report.document_id = doc.id
    return doc


def _mirror(report: ConsolidatedReport, doc) -> None:
    """Copy the register's facts onto the report for its pages and the dashboard."""
    if doc.number_text and not report.number:
        report.number, report.symbol, report.issued_on = f"{doc.number:02d}", doc.symbol, doc.issued_on
        report.signed_at, report.signed_by_id, report.signed_sha256 = doc.signed_at, doc.signer_id, doc.sha256
    if doc.state == "issued" and report.issued_at is None:
        report.issued_at = utcnow()


def signed_pdf(report: ConsolidatedReport) -> bytes:
    """The signed file exactly as stored in the register."""
    from ..documents import services as documents
    from ..documents.models import OutgoingDocument

    doc = db.session.get(OutgoingDocument, report.document_id) if report.document_id else None
    if doc is None or not doc.is_signed:
        raise ValidationError("Báo cáo tổng hợp chưa được ký số.")
    return documents.stored_pdf(doc)

