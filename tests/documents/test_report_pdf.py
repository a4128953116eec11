"""Report and register PDFs read back: Kính gửi, Nơi nhận, tables, charts, Phụ lục, landscape register."""
from __future__ import annotations

import io
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from intranet.documents import pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_samples  # noqa: E402

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT, TOP = 30 * MM, PAGE_W - 15 * MM, 20 * MM
TEXT_CENTRE = (LEFT + RIGHT) / 2


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _open(template: str, context: dict) -> dict:
    data, boxes = pdf.render_pdf_with_boxes(template, context)
    document = pdfplumber.open(io.BytesIO(data))
    pages = list(document.pages)
    return {"data": data, "boxes": boxes, "pages": pages, "texts": [p.extract_text() for p in pages],
            "context": context, "document": document}


@pytest.fixture(scope="module")
def unit_report():
    rendered = _open("pdf/unit_report.html", pdf_samples.unit_report_context())
    yield rendered
    rendered["document"].close()


@pytest.fixture(scope="module")
def consolidated():
    rendered = _open("pdf/consolidated_report.html", pdf_samples.consolidated_report_context())
    yield rendered
    rendered["document"].close()


@pytest.fixture(scope="module")
def register():
    rendered = _open("pdf/register.html", pdf_samples.register_context())
    yield rendered
    rendered["document"].close()


def all_tables(rendered) -> list[list[list[str]]]:
    return [table for page in rendered["pages"] for table in page.extract_tables()]


# ---------- unit report ----------

def test_unit_report_header(unit_report):
    text = unit_report["texts"][0]
    for expected in ("UBND TỈNH QUẢNG NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 15/BC-SGDĐT",
                     "Quảng Ninh, ngày 03 tháng 12 năm 2025", "BÁO CÁO",
                     "Kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025"):
        assert expected in text
    parent = next(w for w in unit_report["pages"][0].extract_words(extra_attrs=["fontname", "size"])
                  if w["text"] == "UBND")
    assert "Bold" not in parent["fontname"] and 12 <= parent["size"] <= 13.01  # chủ quản: upright, not bold


def test_unit_report_single_kinh_gui_on_one_line(unit_report):
    page = unit_report["pages"][0]
    line = next(l for l in page.extract_text_lines() if l["text"].startswith("Kính gửi:"))
    assert line["text"] == "Kính gửi: Ủy ban nhân dân tỉnh"
    assert (line["x0"] + line["x1"]) / 2 == pytest.approx(TEXT_CENTRE, abs=3)
    assert all(c["size"] == pytest.approx(14, abs=0.01) for c in line["chars"])


def test_unit_report_nơi_nhận_starts_with_như_trên(unit_report):
    page = unit_report["pages"][-1]
    left = page.crop((0, TOP, TEXT_CENTRE - 40, page.height)).extract_text()
    assert "Nơi nhận:\n- Như trên;\n- Công an tỉnh (PC04);\n- Lưu: VT, CTTT." in left
    text = "\n".join(unit_report["texts"])
    assert text.count("- Như trên;") == 1
    assert "Trần Minh Đức" in text and "KT. GIÁM ĐỐC" in text


def test_unit_report_tables_rendered_in_the_body(unit_report):
    tables = all_tables(unit_report)
    headers = [table[0] for table in tables]
    assert ["STT", "Nhiệm vụ", "Kết quả", "Tiến độ"] in headers
    assert ["Chỉ tiêu", "Mốc 2025", "Kết quả 2025", "Đánh giá"] in [[nfc(c) for c in h] for h in headers]
    results = next(t for t in tables if t[0][0] == "STT")
    assert [nfc(c) for c in results[3]] == [nfc(str(c)) for c in pdf_samples.TASK_RESULTS["rows"][2]]
    text = "\n".join(unit_report["texts"])
    assert "Biểu 1. Kết quả thực hiện nhiệm vụ được giao" in text
    assert "Phụ lục" not in text  # a unit report keeps its figures in the body


def test_unit_report_chart_inline(unit_report):
    # The SVG's 8 pt labels come back without spaces: pdfplumber's word gap is wider than theirs.
    text = "".join(" ".join(unit_report["texts"]).split())
    assert "TậphuấnGV" in text and "96%" in text
    chart_chars = [c for page in unit_report["pages"] for c in page.chars if c["size"] < 9]
    assert len(chart_chars) > 20


