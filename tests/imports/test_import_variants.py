"""The same plan typed, wrapped, encoded or saved differently must parse to the same JSON."""
import io
import re
import textwrap
import unicodedata

import pytest
from docx import Document

from intranet.imports.blocks import join_blocks, prepare_lines, wrap_width
from intranet.imports.docx_reader import read_docx, read_plan_file
from intranet.imports.parser import parse_plan, split_regions, to_json
from intranet.imports.text import clean

PLANS = ["qn_text", "bt_text", "na_text", "bg_text"]
_MARKERS = {"roman": "{n}. ", "numbered": "{n}. ", "lettered": "{n}) ", "bullet": "- ",
            "plus": "+ ", "para": ""}
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_DOC_TYPES = ("KẾ HOẠCH", "KẾ HOẠCH PHỐI HỢP")
_RIGHT_OF_HEADER = ("CỘNG HÒA", "CHỦ NGHĨA", "Độc lập", "ngày", "tháng")

# Header tables as a markdown converter writes them: cells split by "|", lines by <br>.
PIPE_HEADERS = {
    "qn_text": ("| ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NINH<br>------- | CỘNG HÒA XÃ HỘI<br>CHỦ NGHĨA "
                "VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>--------------- |\n|---|---|\n"
                "| Số: 112/KH-UBND | Quảng Ninh, ngày<br>25 tháng 4 năm 2024 |"),
    "bt_text": "| | Bến Tre, ngày **30** tháng 12 năm 2021 |",
    "na_text": ("| UBND TỈNH NGHỆ AN<br>SỞ GIÁO DỤC VÀ ĐÀO TẠO<br>Số: 05/KH-SGDĐT | CỘNG HÒA XÃ "
                "HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>Nghệ An, ngày 10 tháng "
                "01 năm 2025 |"),
    "bg_text": ("| ỦY BAN NHÂN DÂN<br>TỈNH BẮC GIANG<br>Số: 156/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ "
                "NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>Bắc Giang, ngày 12 tháng 3 "
                "năm 2024 |"),
}


def rewrap_lines(text: str, width: int) -> str:
    """Each printed line wrapped again, as a narrower page would: wraps on top of wraps."""
    return "\n".join(part for line in text.split("\n")
                     for part in (textwrap.wrap(line, width) or [""]))


def reflow(text: str, width: int) -> str:
    """The body re-flowed at a width: each block's joined text wrapped afresh."""
    regions = split_regions(prepare_lines(clean(text)))
    body = []
    for block in join_blocks(regions.body, wrap_width(regions.body)):
        marker = _MARKERS[block.kind].format(n=block.number)
        body += textwrap.wrap(marker + block.text, width)
    head = regions.header + [regions.doc_type or ""] + regions.title + [""]
    return "\n".join(head + body + regions.tail)


def new_style_tones(text: str) -> str:
    """Move tone marks of open oa/oe/uy to the second vowel: hòa → hoà, ủy → uỷ."""
    decomposed = unicodedata.normalize("NFD", text)
    pattern = r"(?<![qQ])([oOuU])([" + _TONES + r"])([aAeEyY])(?![\w\u0300-\u036f])"
    moved = re.sub(pattern, lambda m: m[1] + m[3] + m[2] if (m[1] + m[3]).lower() in
                   ("oa", "oe", "uy") else m[0], decomposed)
    return unicodedata.normalize("NFC", moved)


def page_breaks(text: str) -> str:
    """A blank line (a page break) before every 7th line that goes on a sentence; a plan with
    one line per paragraph is wrapped first, so that its sentences do go on."""
    broken = _break_pages(text)
    return broken if broken != text else _break_pages(rewrap_lines(text, 60))


def _break_pages(text: str) -> str:
    lines = text.split("\n")
    out, seen = [], 0
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else ""
        if line[:1].islower() and prev and not prev.endswith((".", ";", ":")):
            seen += 1
            if seen % 7 == 0:
                out.append("")
        out.append(line)
    return "\n".join(out)


def toggle_cell_pipes(text: str) -> str:
    """Drop the lone "|" lines a web copy leaves between cells, or add them to the header."""
    lines = text.split("\n")
    if "|" in lines:
        return "\n".join(line for line in lines if line != "|")
    start = next(i for i, line in enumerate(lines) if line.strip() in _DOC_TYPES)
    return "\n".join([part for line in lines[:start] for part in (line, "|")] + lines[start:])


