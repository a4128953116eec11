"""Reporting pages: periods, unit reports (results, figures, evidence), contributions, consolidated report."""
from __future__ import annotations

import io

from flask import Blueprint, abort, flash, redirect, request, send_file, url_for
from flask_login import current_user, login_required

from workflows import DOCUMENT, UNIT_REPORT

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from ..stats.targets import targets_svg
from ..web import get_or_404, is_fragment_request, render
from . import consolidated, contributions, evidence, periods, printing, services, unit_reports
from .forms import COUNTS_ONLY_HELP, PeriodForm
from .models import RESULT_STATUSES, Contribution, Evidence, ReportPeriod, TargetFigure, TaskResult, UnitReport
from .permissions import (can_merge_contribution, can_open_period, can_send_contribution,
                          can_view_consolidated, can_view_contribution, can_view_report)
from .rollup import milestone_for, milestone_text

bp = Blueprint("reports", __name__, url_prefix="/bao-cao")


@bp.context_processor
def _predicates():
    """The predicates that also guard the POSTs, for the templates' buttons."""
    return {"can_merge_contribution": can_merge_contribution, "can_send_contribution": can_send_contribution,
            "result_statuses": RESULT_STATUSES, "milestone_for": milestone_for,
            "milestone_text": milestone_text, "targets_svg": targets_svg}


def _pdf_response(data: bytes, filename: str, *, attachment: bool = False):
    response = send_file(io.BytesIO(data), mimetype="application/pdf",
                         as_attachment=attachment, download_name=filename)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/")
@login_required
def index():
    """Plans with their periods, and the reports of my unit."""
    return render("reports/index.html", **services.overview(current_user))


@bp.route("/ke-hoach/<int:plan_id>")
@login_required
def periods_of_plan(plan_id: int):
    """A plan's reporting periods, with the opening form for Công an tỉnh."""
    plan = get_or_404(Plan, plan_id)
    return render("reports/periods.html", "reports/_period_list.html", plan=plan, default_year=today_vn().year,
                  periods=periods.periods_of_plan(plan.id), kinds=periods.period_choices(plan),
                  can_open=can_open_period(current_user), counts=services.period_counts(plan.id))


@bp.route("/ke-hoach/<int:plan_id>/mo-ky", methods=["POST"])
@login_required
def open_period(plan_id: int):
    """Open a period: one draft report per reporting unit."""
    plan = get_or_404(Plan, plan_id)
    if not can_open_period(current_user):
        abort(403)
    form = PeriodForm.read(request.form)
    period = periods.open_period(plan, form.kind, form.year, current_user, due_on=form.due_on, title=form.title)
    db.session.commit()
    flash(f"Đã mở {period.name.lower()}: {len(period.reports)} đơn vị phải báo cáo.", "success")
    return redirect(url_for("reports.period", period_id=period.id))


@bp.route("/ky/<int:period_id>")
@login_required
def period(period_id: int):
    """A period: each unit's report with its state and deadline status."""
    period = get_or_404(ReportPeriod, period_id)
    return render("reports/period.html", "reports/_period_table.html", period=period,
                  reports=periods.reports_of_period(period, current_user),
                  skipped=periods.reporting_units(period.plan)[1],
                  consolidated=consolidated.consolidated_of(period),
                  coordinating=contributions.coordinating_slots(period, current_user.unit_id),
                  deadline_status=periods.deadline_status)


def _load_report(report_id: int) -> UnitReport:
    """Load the report (404) and check the user may see it (403)."""
    report = get_or_404(UnitReport, report_id)
    if not can_view_report(current_user, report):
        abort(403)
    return report


def _report_page(report: UnitReport, status: int = 200):
    return render("reports/report.html", "reports/_report_panel.html", status=status,
                  **services.report_page(current_user, report), help_text=COUNTS_ONLY_HELP)


@bp.route("/don-vi/<int:report_id>")
@login_required
def report(report_id: int):
    """A unit's report: editable while drafted or returned, read-only otherwise."""
    return _report_page(_load_report(report_id))


def _load_row(model, report: UnitReport, row_id: int):
    row = get_or_404(model, row_id)
    if row.report_id != report.id:
        abort(404)
    return row


@bp.route("/don-vi/<int:report_id>/nhiem-vu/<int:result_id>", methods=["POST"])
@login_required
def save_result(report_id: int, result_id: int):
    """Save one task result in place."""
    report = _load_report(report_id)
    result = _load_row(TaskResult, report, result_id)
    unit_reports.save_result(result, current_user, request.form.get("text"), request.form.get("status"),
                             expected_version=request.form.get("version"))
    db.session.commit()
    return _row_done(report, "reports/_result_row.html", "Đã lưu kết quả nhiệm vụ.",
                     f"result-{result.id}", result=result, editable=True,
                     received=contributions.received_by_report(report))


