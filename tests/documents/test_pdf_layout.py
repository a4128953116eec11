"""The plan PDF read back: Nghị định 30 page layout, header grid, body, signature, Phụ lục."""
from __future__ import annotations

import io
import re
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from intranet.documents import layout, pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_samples  # noqa: E402
from pdf_printing import printing  # noqa: E402

MM = 72 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, PAGE_W - 15 * MM, 20 * MM, PAGE_H - 20 * MM
TEXT_CENTRE = (LEFT + RIGHT) / 2


def nfc(text: str) -> str:
    """Compare texts modulo whitespace and line breaks only."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def words(page, min_size: float = 0):
    return [w for w in page.extract_words(extra_attrs=["fontname", "size"]) if w["size"] >= min_size]


def margin_numbers(page) -> list[dict]:
    """Words printed in the top margin (the page number, if any)."""
    return [w for w in page.extract_words() if w["bottom"] <= TOP]


@pytest.fixture(scope="module", params=[False, True], ids=["one-process", "with-helper"])
def plan_pdf(request):
    """The sample plan printed in one piece, and printed as main text and Phụ lục apart then joined."""
    context = pdf_samples.plan_context(qr_png=layout.qr_data_uri("https://intranet.local/vb/112-KH-UBND"))
    with printing(helper=request.param):
        data, boxes = pdf.render_pdf_with_boxes("pdf/plan.html", context)
    with pdfplumber.open(io.BytesIO(data)) as document:
        pages = list(document.pages)
        texts = [page.extract_text() for page in pages]
        yield {"data": data, "boxes": boxes, "pages": pages, "texts": texts, "context": context}


@pytest.fixture(scope="module")
def appendix_start(plan_pdf) -> int:
    return next(i for i, text in enumerate(plan_pdf["texts"]) if text.lstrip().startswith("Phụ lục"))


@pytest.fixture(scope="module")
def joint_pdf():
    data, boxes = pdf.render_pdf_with_boxes("pdf/plan.html", pdf_samples.joint_plan_context())
    with pdfplumber.open(io.BytesIO(data)) as document:
        pages = list(document.pages)
        yield {"data": data, "boxes": boxes, "pages": pages, "texts": [p.extract_text() for p in pages]}


# ---------- page and margins ----------

def test_every_page_is_a4_portrait(plan_pdf):
    for page in plan_pdf["pages"]:
        assert page.width == pytest.approx(PAGE_W, abs=1)
        assert page.height == pytest.approx(PAGE_H, abs=1)
    assert pdf.pdf_page_count(plan_pdf["data"]) == len(plan_pdf["pages"])


def test_body_spans_at_least_three_pages(plan_pdf, appendix_start):
    assert appendix_start >= 3


def test_left_and_right_margins(plan_pdf, appendix_start):
    for page in plan_pdf["pages"][:appendix_start]:
        body = words(page, min_size=11)
        assert min(w["x0"] for w in body) == pytest.approx(LEFT, abs=3)
        assert max(w["x1"] for w in body) <= RIGHT + 1


def test_top_and_bottom_margins(plan_pdf):
    for page in plan_pdf["pages"]:
        body = [w for w in page.extract_words() if w["bottom"] > TOP]
        assert min(w["top"] for w in body) >= TOP - 1
        assert max(w["bottom"] for w in body) <= BOTTOM + 1
    # Page 2 starts right at the top margin.
    page2 = [w for w in plan_pdf["pages"][1].extract_words() if w["bottom"] > TOP]
    assert min(w["top"] for w in page2) == pytest.approx(TOP, abs=6)


def test_body_text_is_13_to_14_pt_liberation_serif(plan_pdf):
    chars = [c for c in plan_pdf["pages"][1].chars if c["bottom"] > TOP and c["text"].strip()]
    assert chars
    assert all(13 <= c["size"] <= 14.01 for c in chars)
    assert all(re.search(r"Liberation-?Serif|Times-?New-?Roman", c["fontname"]) for c in chars)


def test_body_paragraphs_are_justified_with_first_line_indent(plan_pdf):
    page = plan_pdf["pages"][1]
    lines: dict[float, list] = {}
    for w in words(page, min_size=13):
        if w["bottom"] > TOP:
            lines.setdefault(round(w["top"]), []).append(w)
    starts = sorted({round(min(w["x0"] for w in line)) for line in lines.values()})
    assert round(LEFT) in starts and round(LEFT + 10 * MM) in starts  # 1 cm indent
    full = [line for line in lines.values() if min(w["x0"] for w in line) < LEFT + 1]
    assert sum(max(w["x1"] for w in line) > RIGHT - 1 for line in full) >= len(full) // 2


# ---------- page numbers ----------

def test_no_page_number_on_page_one(plan_pdf):
    assert margin_numbers(plan_pdf["pages"][0]) == []


def test_page_two_number_centred_in_top_margin(plan_pdf):
    numbers = margin_numbers(plan_pdf["pages"][1])
    assert [w["text"] for w in numbers] == ["2"]
    centre = (numbers[0]["x0"] + numbers[0]["x1"]) / 2
    assert centre == pytest.approx(TEXT_CENTRE, abs=5)
    size = {c["size"] for c in plan_pdf["pages"][1].chars if c["bottom"] <= TOP}
    assert all(13 <= s <= 14.01 for s in size)


def test_body_pages_numbered_in_sequence(plan_pdf, appendix_start):
    for index in range(1, appendix_start):
        assert [w["text"] for w in margin_numbers(plan_pdf["pages"][index])] == [str(index + 1)]


# ---------- header grid ----------

def test_header_texts_on_page_one(plan_pdf):
    text = plan_pdf["texts"][0]
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH", "Số: 112/KH-UBND",
                     "Quảng Ninh, ngày 25 tháng 4 năm 2024", "KẾ HOẠCH"):
        assert expected in text


def test_number_and_date_share_a_row_left_and_right(plan_pdf):
    page_words = words(plan_pdf["pages"][0])
    so = next(w for w in page_words if w["text"] == "Số:")
    place = next(w for w in page_words if w["text"] == "Quảng" and "Italic" in w["fontname"])
    assert abs(so["bottom"] - place["bottom"]) < 3
    assert so["x1"] < TEXT_CENTRE < place["x0"] + 60
    assert 12.9 <= so["size"] <= 13.01


def test_place_and_date_are_italic(plan_pdf):
    line = [w for w in words(plan_pdf["pages"][0]) if w["text"] in ("Quảng", "Ninh,", "tháng", "2024")]
    dated = [w for w in line if w["top"] < 150]
    assert dated and all("Italic" in w["fontname"] for w in dated)


def test_quoc_hieu_and_issuer_sizes_and_weights(plan_pdf):
    page_words = words(plan_pdf["pages"][0])
    cong = next(w for w in page_words if w["text"] == "CỘNG")
    assert "Bold" in cong["fontname"] and 12 <= cong["size"] <= 13.01
    assert cong["x0"] > LEFT + 0.4 * (RIGHT - LEFT)  # right block
    uy = next(w for w in page_words if w["text"] == "ỦY")
    assert "Bold" in uy["fontname"] and 12 <= uy["size"] <= 13.01
    assert uy["x1"] < LEFT + 0.45 * (RIGHT - LEFT)  # left block


def test_rules_under_issuer_tieu_ngu_and_title(plan_pdf):
    page = plan_pdf["pages"][0]
    rules = [(e["x0"], e["x1"], e["top"]) for e in page.edges if e["orientation"] == "h"]
    tieu_ngu = [w for w in words(page) if w["text"] in ("Độc", "phúc")]
    left, right = tieu_ngu[0]["x0"], tieu_ngu[-1]["x1"]
    # The Tiêu ngữ's line is exactly as long as the text.
    assert any(abs(x0 - left) < 2 and abs(x1 - right) < 2 for x0, x1, _ in rules)
    # The issuing body's line is 1/3 to 1/2 of the name.
    name = [w for w in words(page) if w["text"] in ("TỈNH", "NINH") and w["top"] < 120]
    name_width = max(w["x1"] for w in name) - min(w["x0"] for w in name)
    below = [x1 - x0 for x0, x1, top in rules if top > name[0]["bottom"] and top < name[0]["bottom"] + 8
             and x1 < TEXT_CENTRE]
    assert below and name_width / 3 - 1 <= below[0] <= name_width / 2 + 1


def test_qr_code_sits_in_the_left_margin(plan_pdf):
    page = plan_pdf["pages"][0]
    assert len(page.images) == 1
    image = page.images[0]
    assert image["x1"] < LEFT and image["top"] >= TOP - 1
    assert image["x1"] - image["x0"] == pytest.approx(18 * MM, abs=1)
    caption = next(w for w in page.extract_words() if w["text"] == "Tra")
    assert caption["x1"] < LEFT


def test_title_and_legal_basis(plan_pdf):
    page_words = words(plan_pdf["pages"][0])
    ke_hoach = next(w for w in page_words if w["text"] == "HOẠCH")
    assert "Bold" in ke_hoach["fontname"] and ke_hoach["size"] == pytest.approx(14, abs=0.01)
    centre = (next(w for w in page_words if w["text"] == "KẾ")["x0"] + ke_hoach["x1"]) / 2
    assert centre == pytest.approx(TEXT_CENTRE, abs=3)
    can_cu = next(w for w in page_words if w["text"] == "Kết" and w["top"] > ke_hoach["bottom"])
    assert "Italic" in can_cu["fontname"]
    assert "TRIỂN KHAI CHƯƠNG TRÌNH" in plan_pdf["texts"][0]


# ---------- body, end mark, recipients, signature ----------

def test_every_paragraph_of_the_body_is_printed(plan_pdf, appendix_start):
    # Below the top margin only, so the page numbers do not land inside a paragraph that runs on.
    pages = plan_pdf["pages"][:appendix_start]
    body = nfc(" ".join(page.crop((0, TOP, page.width, page.height)).extract_text() for page in pages))
    plan = plan_pdf["context"]["plan"]
    for item in layout.body_items(plan["sections"], plan["closing"]):
        assert nfc(item["text"]) in body
    for line in plan["legal_basis"] + plan["intro"]:
        assert nfc(line) in body


def test_end_mark_nơi_nhận_and_signer(plan_pdf, appendix_start):
    last = plan_pdf["texts"][appendix_start - 1]
    assert "theo quy định./." in nfc(last)
    assert "Nơi nhận:" in last
    assert "- Văn phòng Chính phủ;" in last and "- Lưu: VT, NC1." in last
    assert "Nguyễn Thị Hạnh" in last
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        assert line in last


def test_drafter_mark_under_nơi_nhận(plan_pdf, appendix_start):
    page_words = words(plan_pdf["pages"][appendix_start - 1])
    mark = next(w for w in page_words if w["text"] == "CA-KH12")
    last_item = next(w for w in page_words if w["text"] == "NC1.")
    assert mark["size"] == pytest.approx(11, abs=0.01) and mark["top"] > last_item["bottom"]
    assert mark["x1"] < TEXT_CENTRE


def test_nơi_nhận_sizes(plan_pdf, appendix_start):
    page_words = words(plan_pdf["pages"][appendix_start - 1])
    label = next(w for w in page_words if w["text"] == "Nơi")
    assert "BoldItalic" in label["fontname"].replace("-", "") and label["size"] == pytest.approx(12, abs=0.01)
    item = next(w for w in page_words if w["text"] == "Văn" and w["top"] > label["top"])
    assert item["size"] == pytest.approx(11, abs=0.01) and "Bold" not in item["fontname"]
    assert label["x0"] == pytest.approx(LEFT, abs=1)
    post = next(w for w in page_words if w["text"] == "TM.")
    assert abs(post["top"] - label["top"]) < 4  # Nơi nhận level with the first signature line


def test_signature_box_inside_signature_column(plan_pdf, appendix_start):
    (box,) = plan_pdf["boxes"]
    assert box.page_index == appendix_start - 1
    page = plan_pdf["pages"][box.page_index]
    column_left = LEFT + 0.45 * (RIGHT - LEFT)
    assert column_left - 1 <= box.x1 < box.x2 <= RIGHT + 1
    assert 25 * MM <= box.y2 - box.y1 <= 30 * MM
    page_words = words(page)
    post = next(w for w in page_words if w["text"] == "PHÓ" and w["x0"] > column_left)
    name = next(w for w in page_words if w["text"] == "Hạnh")
    # In PDF coordinates (origin bottom-left): below the post line, above the name.
    assert box.y2 <= PAGE_H - post["bottom"] + 1
    assert box.y1 >= PAGE_H - name["top"] - 1
    centre = (box.x1 + box.x2) / 2
    name_centre = (min(w["x0"] for w in page_words if w["text"] == "Nguyễn" and w["x0"] > column_left)
                   + name["x1"]) / 2
    assert centre == pytest.approx(name_centre, abs=3)


# ---------- Phụ lục ----------

def test_appendix_starts_a_new_page(plan_pdf, appendix_start):
    text = plan_pdf["texts"][appendix_start]
    first_line = text.strip().splitlines()[0]
    assert first_line == "Phụ lục"
    assert "BẢNG PHÂN CÔNG NHIỆM VỤ" in text
    assert ("(Kèm theo Kế hoạch số 112/KH-UBND ngày 25 tháng 4 năm 2024 của Ủy ban nhân dân tỉnh Quảng Ninh)"
            in nfc(text))
    assert "Phụ lục" not in plan_pdf["texts"][appendix_start - 1]


def test_appendix_paginated_separately(plan_pdf, appendix_start):
    pages = plan_pdf["pages"]
    assert len(pages) - appendix_start >= 2, "the appendix should run over two pages in this sample"
    assert margin_numbers(pages[appendix_start]) == []
    for offset, page in enumerate(pages[appendix_start + 1:], start=2):
        assert [w["text"] for w in margin_numbers(page)] == [str(offset)]


def test_every_appendix_task_extracts_back_as_the_same_text(plan_pdf, appendix_start):
    rows = []
    for page in plan_pdf["pages"][appendix_start:]:
        for table in page.extract_tables():
            for row in table:
                if row[0] == "STT":
                    assert row == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"]
                    continue
                rows.append(row)
    expected = plan_pdf["context"]["appendix_rows"]
    assert [int(r[0]) for r in rows] == [r["stt"] for r in expected]
    for got, want in zip(rows, expected):
        assert nfc(got[1]) == nfc(want["text"])
        assert nfc(got[2]) == nfc(want["lead"])
        assert nfc(got[3]) == nfc(want["coordinating"])
        assert nfc(got[4]) == nfc(want["deadline"])


def test_appendix_header_row_repeats_on_each_page(plan_pdf, appendix_start):
    for page in plan_pdf["pages"][appendix_start:]:
        assert page.extract_tables()[0][0][0] == "STT"
        table_top = page.find_tables()[0].bbox[1]
        sizes = {round(c["size"], 1) for c in page.chars if c["top"] > table_top}
        assert sizes <= {12.0, 13.0}


# ---------- joint plan ----------

def test_joint_plan_header_shows_both_issuers(joint_pdf):
    text = joint_pdf["texts"][0]
    assert "TỈNH ĐOÀN BẾN TRE" in text and "CÔNG AN TỈNH BẾN TRE" in text
    assert "KẾ HOẠCH PHỐI HỢP" in text
    assert re.search(r"Số:\s*/KHPH-TĐTN-CAT", text)  # no number yet: a blank before the symbol
    assert "Bến Tre, ngày 30 tháng 12 năm 2021" in text
    page = joint_pdf["pages"][0]
    tops = sorted(e["top"] for e in page.edges if e["orientation"] == "h" and e["x1"] < TEXT_CENTRE)
    rules = [top for i, top in enumerate(tops) if i == 0 or top - tops[i - 1] > 2]
    assert len(rules) == 2  # one line under each issuing body


def test_joint_signatures_side_by_side(joint_pdf):
    names = {}
    for index, page in enumerate(joint_pdf["pages"]):
        for w in page.extract_words():
            if w["text"] in ("Bình", "Trέ"):
                names[w["text"]] = (index, w)
    (page_a, bình), (page_b, tre) = names["Bình"], names["Trέ"]
    assert page_a == page_b
    assert abs(bình["top"] - tre["top"]) <= 20
    assert bình["x1"] < TEXT_CENTRE < tre["x0"]
    left, right = joint_pdf["boxes"]
    assert left.page_index == right.page_index == page_a
    assert left.x2 <= TEXT_CENTRE + 1 <= right.x1 + 2
    assert left.y1 == pytest.approx(right.y1, abs=1)
    text = joint_pdf["texts"][page_a]
    assert text.index("Nơi nhận:") > text.index("Đại tá Võ Công Bình")  # recipients below the signatures
    assert "- Lưu: VT." in text and "kết quả./." in text


def test_pdf_metadata_title(plan_pdf):
    assert PdfReader(io.BytesIO(plan_pdf["data"])).metadata.title == "KẾ HOẠCH Số: 112/KH-UBND"
