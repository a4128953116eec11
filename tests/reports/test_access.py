"""Who sees what: a unit its own reports, Công an tỉnh all; pages as full pages and htmx fragments."""
import pytest
from sqlalchemy import event

from intranet.extensions import db
from intranet.reports.models import Contribution, TaskResult, UnitReport
from intranet.tasks.models import TaskUnit
from tests.conftest import htmx_get
from tests.web.helpers import unit

from .helpers import PNG, fill_report, open_annual, period_of, report_of, upload


@pytest.fixture
def opened(app, auth):
    """The 2025 annual period opened, Sở GD&ĐT's report with one evidence file."""
    open_annual(app, auth)
    auth.login("sgd.chuyenvien")
    with app.app_context():
        upload(auth, report_of("sgd"), "a.png", PNG)
        report = report_of("sgd")
        return {"period": period_of().id, "sgd": report.id, "evidence": report.results[0].evidence[0].id,
                "plan": period_of().plan_id}


@pytest.mark.parametrize("username, report_page, evidence, consolidated", [
    ("sgd.chuyenvien", 200, 200, 403),
    ("sgd.lanhdao", 200, 200, 403),
    ("syt.chuyenvien", 403, 403, 403),
    ("tinhdoan.lanhdao", 403, 403, 403),
    ("ca.thuongtruc", 200, 200, 200),
    ("ca.lanhdao", 200, 200, 200),
    ("admin", 200, 200, 200),
    ("lanhdao.tinh", 200, 200, 200),
])
def test_access_matrix(client, auth, opened, username, report_page, evidence, consolidated):
    auth.login(username)
    assert client.get(f"/bao-cao/don-vi/{opened['sgd']}").status_code == report_page
    assert client.get(f"/bao-cao/don-vi/{opened['sgd']}/pdf").status_code == report_page
    assert client.get(f"/bao-cao/minh-chung/{opened['evidence']}").status_code == evidence
    assert client.get(f"/bao-cao/ky/{opened['period']}/tong-hop").status_code == consolidated
    assert client.get(f"/bao-cao/ky/{opened['period']}").status_code == 200
    assert client.get(f"/bao-cao/ke-hoach/{opened['plan']}").status_code == 200
    assert client.get("/bao-cao/").status_code == 200


def test_a_unit_sees_only_its_own_row_of_a_period(client, auth, opened):
    auth.login("syt.chuyenvien")
    html = client.get(f"/bao-cao/ky/{opened['period']}").get_data(as_text=True)
    assert "Sở Y tế" in html and "Sở Giáo dục và Đào tạo" not in html
    auth.login("ca.thuongtruc")
    html = client.get(f"/bao-cao/ky/{opened['period']}").get_data(as_text=True)
    assert "Sở Y tế" in html and "Sở Giáo dục và Đào tạo" in html
    assert "Ủy ban nhân dân các huyện" in html  # listed as not reporting on the system


def test_other_units_cannot_edit(app, client, auth, opened):
    auth.login("syt.chuyenvien")
    with app.app_context():
        result = report_of("sgd").results[0]
        response = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/nhiem-vu/{result.id}",
                             {"text": "x", "status": "done", "version": str(result.version)})
    assert response.status_code == 403
    auth.login("ca.thuongtruc")  # Công an tỉnh reads, but does not write a unit's report
    response = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/danh-gia", {"assessment": "x"})
    assert response.status_code == 403


def test_fragments_and_full_pages(app, client, auth, opened):
    auth.login("sgd.chuyenvien")
    full = client.get(f"/bao-cao/don-vi/{opened['sgd']}")
    fragment = htmx_get(client, f"/bao-cao/don-vi/{opened['sgd']}")
    assert "<html" in full.get_data(as_text=True) and "HX-Request" in full.headers["Vary"]
    assert "<html" not in fragment.get_data(as_text=True) and 'id="report-panel"' in fragment.get_data(as_text=True)
    with app.app_context():
        result = report_of("sgd").results[1]
        version = result.version
        row = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/nhiem-vu/{result.id}",
                        {"text": "Đã làm", "status": "in_progress", "version": str(version)}, htmx=True)
        assert row.status_code == 200
        assert row.get_data(as_text=True).lstrip().startswith(f'<div id="result-{result.id}"')
        stale = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/nhiem-vu/{result.id}",
                          {"text": "cũ", "status": "done", "version": str(version)}, htmx=True)
        assert stale.status_code == 409
        redirect = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/nhiem-vu/{result.id}",
                             {"text": "Đã làm xong", "status": "done", "version": str(version + 1)})
        assert redirect.status_code == 302 and f"#result-{result.id}" in redirect.headers["Location"]
    auth.login("ca.thuongtruc")
    assert "<html" not in htmx_get(client, f"/bao-cao/ky/{opened['period']}").get_data(as_text=True)
    assert "<html" not in htmx_get(client, f"/bao-cao/ky/{opened['period']}/tong-hop").get_data(as_text=True)


