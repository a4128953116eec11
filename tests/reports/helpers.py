"""Finding report rows and driving the reporting pages in tests."""
from __future__ import annotations

import io
import re

from intranet.extensions import db
from intranet.reports.models import ReportPeriod, UnitReport
from tests.web.helpers import plan_112, unit

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
       b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")


def open_annual(app, auth, year: int = 2025):
    """ca.thuongtruc opens the annual period of 112/KH-UBND; returns the response."""
    with app.app_context():
        plan_id = plan_112().id
    auth.login("ca.thuongtruc")
    return auth.post(f"/bao-cao/ke-hoach/{plan_id}/mo-ky", {"kind": "annual", "year": str(year)})


def period_of(kind: str = "annual", year: int = 2025) -> ReportPeriod:
    return db.session.scalar(db.select(ReportPeriod).where(
        ReportPeriod.plan_id == plan_112().id, ReportPeriod.kind == kind, ReportPeriod.year == year))


def report_of(code: str, period: ReportPeriod | None = None) -> UnitReport:
    period = period or period_of()
    db.session.expire_all()
    return db.session.scalar(db.select(UnitReport).where(
        UnitReport.period_id == period.id, UnitReport.unit_id == unit(code).id))


def ratio_target_figure(report: UnitReport, year: int = 2025, value: str = "80%"):
    """The report's figure row for the first target whose `year` milestone mentions `value`."""
    for figure in report.figures:
        if any(m.year == year and value in m.value for m in figure.target.milestones):
            return figure
    raise AssertionError(f"no target with a {year} milestone of {value}")


def fill_report(auth, report: UnitReport, text: str = "Đã triển khai 12 lớp tập huấn, 1.460 lượt giáo viên."):
    """Fill every task result of `report` as done."""
    for result in report.results:
        response = auth.post(f"/bao-cao/don-vi/{report.id}/nhiem-vu/{result.id}",
                             {"text": f"{text} (nhiệm vụ {result.task.position})", "status": "done",
                              "version": str(result.version)}, htmx=True)
        assert response.status_code == 200, response.get_data(as_text=True)


def save_ratio(auth, report: UnitReport, numerator: int, denominator: int, htmx: bool = True):
    figure = ratio_target_figure(report)
    return auth.post(f"/bao-cao/don-vi/{report.id}/chi-tieu/{figure.id}",
                     {"numerator": str(numerator), "denominator": str(denominator),
                      "version": str(figure.version)}, htmx=htmx)


def upload(auth, report: UnitReport, name: str, data: bytes):
    result = report.results[0]
    return auth.post(f"/bao-cao/don-vi/{report.id}/nhiem-vu/{result.id}/minh-chung",
                     {"file": (io.BytesIO(data), name)}, htmx=True, content_type="multipart/form-data")


def move(auth, report: UnitReport, trigger: str, reason: str | None = None, **extra):
    data = {"version": str(report.version), **extra}
    if reason is not None:
        data["reason"] = reason
    return auth.post(f"/bao-cao/don-vi/{report.id}/chuyen/{trigger}", data)


def verdict_of(html: str, position: int) -> str:
    """The Đánh giá cell of roll-up row `position` on the consolidated page."""
    rows = re.findall(r"<tr><td>(\d+)</td>.*?data-verdict=\"([^\"]+)\"", html, flags=re.S)
    return dict((int(p), v) for p, v in rows)[position]
