"""A unit's estimate through the pages: lines, sending, returning, the compiled estimate, access."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from intranet.audit.models import AuditEvent
from intranet.budget.models import BudgetEstimate, BudgetLine
from intranet.budget.permissions import budget_year
from intranet.extensions import db

from ..conftest import htmx_get
from ..web.helpers import first_task_of, plan_112, unit

YEAR = budget_year()  # units estimate for next year


@pytest.fixture
def ids(app):
    with app.app_context():
        return {"plan": plan_112().id, "sgd": unit("sgd").id, "syt": unit("syt").id,
                "task": first_task_of("sgd").id, "syt_task": first_task_of("syt").id}


def page(ids, code="sgd"):
    return f"/du-toan/{ids['plan']}/{YEAR}/don-vi/{ids[code]}"


def add_line(auth, ids, amount="12.500.000", content="In 5.000 tờ gấp tuyên truyền", htmx=False, **extra):
    data = {"task_id": str(ids["task"]), "content": content, "amount": amount, "source": "provincial"}
    data.update(extra)
    return auth.post(page(ids) + "/dong", data, htmx=htmx)


def estimate(ids) -> BudgetEstimate | None:
    db.session.expire_all()
    return db.session.scalar(db.select(BudgetEstimate).where(BudgetEstimate.unit_id == ids["sgd"]))


def test_staff_add_lines_and_see_the_total(app, auth, ids):
    auth.login("sgd.chuyenvien")
    assert add_line(auth, ids).status_code == 302
    fragment = add_line(auth, ids, "48500000", "Tập huấn 2 lớp cho giáo viên", htmx=True)
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and html.startswith('<div id="budget-estimate"')
    assert "Đã thêm dòng dự toán." in html
    assert "12.500.000 đ" in html and "48.500.000 đ" in html
    assert re.search(r"data-total>61\.000\.000 đ<", html)
    with app.app_context():
        e = estimate(ids)
        assert e.state == "draft" and e.total == 61_000_000
        assert [line.source for line in e.lines] == ["provincial", "provincial"]
        assert db.session.scalar(db.select(db.func.count()).select_from(AuditEvent).where(
            AuditEvent.entity_type == "budget_estimate", AuditEvent.entity_id == e.id)) == 2


@pytest.mark.parametrize("extra, message", [
    ({"amount": "12,5 triệu"}, "Số tiền không hợp lệ"),
    ({"content": "  "}, "Vui lòng nhập nội dung chi"),
    ({"source": "ngan-sach"}, "Vui lòng chọn nguồn kinh phí"),
    ({"task_id": "abc"}, "Vui lòng chọn nhiệm vụ"),
])
def test_bad_lines_are_refused_and_nothing_changes(app, auth, ids, extra, message):
    auth.login("sgd.chuyenvien")
    response = add_line(auth, ids, htmx=True, **extra)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert estimate(ids) is None


def test_a_task_the_unit_does_not_lead_is_refused(app, auth, ids):
    auth.login("sgd.chuyenvien")
    response = add_line(auth, ids, task_id=str(ids["syt_task"]))
    assert response.status_code == 422
    assert "không thuộc các nhiệm vụ đơn vị chủ trì" in response.get_data(as_text=True)


def test_head_sends_and_the_estimate_is_locked(app, auth, ids):
    auth.login("sgd.chuyenvien")
    add_line(auth, ids)
    with app.app_context():
        version, line_id = estimate(ids).version, estimate(ids).lines[0].id
    assert 'data-trigger="submit"' not in auth.client.get(page(ids)).get_data(as_text=True)
    assert auth.post(page(ids) + "/chuyen/submit", {"version": version}).status_code == 403
    auth.login("sgd.lanhdao")
    assert 'data-trigger="submit"' in auth.client.get(page(ids)).get_data(as_text=True)
    assert auth.post(page(ids) + "/chuyen/submit", {"version": version}).status_code == 302
    with app.app_context():
        e = estimate(ids)
        assert e.state == "submitted" and e.submitted_at is not None
    auth.login("sgd.chuyenvien")
    html = auth.client.get(page(ids)).get_data(as_text=True)
    assert "Thêm dòng kinh phí" not in html and "Đã gửi Công an tỉnh" in html
    assert add_line(auth, ids).status_code == 403
    assert auth.post(f"/du-toan/dong/{line_id}/xoa").status_code == 403


def test_an_empty_estimate_cannot_be_sent(app, auth, ids):
    auth.login("sgd.chuyenvien")
    add_line(auth, ids)
    with app.app_context():
        line_id = estimate(ids).lines[0].id
    assert auth.post(f"/du-toan/dong/{line_id}/xoa").status_code == 302
    auth.login("sgd.lanhdao")
    response = auth.post(page(ids) + "/chuyen/submit")
    assert response.status_code == 403
    assert "chưa có dòng kinh phí" in response.get_data(as_text=True)


def test_reviewer_returns_with_a_reason_and_the_unit_edits_again(app, auth, ids):
    auth.login("sgd.chuyenvien")
    add_line(auth, ids)
    auth.login("sgd.lanhdao")
    auth.post(page(ids) + "/chuyen/submit")
    auth.login("ca.thuongtruc")
    assert auth.post(page(ids) + "/chuyen/return_estimate", {"reason": ""}).status_code == 422
    response = auth.post(page(ids) + "/chuyen/return_estimate", {"reason": "Thiếu căn cứ định mức chi"})
    assert response.status_code == 302
    auth.login("sgd.chuyenvien")
    html = auth.client.get(page(ids)).get_data(as_text=True)
    assert "Thiếu căn cứ định mức chi" in html and "Thêm dòng kinh phí" in html
    assert add_line(auth, ids, "1.000.000").status_code == 302


def test_units_see_only_their_own_estimate(app, auth, ids):
    auth.login("syt.chuyenvien")
    assert auth.client.get(page(ids)).status_code == 403
    assert auth.client.get(f"/xuat/du-toan/{ids['plan']}/{YEAR}/don-vi/{ids['sgd']}.xlsx").status_code == 403
    assert auth.client.get(f"/du-toan/{ids['plan']}/{YEAR}/tong-hop").status_code == 403
    assert auth.client.get(f"/du-toan/{ids['plan']}/{YEAR}/tong-hop.pdf").status_code == 403
    assert auth.client.get(f"/xuat/du-toan/{ids['plan']}/{YEAR}/tong-hop.xlsx").status_code == 403
    overview = auth.client.get(f"/du-toan/{ids['plan']}/{YEAR}")
    assert overview.status_code == 302 and overview.headers["Location"].endswith(page(ids, "syt"))
    assert add_line(auth, ids).status_code == 403


def send_sgd_estimate(auth, ids):
    auth.login("sgd.chuyenvien")
    add_line(auth, ids)
    add_line(auth, ids, "48.500.000", "Tập huấn 2 lớp cho giáo viên", source="local")
    auth.login("sgd.lanhdao")
    assert auth.post(page(ids) + "/chuyen/submit").status_code == 302


def test_compiled_estimate_page_pdf_and_xlsx(app, auth, ids):
    send_sgd_estimate(auth, ids)
    auth.login("ca.thuongtruc")
    base = f"/du-toan/{ids['plan']}/{YEAR}/tong-hop"
    html = auth.client.get(base).get_data(as_text=True)
    assert "61.000.000 đ" in html and "Ngân sách địa phương" in html
    assert "Sở Y tế" in html  # has lead tasks and has not sent
    assert "Ủy ban nhân dân các huyện" not in html  # a group of bodies owes no estimate
    assert htmx_get(auth.client, base).status_code == 200

    pdf = auth.client.get(base + ".pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    for expected in ("Kính gửi: Sở Tài chính", "61.000.000", "Sáu mươi mốt triệu đồng", "Sở Giáo dục và Đào tạo"):
        assert expected in " ".join(text.split()), expected

    xlsx = auth.client.get(f"/xuat/du-toan/{ids['plan']}/{YEAR}/tong-hop.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.headers["Content-Disposition"] == f'attachment; filename="du-toan-{YEAR}-tong-hop-112-KH-UBND.xlsx"'
    book = load_workbook(io.BytesIO(xlsx.data))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert ("I", "Sở Giáo dục và Đào tạo", None, None, 61_000_000) in rows
    assert (None, "TỔNG CỘNG", None, None, 61_000_000) in rows
    amounts = [c for c in book.worksheets[0]["E"] if isinstance(c.value, int)]
    assert amounts and all(c.number_format == "#,##0" for c in amounts)
    assert list(book.worksheets[1].iter_rows(values_only=True))[-1] == ("Tổng cộng", 61_000_000)


def test_drafts_are_not_compiled(app, auth, ids):
    auth.login("sgd.chuyenvien")
    add_line(auth, ids)
    auth.login("ca.thuongtruc")
    xlsx = auth.client.get(f"/xuat/du-toan/{ids['plan']}/{YEAR}/tong-hop.xlsx")
    rows = list(load_workbook(io.BytesIO(xlsx.data)).worksheets[0].iter_rows(values_only=True))
    assert rows[-1] == (None, "TỔNG CỘNG", None, None, 0)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(BudgetLine)) == 1
