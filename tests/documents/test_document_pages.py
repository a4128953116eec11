"""Document pages: print preview and PDF, signing and issuing, register, incoming, verification."""
from __future__ import annotations

import hashlib
import io
import re

import pytest
from pypdf import PdfReader

from intranet.documents.models import Dispatch, OutgoingDocument
from intranet.extensions import db
from intranet.plans.models import Plan

from tests.conftest import htmx_get

COLUMNS = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
           "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
           "Ghi chú"]


@pytest.fixture
def ids(app):
    """Plan 112 (UBND, numbered on paper) and the joint plan Công an tỉnh leads (no number)."""
    with app.app_context():
        plans = {p.number: p.id for p in db.session.scalars(db.select(Plan))}
        return {"p112": plans["112"], "joint": plans[None]}


def _version(html: str) -> str:
    return re.search(r'name="version" value="(\d*)"', html).group(1)


def _sign_joint_plan(app, client, auth, plan_id: int) -> dict:
    """Công an tỉnh reviews, then its leader signs the joint plan; returns the document's facts."""
    auth.login("ca.thuongtruc")
    assert auth.post(f"/van-ban/ke-hoach/{plan_id}/chuyen/review").status_code == 302
    auth.login("ca.lanhdao")
    html = client.get(f"/ke-hoach/{plan_id}").get_data(as_text=True)
    assert 'data-trigger="sign"' in html
    response = auth.post(f"/van-ban/ke-hoach/{plan_id}/chuyen/sign", {"version": _version(html)})
    assert response.status_code == 302
    with app.app_context():
        doc = db.session.scalar(db.select(OutgoingDocument).where(OutgoingDocument.source_id == plan_id))
        return {"id": doc.id, "number": doc.number_text, "sha": doc.sha256, "state": doc.state,
                "signer": doc.signer_name, "year": doc.year, "unit_id": doc.issuing_unit_id,
                "plan_number": db.session.get(Plan, plan_id).number}


def test_plan_page_links_to_the_print_preview_and_pdf(app, client, auth, ids):
    auth.login("syt.chuyenvien")
    html = client.get(f"/ke-hoach/{ids['p112']}").get_data(as_text=True)
    assert "Xem bản in" in html and "Tải PDF" in html
    assert 'data-trigger=' not in html  # a department's officer neither reviews nor signs
    preview = client.get(f"/van-ban/ke-hoach/{ids['p112']}/ban-in")
    assert preview.status_code == 200
    text = preview.get_data(as_text=True)
    assert "Số: 112/KH-UBND" in text and "pdf.css" in text and "BẢNG PHÂN CÔNG NHIỆM VỤ" in text


def test_draft_pdf_for_anyone_who_sees_the_plan(app, client, auth, ids):
    auth.login("syt.chuyenvien")
    response = client.get(f"/van-ban/ke-hoach/{ids['p112']}/van-ban.pdf")
    assert response.status_code == 200
    assert response.content_type == "application/pdf" and response.data.startswith(b"%PDF")
    assert client.get("/van-ban/ke-hoach/9999/van-ban.pdf").status_code == 404


def test_review_sign_and_serve_the_stored_bytes(app, client, auth, ids):
    doc = _sign_joint_plan(app, client, auth, ids["joint"])
    doc_id, number, sha = doc["id"], doc["number"], doc["sha"]
    assert doc["state"] == "signed" and number == "01/KH-CAT" and doc["signer"] == "Nguyễn Văn Lãnh"
    assert doc["plan_number"] == "01"
    html = client.get(f"/ke-hoach/{ids['joint']}").get_data(as_text=True)
    assert "Số: 01/KH-CAT" in html and "bản đã ký số" in html and 'data-trigger="issue"' in html
    first = client.get(f"/van-ban/ke-hoach/{ids['joint']}/van-ban.pdf")
    second = client.get(f"/van-ban/{doc_id}/ban-ky.pdf")
    assert first.content_type == second.content_type == "application/pdf"
    assert first.data == second.data
    assert hashlib.sha256(first.data).hexdigest() == sha
    assert first.headers["ETag"].strip('"') == sha
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(first.data)).pages)
    assert "Số: 01/KH-CAT" in text
    assert "Võ Công Bình" not in text  # the block Công an tỉnh signs carries its signer's name
    detail = client.get(f"/van-ban/{doc_id}").get_data(as_text=True)
    assert sha in detail and number in detail