@bp.route("/don-vi/<int:report_id>/chi-tieu/<int:figure_id>", methods=["POST"])
@login_required
def save_figure(report_id: int, figure_id: int):
    """Save one target figure in place."""
    report = _load_report(report_id)
    figure = _load_row(TargetFigure, report, figure_id)
    form = request.form
    unit_reports.save_figure(figure, current_user, count=form.get("count"), numerator=form.get("numerator"),
                             denominator=form.get("denominator"), note=form.get("note"),
                             expected_version=form.get("version"))
    db.session.commit()
    return _row_done(report, "reports/_figure_row.html", "Đã lưu số liệu chỉ tiêu.",
                     f"figure-{figure.id}", figure=figure, editable=True,
                     measure=unit_reports.figure_measure(figure), year=report.period.year)


def _row_done(report: UnitReport, fragment: str, message: str, anchor: str, **context):
    """The refreshed row for htmx, a redirect to the report otherwise."""
    flash(message, "success")
    if is_fragment_request():
        return render(fragment, fragment, report=report, oob_flash=True, **context)
    return redirect(url_for("reports.report", report_id=report.id, _anchor=anchor))


@bp.route("/don-vi/<int:report_id>/danh-gia", methods=["POST"])
@login_required
def save_narrative(report_id: int):
    """Save the unit's assessment, next steps and proposals."""
    report = _load_report(report_id)
    unit_reports.save_narrative(report, current_user, request.form, expected_version=request.form.get("version"))
    db.session.commit()
    return _done(report, "Đã lưu phần đánh giá, phương hướng và kiến nghị.")


@bp.route("/don-vi/<int:report_id>/chuyen/<trigger>", methods=["POST"])
@login_required
def transition(report_id: int, trigger: str):
    """Fire one UNIT_REPORT move (approve, submit, review, accept, return, reopen)."""
    report = _load_report(report_id)
    if not UNIT_REPORT.has_trigger(trigger):
        abort(404)
    move = UNIT_REPORT.transition(trigger, report.state)
    unit_reports.fire_transition(report, trigger, current_user, reason=request.form.get("reason"),
                                 expected_version=request.form.get("version"))
    db.session.commit()
    return _done(report, f"Đã thực hiện: {move.label}." if move else "Đã cập nhật.")


def _done(report: UnitReport, message: str):
    flash(message, "success")
    if is_fragment_request():
        return _report_page(report)
    return redirect(url_for("reports.report", report_id=report.id))


@bp.route("/don-vi/<int:report_id>/nhiem-vu/<int:result_id>/minh-chung", methods=["POST"])
@login_required
def upload_evidence(report_id: int, result_id: int):
    """Attach an evidence file to a task result."""
    report = _load_report(report_id)
    result = _load_row(TaskResult, report, result_id)
    upload = request.files.get("file")
    evidence.add_evidence(result, current_user, upload.filename if upload else None,
                          upload.read() if upload else b"")
    db.session.commit()
    return _row_done(report, "reports/_result_row.html", "Đã đính kèm tệp minh chứng.",
                     f"result-{result.id}", result=result, editable=True,
                     received=contributions.received_by_report(report))


def _load_evidence(evidence_id: int) -> Evidence:
    item = get_or_404(Evidence, evidence_id)
    if not can_view_report(current_user, item.result.report):
        abort(403)
    return item


@bp.route("/minh-chung/<int:evidence_id>")
@login_required
def download_evidence(evidence_id: int):
    """Serve an evidence file, as an attachment, to those who may see its report."""
    item = _load_evidence(evidence_id)
    try:
        path = evidence.evidence_path(item)
    except FileNotFoundError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=evidence.mimetype(item), as_attachment=True,
                         download_name=item.original_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/minh-chung/<int:evidence_id>/xoa", methods=["POST"])
@login_required
def delete_evidence(evidence_id: int):
    """Remove an evidence file from an editable report."""
    item = _load_evidence(evidence_id)
    report, result = item.result.report, item.result
    evidence.remove_evidence(item, current_user)
    db.session.commit()
    return _row_done(report, "reports/_result_row.html", "Đã xóa tệp minh chứng.", f"result-{result.id}",
                     result=result, editable=True, received=contributions.received_by_report(report))


@bp.route("/don-vi/<int:report_id>/pdf")
@login_required
def report_pdf(report_id: int):
    """The unit's report as its official PDF."""
    report = _load_report(report_id)
    data = printing.render_unit_report_pdf(report)
    return _pdf_response(data, f"bao-cao-{report.unit.code}-{report.period.year}.pdf")


