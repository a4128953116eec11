"""Every table downloads as .xlsx with typed cells, and each download checks access as its page does."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from intranet.exports.http import content_disposition, file_name
from intranet.exports.xlsx import sheet_title

from ..reports.helpers import open_annual, period_of
from ..web.helpers import plan_112, unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(response):
    assert response.status_code == 200, response.status_code
    assert response.mimetype == XLSX
    assert response.headers["Cache-Control"] == "private, no-store"
    return load_workbook(io.BytesIO(response.data))


def header_and_rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] in ("STT", "Hạng"))
    return rows[start], rows[start + 1:], start + 1


@pytest.fixture
def ids(app):
    with app.app_context():
        return {"plan": plan_112().id, "sgd": unit("sgd").id}


def test_task_table_with_the_pages_filters(app, auth, ids):
    auth.login("sgd.chuyenvien")
    book = workbook(auth.client.get(f"/xuat/ke-hoach/{ids['plan']}/nhiem-vu.xlsx"))
    sheet = book["Nhiệm vụ"]
    header, rows, header_row = header_and_rows(sheet)
    assert header[:5] == ("STT", "Mục", "Nhóm nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì")
    assert len(rows) > 40 and all(isinstance(r[0], int) for r in rows)
    assert sheet.freeze_panes == f"A{header_row + 1}"
    due = [c for c in sheet["G"][header_row:] if c.value is not None]
    assert due and all(c.number_format == "dd/mm/yyyy" for c in due)

    filtered = workbook(auth.client.get(
        f"/xuat/ke-hoach/{ids['plan']}/nhiem-vu.xlsx?unit={ids['sgd']}&state=assigned"))
    caption = filtered.active["A2"].value + " " + filtered.active["A3"].value
    assert "Lọc: đơn vị Sở Giáo dục và Đào tạo; trạng thái Đã giao" in caption
    _, rows, _ = header_and_rows(filtered.active)
    assert len(rows) == 8 and all("Sở Giáo dục và Đào tạo" in f"{r[4]} {r[5]}" for r in rows)


def test_task_table_follows_the_quick_view_of_the_plan_page(app, auth, ids):
    auth.login("sgd.chuyenvien")
    page = auth.client.get(f"/ke-hoach/{ids['plan']}?viec=cho-toi", headers={"HX-Request": "true"})
    shown = page.get_data(as_text=True).count('<tr id="task-')
    book = workbook(auth.client.get(f"/xuat/ke-hoach/{ids['plan']}/nhiem-vu.xlsx?viec=cho-toi"))
    caption = book.active["A2"].value + " " + book.active["A3"].value
    assert "chờ tôi xử lý" in caption
    _, rows, _ = header_and_rows(book.active)
    assert 0 < len(rows) < 48
    assert all("Sở Giáo dục và Đào tạo" in f"{r[4]} {r[5]}" for r in rows)
    assert len(rows) == shown  # the same tasks as the page shows


def test_targets_table_has_one_row_per_milestone(app, auth, ids):
    auth.login("ca.thuongtruc")
    book = workbook(auth.client.get(f"/xuat/ke-hoach/{ids['plan']}/chi-tieu.xlsx"))
    header, rows, _ = header_and_rows(book["Chỉ tiêu"])
    assert header[:5] == ("STT", "Chỉ tiêu", "Mốc", "Năm", "Giá trị mốc")
    assert {r[0] for r in rows} >= {1, 2, 3, 4}
    assert any(r[3] == 2025 and ">80%" in (r[4] or "").replace(" ", "") for r in rows)


def test_report_status_table_follows_the_period_page(app, auth):
    open_annual(app, auth)
    with app.app_context():
        period_id = period_of().id
    book = workbook(auth.client.get(f"/xuat/bao-cao/ky/{period_id}.xlsx"))
    header, rows, _ = header_and_rows(book.active)
    assert header[:5] == ("STT", "Đơn vị", "Nhiệm vụ chủ trì", "Trạng thái", "Tình trạng thời hạn")
    assert len(rows) == 13 and {r[3] for r in rows} == {"Đang soạn"} and {r[4] for r in rows} == {"Quá hạn"}
    assert {r[5].date() for r in rows} == {date(2025, 12, 5)}
    auth.login("sgd.chuyenvien")
    _, rows, _ = header_and_rows(workbook(auth.client.get(f"/xuat/bao-cao/ky/{period_id}.xlsx")).active)
    assert [r[1] for r in rows] == ["Sở Giáo dục và Đào tạo"]


def test_ranking_table(app, auth):
    auth.login("lanhdao.tinh")
    book = workbook(auth.client.get("/xuat/xep-hang.xlsx?nam=2026"))
    assert book.active.title == "Xếp hạng 2026"
    assert "XẾP HẠNG ĐƠN VỊ" in book.active["A1"].value
    assert auth.client.get("/xuat/xep-hang.xlsx?nam=2099").status_code == 404


def test_exports_need_login_and_unknown_rows_are_404(app, client, auth, ids):
    for path in (f"/xuat/ke-hoach/{ids['plan']}/nhiem-vu.xlsx", "/xuat/xep-hang.xlsx",
                 f"/xuat/du-toan/{ids['plan']}/2027/tong-hop.xlsx"):
        assert client.get(path).status_code == 302
    auth.login("ca.thuongtruc")
    assert auth.client.get("/xuat/ke-hoach/99999/nhiem-vu.xlsx").status_code == 404
    assert auth.client.get("/xuat/bao-cao/ky/99999.xlsx").status_code == 404


def test_file_names_and_sheet_titles_survive_vietnamese():
    assert file_name("du-toan", 2027, "112/KH-UBND", "Sở GD&ĐT") == "du-toan-2027-112-KH-UBND-Sở-GD&ĐT"
    header = content_disposition("du-toan-Sở-GD&ĐT.xlsx")
    assert header.startswith('attachment; filename="du-toan-So-GD-DT.xlsx"')
    assert "filename*=UTF-8''du-toan-S%E1%BB%9F-GD%26%C4%90T.xlsx" in header
    assert sheet_title("Dự toán [2027]: tổng hợp/đơn vị *") == "Dự toán -2027-- tổng hợp-đơn vị"[:31]