def test_who_may_sign(app, client, auth, ids):
    auth.login("ca.thuongtruc")
    auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review")
    for username in ("syt.chuyenvien", "ca.thuongtruc", "lanhdao.tinh"):
        auth.login(username)
        assert auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/sign").status_code == 403
    # A department's officer cannot open and review a plan's document either.
    auth.login("syt.chuyenvien")
    assert auth.post(f"/van-ban/ke-hoach/{ids['p112']}/chuyen/review").status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(OutgoingDocument).where(
            OutgoingDocument.source_id == ids["p112"])) is None


def test_illegal_and_stale_moves_are_conflicts(app, client, auth, ids):
    auth.login("ca.lanhdao")
    response = auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/issue", htmx=True)
    assert response.status_code == 409 and "<html" not in response.get_data(as_text=True)
    auth.login("ca.thuongtruc")
    auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review")
    auth.login("ca.lanhdao")
    stale = auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/sign", {"version": "1"}, htmx=True)
    assert stale.status_code == 409 and "vừa được người khác thay đổi" in stale.get_data(as_text=True)
    assert auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/nope").status_code == 404
    assert client.get("/van-ban/9999").status_code == 404


def test_sign_without_certificate_is_refused_with_a_reason(app, client, auth, ids, pki_dir, tmp_path):
    app.config["PKI_DIR"] = tmp_path / "empty-pki"
    auth.login("ca.thuongtruc")
    auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review")
    auth.login("ca.lanhdao")
    html = client.get(f"/ke-hoach/{ids['joint']}").get_data(as_text=True)
    assert 'data-trigger="sign"' not in html and "chưa có chứng thư số" in html
    assert auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/sign").status_code == 403


def test_transitions_answer_htmx_with_the_fragment(app, client, auth, ids):
    auth.login("ca.thuongtruc")
    response = auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review", htmx=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert 'id="plan-document"' in body and "Đã thẩm định" in body
    assert "HX-Request" in response.headers["Vary"]


def test_post_without_csrf_is_refused(app, client, auth, ids):
    auth.login("ca.thuongtruc")
    response = client.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review")
    assert response.status_code == 400


def test_register_page_lists_the_ten_columns_and_prints(app, client, auth, ids):
    doc = _sign_joint_plan(app, client, auth, ids["joint"])
    year, unit_id = doc["year"], doc["unit_id"]
    page = client.get(f"/van-ban/so-van-ban-di?year={year}").get_data(as_text=True)
    for heading in COLUMNS:
        assert f"<th>{heading}</th>" in page
    assert "01/KH-CAT" in page
    earlier = client.get(f"/van-ban/so-van-ban-di?year={year - 1}").get_data(as_text=True)
    assert "01/KH-CAT" not in earlier
    assert f'<option value="{year - 1}" selected>' in earlier  # a year without documents stays selected
    fragment = htmx_get(client, f"/van-ban/so-van-ban-di?year={year}&unit={unit_id}")
    assert fragment.status_code == 200 and "<html" not in fragment.get_data(as_text=True)
    printed = client.get(f"/van-ban/so-van-ban-di/in.pdf?year={year}&unit={unit_id}")
    assert printed.status_code == 200 and printed.content_type == "application/pdf"
    assert client.get(f"/van-ban/so-van-ban-di/in.pdf?year={year}").status_code == 422


def test_a_department_sees_only_its_own_register(app, client, auth, ids):
    cat = _sign_joint_plan(app, client, auth, ids["joint"])["unit_id"]
    auth.login("syt.chuyenvien")
    page = client.get(f"/van-ban/so-van-ban-di?unit={cat}").get_data(as_text=True)
    assert "01/KH-CAT" not in page


