"""Việc của tôi tells the signer a consolidated report waits for the signature, and nobody else."""
from intranet.extensions import db
from intranet.reports.models import ConsolidatedReport

from .helpers import fill_report, move, open_annual, period_of, report_of


def accept_sgd_report(app, auth):
    auth.login("sgd.chuyenvien")
    with app.app_context():
        fill_report(auth, report_of("sgd"))
    for username, triggers in (("sgd.lanhdao", ("approve_unit", "submit")),
                               ("ca.thuongtruc", ("start_review", "accept"))):
        auth.login(username)
        for trigger in triggers:
            with app.app_context():
                assert move(auth, report_of("sgd"), trigger).status_code == 302


def test_reviewed_consolidated_report_waits_for_the_signer(app, auth, client):
    assert open_annual(app, auth).status_code == 302
    with app.app_context():
        period_id = period_of().id
    accept_sgd_report(app, auth)
    review = auth.post(f"/bao-cao/ky/{period_id}/tong-hop/chuyen/review", {})
    assert review.status_code == 302, review.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(ConsolidatedReport.state)) == "reviewed"
    assert "data-consolidated" not in client.get("/").get_data(as_text=True)  # sending back is not waiting
    auth.login("ca.lanhdao")
    html = client.get("/").get_data(as_text=True)
    assert "Báo cáo tổng hợp báo cáo năm 2025 (112/KH-UBND)" in html
    assert f'href="/bao-cao/ky/{period_id}/tong-hop">Ký số</a>' in html
    auth.login("sgd.lanhdao")
    assert "Báo cáo tổng hợp" not in client.get("/").get_data(as_text=True)