@bp.route("/ky/<int:period_id>/phoi-hop")
@login_required
def contributions_page(period_id: int):
    """Tasks my unit coordinates in this period, the lead reports, and what we sent."""
    period = get_or_404(ReportPeriod, period_id)
    return render("reports/contributions.html", period=period,
                  slots=contributions.coordinating_slots(period, current_user.unit_id),
                  sent=contributions.sent_by_unit(period, current_user.unit_id),
                  help_text=COUNTS_ONLY_HELP, targets=period.plan.targets)


@bp.route("/ky/<int:period_id>/phoi-hop/<int:result_id>", methods=["POST"])
@login_required
def send_contribution(period_id: int, result_id: int):
    """Send my unit's contribution to the lead unit's report on one task."""
    period = get_or_404(ReportPeriod, period_id)
    result = get_or_404(TaskResult, result_id)
    if result.report.period_id != period.id:
        abort(404)
    form = request.form
    contributions.send_contribution(result, current_user, form.get("text"), target_id=form.get("target_id"),
                                    count=form.get("count"), numerator=form.get("numerator"),
                                    denominator=form.get("denominator"))
    db.session.commit()
    flash(f"Đã gửi nội dung phối hợp tới {result.report.unit.name}.", "success")
    return redirect(url_for("reports.contributions_page", period_id=period.id))


@bp.route("/phoi-hop/<int:contribution_id>/tong-hop", methods=["POST"])
@login_required
def merge_contribution(contribution_id: int):
    """Merge a coordinating unit's contribution into the lead unit's result."""
    item = get_or_404(Contribution, contribution_id)
    if not can_view_contribution(current_user, item) or not can_merge_contribution(current_user, item):
        abort(403)
    report = item.result.report
    contributions.merge_contribution(item, current_user)
    db.session.commit()
    flash("Đã tổng hợp nội dung phối hợp vào kết quả nhiệm vụ.", "success")
    return redirect(url_for("reports.report", report_id=report.id, _anchor=f"result-{item.result_id}"))


def _load_period_for_consolidated(period_id: int) -> ReportPeriod:
    period = get_or_404(ReportPeriod, period_id)
    if not can_view_consolidated(current_user):
        abort(403)
    return period


@bp.route("/ky/<int:period_id>/tong-hop")
@login_required
def consolidated_page(period_id: int):
    """The consolidated report: roll-up, units not reported, narrative and its moves."""
    period = _load_period_for_consolidated(period_id)
    return render("reports/consolidated.html", "reports/_consolidated_panel.html",
                  **services.consolidated_page(current_user, period))


@bp.route("/ky/<int:period_id>/tong-hop/noi-dung", methods=["POST"])
@login_required
def save_consolidated(period_id: int):
    """Save the narrative parts of the consolidated report."""
    period = _load_period_for_consolidated(period_id)
    consolidated.save_narrative(period, current_user, request.form, expected_version=request.form.get("version"))
    db.session.commit()
    return _consolidated_done(period, "Đã lưu nội dung báo cáo tổng hợp.")


@bp.route("/ky/<int:period_id>/tong-hop/chuyen/<trigger>", methods=["POST"])
@login_required
def consolidated_transition(period_id: int, trigger: str):
    """Review, return, sign or issue the consolidated report."""
    period = _load_period_for_consolidated(period_id)
    if not DOCUMENT.has_trigger(trigger):
        abort(404)
    report = consolidated.fire_transition(period, trigger, current_user, reason=request.form.get("reason"),
                                          expected_version=request.form.get("version"))
    db.session.commit()
    message = {"sign": f"Đã ký số, cấp số {report.number}/{report.symbol}.",
               "issue": "Đã phát hành báo cáo tổng hợp."}.get(trigger, "Đã cập nhật báo cáo tổng hợp.")
    return _consolidated_done(period, message)


def _consolidated_done(period: ReportPeriod, message: str):
    flash(message, "success")
    if is_fragment_request():
        return render("reports/consolidated.html", "reports/_consolidated_panel.html",
                      **services.consolidated_page(current_user, period))
    return redirect(url_for("reports.consolidated_page", period_id=period.id))


@bp.route("/ky/<int:period_id>/tong-hop/pdf")
@login_required
def consolidated_pdf(period_id: int):
    """The signed PDF once signed (as stored), else a preview of the draft."""
    period = _load_period_for_consolidated(period_id)
    report = consolidated.consolidated_of(period)
    if report is not None and report.signed_sha256:
        return _pdf_response(consolidated.signed_pdf(report),
                             f"bao-cao-tong-hop-{report.number}-{period.year}.pdf", attachment=True)
    data = printing.render_consolidated_preview(period, report, consolidated.rollup_of(period, report))
    return _pdf_response(data, f"du-thao-bao-cao-tong-hop-{period.year}.pdf")