def test_issue_sends_to_units_inside_the_intranet_and_opening_is_recorded(app, client, auth, ids):
    doc_id = _sign_joint_plan(app, client, auth, ids["joint"])["id"]
    html = client.get(f"/van-ban/{doc_id}").get_data(as_text=True)
    assert "Sở Giáo dục và Đào tạo" in html  # shown before issuing
    assert auth.post(f"/van-ban/{doc_id}/chuyen/issue", {"version": _version(html)}).status_code == 302
    with app.app_context():
        doc = db.session.get(OutgoingDocument, doc_id)
        codes = sorted(d.unit.code for d in doc.dispatches)
        assert doc.state == "issued" and doc.dispatched_at is not None
        assert "sgd" in codes and "cat" not in codes and "tinhdoan" not in codes
        # The register names every recipient: printed lines, then the units reached in the intranet.
        assert doc.copies == len(doc.recipients) + len(codes) + 1
        sgd_item = next(d for d in doc.dispatches if d.unit.code == "sgd")
        item_id = sgd_item.id
    issued = client.get(f"/van-ban/{doc_id}").get_data(as_text=True)
    # Printed recipients outside the intranet are listed for paper or e-mail; units inside are not.
    outside = re.search(r'<ol class="outside-recipients">(.*?)</ol>', issued, re.S).group(1)
    assert "<li>Bộ Công an</li>" in outside and "<li>Công an các huyện, thành phố</li>" in outside
    assert "<li>Công an tỉnh</li>" not in outside and "Lưu" not in outside
    auth.login("syt.chuyenvien")
    assert client.get(f"/van-ban/den/{item_id}").status_code == 403
    auth.login("sgd.chuyenvien")
    inbox = client.get("/van-ban/den").get_data(as_text=True)
    assert "01/KH-CAT" in inbox and "Chưa mở" in inbox
    opened = client.get(f"/van-ban/den/{item_id}").get_data(as_text=True)
    assert "Lê Thị Giáo" in opened
    with app.app_context():
        item = db.session.get(Dispatch, item_id)
        assert item.opened_at is not None and item.opened_by.username == "sgd.chuyenvien"
        first_opened = item.opened_at
    auth.login("sgd.lanhdao")
    client.get(f"/van-ban/den/{item_id}")
    with app.app_context():
        assert db.session.get(Dispatch, item_id).opened_at == first_opened
    register = client.get("/van-ban/so-van-ban-di").get_data(as_text=True)
    assert "01/KH-CAT" not in register  # Sở GD&ĐT's own register is empty


def test_verification_page_valid_then_one_byte_changed(app, client, auth, ids):
    doc_id = _sign_joint_plan(app, client, auth, ids["joint"])["id"]
    signed = client.get(f"/van-ban/{doc_id}/ban-ky.pdf").data
    auth.login("syt.chuyenvien")  # anyone logged in may verify
    assert client.get("/van-ban/xac-thuc").status_code == 200
    assert "01/KH-CAT" in client.get(f"/van-ban/xac-thuc/{doc_id}").get_data(as_text=True)
    page = auth.post("/van-ban/xac-thuc", {"file": (io.BytesIO(signed), "kh.pdf")},
                     content_type="multipart/form-data").get_data(as_text=True)
    assert "Văn bản hợp lệ." in page and "Nguyễn Văn Lãnh" in page
    for label in ("Chữ ký hợp lệ", "Tệp nguyên vẹn", "Người ký", "Thời gian ký", "Số văn bản khớp sổ đăng ký"):
        assert label in page
    assert "Đúng bản đã lưu" in page
    tampered = bytearray(signed)
    tampered[len(tampered) // 3] ^= 0x01
    response = auth.post("/van-ban/xac-thuc", {"file": (io.BytesIO(bytes(tampered)), "kh.pdf")},
                         content_type="multipart/form-data", htmx=True)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "KHÔNG hợp lệ" in body and "Văn bản hợp lệ." not in body
    assert "có trong sổ nhưng tệp này khác bản đã lưu" in body


def test_verification_needs_a_login_and_a_file(app, client, auth):
    assert client.get("/van-ban/xac-thuc").status_code == 302
    auth.login("syt.chuyenvien")
    assert auth.post("/van-ban/xac-thuc", {}).status_code == 422
    assert client.get("/van-ban/xac-thuc/9999").status_code == 404


def test_nav_and_pages_render_for_every_role(app, client, auth):
    for username in ("admin", "ca.lanhdao", "sgd.chuyenvien", "lanhdao.tinh"):
        auth.login(username)
        for path in ("/van-ban/so-van-ban-di", "/van-ban/den", "/van-ban/xac-thuc"):
            response = client.get(path)
            assert response.status_code == 200, (username, path)
            assert ">Văn bản</a>" in response.get_data(as_text=True)