def test_unit_report_end_mark_after_last_section(unit_report):
    text = nfc(" ".join(unit_report["texts"]))
    assert "giáo viên chủ nhiệm năm 2026./." in text
    assert text.index("./.") < text.index("Nơi nhận:")


def test_unit_report_signature_box(unit_report):
    (box,) = unit_report["boxes"]
    assert box.page_index == len(unit_report["pages"]) - 1
    assert LEFT + 0.45 * (RIGHT - LEFT) - 1 <= box.x1 < box.x2 <= RIGHT + 1


# ---------- consolidated report ----------

def test_consolidated_kinh_gui_lines_aligned_under_the_colon(consolidated):
    page = consolidated["pages"][0]
    lines = page.extract_text_lines()
    index = next(i for i, l in enumerate(lines) if l["text"].startswith("Kính gửi"))
    assert lines[index]["text"] == "Kính gửi:"
    first, second = lines[index + 1], lines[index + 2]
    assert first["text"] == "- Ủy ban nhân dân tỉnh Quảng Ninh;"
    assert second["text"] == "- Cục Cảnh sát điều tra tội phạm về ma túy - Bộ Công an."
    colon = next(c for c in lines[index]["chars"] if c["text"] == ":")
    assert first["x0"] == pytest.approx(colon["x0"], abs=1.5)
    assert second["x0"] == pytest.approx(first["x0"], abs=0.5)


def test_consolidated_tables_go_to_the_appendix(consolidated):
    start = next(i for i, t in enumerate(consolidated["texts"]) if t.lstrip().startswith("Phụ lục"))
    assert start > 0
    text = consolidated["texts"][start]
    assert "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN" in text
    assert "(Kèm theo Báo cáo số 07/BC-CAT-PC04 ngày 10 tháng 12 năm 2025 của Công an tỉnh Quảng Ninh)" in nfc(text)
    table = consolidated["pages"][start].extract_tables()[0]
    assert table[0] == ["STT", "Đơn vị", "Nhiệm vụ được giao", "Đã hoàn thành", "Tỷ lệ"]
    assert len(table) == 1 + len(pdf_samples.UNIT_RESULTS["rows"])
    assert [w for w in consolidated["pages"][start].extract_words() if w["bottom"] <= TOP] == []
    body = " ".join(consolidated["texts"][:start])
    assert "Nơi nhận:" in body and "- Như trên;" in body and "Đại tá Lê Văn Hùng" in body


# ---------- register ----------

REGISTER_COLUMNS = [
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
    "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
]


def test_register_is_landscape_a4(register):
    for page in register["pages"]:
        assert page.width == pytest.approx(PAGE_H, abs=1) and page.height == pytest.approx(PAGE_W, abs=1)


def test_register_cover(register):
    text = register["texts"][0]
    for expected in ("BỘ CÔNG AN", "CÔNG AN TỈNH QUẢNG NINH", "SỔ ĐĂNG KÝ VĂN BẢN ĐI", "Năm: 2026",
                     "Từ số 01/BC-CAT-PC04 đến số 30/KH-CAT-PC04", "Quyển số: 01"):
        assert expected in text


def test_register_has_the_ten_columns_on_every_page(register):
    rows = []
    for page in register["pages"][1:]:
        table = page.extract_tables()[0]
        assert [nfc(c) for c in table[0]] == REGISTER_COLUMNS
        assert table[1] == [f"({n})" for n in range(1, 11)]
        rows.extend(table[2:])
    entries = pdf_samples.register_context()["entries"]
    assert [r[0].replace("\n", "") for r in rows] == [e["number_symbol"] for e in entries]
    assert rows[0][1] == "02/01/2026" and rows[0][4] == "UBND tỉnh\nBộ Công an (C04)"


# ---------- HTML preview ----------

def test_preview_html_links_the_stylesheet_only_when_asked():
    context = pdf_samples.unit_report_context()
    html = pdf.render_html("pdf/unit_report.html", {**context, "stylesheet_href": "/static/css/pdf.css"})
    assert '<link rel="stylesheet" href="/static/css/pdf.css">' in html
    assert 'id="sig-box-0"' in html
    assert "<link" not in pdf.render_html("pdf/unit_report.html", context)
    # The PDF never fetches the preview's stylesheet, even when the caller leaves it in.
    data = pdf.render_pdf("pdf/unit_report.html", {**context, "stylesheet_href": "http://example.com/x.css"})
    assert pdf.pdf_page_count(data) >= 1