def pipe_header(text: str, name: str) -> str:
    """The header lines replaced by a markdown table."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() in _DOC_TYPES)
    return PIPE_HEADERS[name] + "\n" + "\n".join(lines[start:])


VARIANTS = {
    "rewrapped lines at 60": lambda t, n: rewrap_lines(t, 60),
    "rewrapped lines at 45": lambda t, n: rewrap_lines(t, 45),
    "reflowed at 60": lambda t, n: reflow(t, 60),
    "reflowed at 90": lambda t, n: reflow(t, 90),
    "CRLF": lambda t, n: t.replace("\n", "\r\n"),
    "NFD": lambda t, n: unicodedata.normalize("NFD", t),
    "new-style tones": lambda t, n: new_style_tones(t),
    "cell pipes": lambda t, n: toggle_cell_pipes(t),
    "markdown header table": pipe_header,
    "page breaks": lambda t, n: page_breaks(t),
    "BOM and zero-width": lambda t, n: "\ufeff" + t.replace(" ma túy", " ma\u200b túy", 3),
}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_text_variant_parses_the_same(plan, variant, request):
    text = request.getfixturevalue(plan)
    changed = VARIANTS[variant](text, plan)
    assert changed != text
    assert to_json(parse_plan(changed)) == to_json(parse_plan(text))


def test_tone_variant_really_changes_the_text(qn_text):
    swapped = new_style_tones(qn_text)
    assert "hoà nhập" in swapped and "Uỷ ban" in swapped and "ma tuý" in swapped
    assert parse_plan(swapped)["assignments"][11]["units"][0] == "Ủy ban Mặt trận Tổ quốc"


def docx_bytes(build) -> bytes:
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def one_paragraph_per_line(text: str) -> bytes:
    return docx_bytes(lambda d: [d.add_paragraph(line) for line in text.split("\n")])


def _cell(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def _two_cells(document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    _cell(table.cell(0, 0), left)
    _cell(table.cell(0, 1), right)


def with_tables(text: str) -> bytes:
    """Header and end matter in two-column tables, as official .docx files lay them out."""
    lines = [line for line in text.split("\n") if line != "|"]
    start = next(i for i, line in enumerate(lines) if line.strip() in _DOC_TYPES)
    recipients = lines.index("Nơi nhận:")
    signature = next(i for i, line in enumerate(lines) if line.startswith(("TM.", "KT.")))
    header = [line for line in lines[:start] if line.strip() and set(line) != {"-"}]
    right = [line for line in header if any(word in line for word in _RIGHT_OF_HEADER)]
    left = [line for line in header if line not in right]

    def build(document):
        _two_cells(document, left, right)
        for line in lines[start:min(recipients, signature)]:
            document.add_paragraph(line)
        if signature > recipients:  # Nơi nhận on the left, the signature on the right
            _two_cells(document, lines[recipients:signature], lines[signature:])
        else:  # a joint plan: two signature blocks side by side, then Nơi nhận
            second = next(i for i in range(signature + 1, recipients)
                          if lines[i].startswith(("TM.", "KT.")))
            _two_cells(document, lines[signature:second], lines[second:recipients])
            for line in lines[recipients:]:
                document.add_paragraph(line)
    return docx_bytes(build)


@pytest.mark.parametrize("plan", PLANS)
def test_docx_one_paragraph_per_line(plan, request, tmp_path):
    text = request.getfixturevalue(plan)
    path = tmp_path / "plan.docx"
    path.write_bytes(one_paragraph_per_line(text))
    assert to_json(parse_plan(read_plan_file(path))) == to_json(parse_plan(text))


@pytest.mark.parametrize("plan", PLANS)
def test_docx_with_header_and_signature_tables(plan, request, tmp_path):
    text = request.getfixturevalue(plan)
    path = tmp_path / "plan.docx"
    path.write_bytes(with_tables(text))
    assert to_json(parse_plan(read_plan_file(path))) == to_json(parse_plan(text))


def test_docx_list_numbering_is_read_as_markers():
    def build(document):
        document.add_paragraph("Mục đích", style="List Number")
        document.add_paragraph("Yêu cầu", style="List Number")
        document.add_paragraph("Chủ trì triển khai.", style="List Bullet")
        document.add_paragraph("- Đã có gạch đầu dòng.", style="List Bullet")
        line_break = document.add_paragraph("dòng một")
        line_break.add_run().add_break()
        line_break.add_run("dòng hai")
    assert read_docx(docx_bytes(build)).split("\n") == [
        "1. Mục đích", "2. Yêu cầu", "- Chủ trì triển khai.", "- Đã có gạch đầu dòng.",
        "dòng một", "dòng hai"]
