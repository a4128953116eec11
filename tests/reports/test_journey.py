"""The reporting cycle end to end through the test client: open, fill, submit, review, consolidate, sign."""
from __future__ import annotations

import io

import pdfplumber

from intranet.audit.models import AuditEvent
from intranet.auth.models import User
from intranet.extensions import db
from intranet.reports.models import ConsolidatedReport

from .helpers import (PNG, fill_report, move, open_annual, period_of, ratio_target_figure, report_of, save_ratio,
                      upload, verdict_of)


def _text(response) -> str:
    return response.get_data(as_text=True)


def _submit_sgd(app, auth):
    """sgd.lanhdao approves and sends the Sở GD&ĐT report."""
    auth.login("sgd.lanhdao")
    with app.app_context():
        report = report_of("sgd")
        assert move(auth, report, "approve_unit").status_code == 302
        report = report_of("sgd")
        assert move(auth, report, "submit").status_code == 302
        assert report_of("sgd").state == "submitted"


def _accept_sgd(app, auth):
    auth.login("ca.thuongtruc")
    with app.app_context():
        assert move(auth, report_of("sgd"), "start_review").status_code == 302
        assert move(auth, report_of("sgd"), "accept").status_code == 302
        assert report_of("sgd").state == "accepted"


def _target_position(app) -> int:
    with app.app_context():
        return ratio_target_figure(report_of("sgd")).position + 1