def test_figures_are_whole_counts(app, auth, opened):
    auth.login("sgd.chuyenvien")
    with app.app_context():
        figures = report_of("sgd").figures
        ratio = next(f for f in figures if any("%" in m.value for m in f.target.milestones))
        for data in ({"numerator": "-1", "denominator": "5"}, {"numerator": "Nguyễn Văn A", "denominator": "5"},
                     {"numerator": "3", "denominator": ""}, {"numerator": "1", "denominator": "0"},
                     {"numerator": "6", "denominator": "5"}):
            response = auth.post(f"/bao-cao/don-vi/{opened['sgd']}/chi-tieu/{ratio.id}", data, htmx=True)
            assert response.status_code == 422, data


def test_dashboard_lists_periodic_reports(app, client, auth, opened):
    auth.login("sgd.lanhdao")
    html = client.get("/").get_data(as_text=True)
    assert "Báo cáo định kỳ" in html and "Báo cáo năm 2025" in html
    auth.login("ca.thuongtruc")
    html = client.get("/").get_data(as_text=True)
    assert html.count("Báo cáo năm 2025") >= 10


def test_the_dashboards_reports_come_from_the_store_until_a_report_moves(app, client, auth, opened):
    auth.login("sgd.lanhdao")
    with app.app_context():
        engine = db.engine
    sent = []
    record = lambda _conn, _cursor, statement, *_: sent.append(statement)  # noqa: E731
    client.get("/")
    event.listen(engine, "before_cursor_execute", record)
    try:
        html = client.get("/").get_data(as_text=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    section = html[html.index('id="periodic-reports"'):]
    assert "Báo cáo năm 2025" in section and "Đang soạn" in section
    assert not [q for q in sent if "FROM unit_report" in q]  # the section came from the store
    with app.app_context():
        report_of("sgd").state = "submitted"
        db.session.commit()
    section = client.get("/").get_data(as_text=True).split('id="periodic-reports"')[1]
    assert "Đã gửi Công an tỉnh" in section and "Đang soạn" not in section


def test_coordinating_contribution_is_merged(app, client, auth, opened):
    with app.app_context():
        # A task Sở Y tế coordinates, and the lead unit's result row for it.
        coordinated = db.select(TaskUnit.task_id).where(TaskUnit.unit_id == unit("syt").id,
                                                         TaskUnit.role == "coordinating")
        result = db.session.scalar(
            db.select(TaskResult).join(UnitReport).where(UnitReport.period_id == opened["period"],
                                                         TaskResult.task_id.in_(coordinated)))
        lead_code = result.report.unit.code
        result_id, report_id = result.id, result.report_id
    auth.login("syt.chuyenvien")
    page = client.get(f"/bao-cao/ky/{opened['period']}/phoi-hop")
    assert page.status_code == 200 and f"slot-{result_id}" in page.get_data(as_text=True)
    sent = auth.post(f"/bao-cao/ky/{opened['period']}/phoi-hop/{result_id}",
                     {"text": "Sở Y tế khám sàng lọc cho 40 học sinh.", "target_id": "", "count": ""})
    assert sent.status_code == 302
    auth.login("tinhdoan.chuyenvien")  # not coordinating this task
    assert auth.post(f"/bao-cao/ky/{opened['period']}/phoi-hop/{result_id}", {"text": "x"}).status_code == 403
    with app.app_context():
        contribution_id = db.session.scalar(db.select(Contribution.id))
    assert auth.post(f"/bao-cao/phoi-hop/{contribution_id}/tong-hop").status_code == 403
    lead_user = {"sgd": "sgd.chuyenvien", "cat": "ca.chuyenvien", "tinhdoan": "tinhdoan.chuyenvien",
                 "syt": "syt.chuyenvien"}[lead_code]
    auth.login(lead_user)
    assert "Sở Y tế khám sàng lọc" in client.get(f"/bao-cao/don-vi/{report_id}").get_data(as_text=True)
    assert auth.post(f"/bao-cao/phoi-hop/{contribution_id}/tong-hop").status_code == 302
    with app.app_context():
        result = db.session.get(TaskResult, result_id)
        assert "Sở Y tế phối hợp: Sở Y tế khám sàng lọc cho 40 học sinh." in result.text
        assert db.session.get(Contribution, contribution_id).merged_at is not None
    assert auth.post(f"/bao-cao/phoi-hop/{contribution_id}/tong-hop").status_code == 403


def test_incomplete_report_cannot_be_approved(app, auth, opened):
    auth.login("sgd.lanhdao")
    with app.app_context():
        report = report_of("sgd")
        response = auth.post(f"/bao-cao/don-vi/{report.id}/chuyen/approve_unit", {"version": str(report.version)})
        assert response.status_code == 403 and "chưa có kết quả" in response.get_data(as_text=True)
        fill_report(auth, report_of("sgd"))
        report = report_of("sgd")
        assert auth.post(f"/bao-cao/don-vi/{report.id}/chuyen/approve_unit",
                         {"version": str(report.version)}).status_code == 302