def test_done_means(app, auth, client):
    assert open_annual(app, auth).status_code == 302

    # Sở GD&ĐT's staff fill every task result and a target figure, and attach evidence.
    auth.login("sgd.chuyenvien")
    with app.app_context():
        report = report_of("sgd")
        assert len(report.results) == 7
        page = client.get(f"/bao-cao/don-vi/{report.id}")
        assert page.status_code == 200 and "Không nhập họ tên" in _text(page)
        fill_report(auth, report)
        saved = save_ratio(auth, report_of("sgd"), 12, 15)
        assert saved.status_code == 200 and "80,0%" in _text(saved)
        assert save_ratio(auth, report_of("sgd"), 16, 15).status_code == 422
        assert upload(auth, report_of("sgd"), "anh-tap-huan.png", PNG).status_code == 200
        refused = upload(auth, report_of("sgd"), "bao-cao.pdf", b"Ho ten: ...\nkhong phai PDF\n")
        assert refused.status_code == 422 and "định dạng" in _text(refused)
        evidence = report_of("sgd").results[0].evidence
        assert [e.kind for e in evidence] == ["png"]
        evidence_id = evidence[0].id

    # Staff cannot approve; the head approves and sends.
    with app.app_context():
        assert move(auth, report_of("sgd"), "approve_unit").status_code == 403
    _submit_sgd(app, auth)

    # A submitted report is locked, and a stale move is refused.
    auth.login("sgd.chuyenvien")
    with app.app_context():
        report = report_of("sgd")
        result = report.results[0]
        locked = auth.post(f"/bao-cao/don-vi/{report.id}/nhiem-vu/{result.id}",
                           {"text": "sửa sau khi gửi", "status": "done", "version": str(result.version)})
        assert locked.status_code == 403
        stale = move(auth, report, "start_review", version=str(report.version - 1))
    auth.login("ca.thuongtruc")
    with app.app_context():
        report = report_of("sgd")
        stale = auth.post(f"/bao-cao/don-vi/{report.id}/chuyen/start_review", {"version": str(report.version - 1)})
        assert stale.status_code == 409
        assert move(auth, report, "start_review").status_code == 302
        assert move(auth, report_of("sgd"), "return_report", reason="").status_code == 422
        assert report_of("sgd").state == "under_review"
        assert move(auth, report_of("sgd"), "accept").status_code == 302
        assert report_of("sgd").state == "accepted"
        period_id = period_of().id

    # The consolidated report rolls 12/15 = 80% up against ">80%": not met; lists units not reported.
    position = _target_position(app)
    page = client.get(f"/bao-cao/ky/{period_id}/tong-hop")
    assert page.status_code == 200
    assert verdict_of(_text(page), position) == "Không đạt"
    assert "12/15 (80%)" in _text(page)
    assert "Sở Y tế" in _text(page) and "Đang soạn" in _text(page)

    # Reopening the accepted report is audited; 25/30 = 83% then meets ">80%".
    reopened = move(auth, report_of_in(app, "sgd"), "reopen", reason="Sở GD&ĐT bổ sung số liệu tháng 12")
    assert reopened.status_code == 302
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).where(
            AuditEvent.entity_type == "unit_report", AuditEvent.action == "reopen"))
        assert event.reason == "Sở GD&ĐT bổ sung số liệu tháng 12" and event.from_state == "accepted"
    auth.login("sgd.chuyenvien")
    with app.app_context():
        assert save_ratio(auth, report_of("sgd"), 25, 30).status_code == 200
    _submit_sgd(app, auth)
    _accept_sgd(app, auth)
    page = client.get(f"/bao-cao/ky/{period_id}/tong-hop")
    assert verdict_of(_text(page), position) == "Đạt"

    # Narrative, review, signature, download and verification, issue.
    narrative = {"assessment": "Các sở, ngành triển khai nghiêm túc Kế hoạch.",
                 "shortcomings": "Một số đơn vị gửi báo cáo chậm.",
                 "directions": "Tiếp tục tuyên truyền trong trường học.",
                 "proposals": "Đề nghị UBND tỉnh bố trí kinh phí năm 2026."}
    assert auth.post(f"/bao-cao/ky/{period_id}/tong-hop/noi-dung", narrative, htmx=True).status_code == 200
    assert auth.post(f"/bao-cao/ky/{period_id}/tong-hop/chuyen/review", {}).status_code == 302
    with app.app_context():
        consolidated = db.session.scalar(db.select(ConsolidatedReport))
        assert consolidated.state == "reviewed" and consolidated.snapshot["targets"]
        assert consolidated.assessment == narrative["assessment"]
        from intranet.documents.certificates import issue_demo_certificate

        issue_demo_certificate(db.session.scalar(db.select(User).where(User.username == "ca.lanhdao")))
    auth.login("ca.lanhdao")
    signed = auth.post(f"/bao-cao/ky/{period_id}/tong-hop/chuyen/sign", {})
    assert signed.status_code == 302, _text(signed)
    with app.app_context():
        consolidated = db.session.scalar(db.select(ConsolidatedReport))
        assert consolidated.state == "signed" and consolidated.number == "01"
    download = client.get(f"/bao-cao/ky/{period_id}/tong-hop/pdf")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    with app.app_context():
        from intranet.documents.services import verify_upload

        verdict = verify_upload(download.data)
        assert verdict["valid"] and verdict["intact"] and verdict["register_match"]
        assert verdict["number"] == "01/BC-CAT"
    text = _pdf_text(download.data)
    assert "Kính gửi: Ủy ban nhân dân tỉnh" in text and "Số: 01/BC-CAT" in text
    assert "Biểu đồ. Kết quả các chỉ tiêu toàn tỉnh so với mốc năm 2025" in text
    # The chart's labels are text in the PDF, as on the page (pdfplumber drops SVG text's spaces).
    assert "Chỉtiêu125/30(83,3%)·mốc>80%" in "".join(text.split())
    assert "Các sở, ngành triển khai nghiêm túc Kế hoạch" in text
    assert auth.post(f"/bao-cao/ky/{period_id}/tong-hop/chuyen/issue", {}).status_code == 302
    with app.app_context():
        issued = db.session.scalar(db.select(ConsolidatedReport))
        assert issued.state == "issued"
        from intranet.documents.models import Dispatch

        # Kính gửi UBND tỉnh: the province's committee receives it in the intranet.
        assert [d.unit.code for d in db.session.scalars(
            db.select(Dispatch).where(Dispatch.document_id == issued.document_id))] == ["ubnd"]

    # The evidence file is served as an attachment to those who see the report only.
    auth.login("ca.thuongtruc")
    served = client.get(f"/bao-cao/minh-chung/{evidence_id}")
    assert served.status_code == 200 and served.data == PNG
    assert served.headers["Content-Type"] == "image/png"
    assert 'attachment; filename=anh-tap-huan.png' in served.headers["Content-Disposition"]
    auth.login("syt.chuyenvien")
    assert client.get(f"/bao-cao/minh-chung/{evidence_id}").status_code == 403


def report_of_in(app, code):
    with app.app_context():
        report = report_of(code)
        db.session.expunge(report)
        return report


def _pdf_text(data: bytes) -> str:
    import unicodedata

    with pdfplumber.open(io.BytesIO(data)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    return unicodedata.normalize("NFC", text)


def test_unit_report_prints_as_a_bao_cao(app, auth, client):
    open_annual(app, auth)
    auth.login("sgd.chuyenvien")
    with app.app_context():
        report = report_of("sgd")
        fill_report(auth, report, text="Tổ chức 12 lớp tập huấn cho giáo viên")
        save_ratio(auth, report_of("sgd"), 12, 15)
        response = client.get(f"/bao-cao/don-vi/{report.id}/pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(_pdf_text(response.data).split())
    assert "BÁO CÁO" in text
    assert "UBND TỈNH QUẢNG NINH" in text and "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in text
    assert "Kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025" in text
    assert "Kính gửi: Công an tỉnh" in text
    assert "Tổ chức 12 lớp tập huấn cho giáo viên" in text
    assert "12/15" in text
    assert "Như trên" in text
