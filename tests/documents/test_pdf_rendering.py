"""PDF rendering pieces: the URL fetcher that only serves static files, fonts, layout helpers."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import jinja2
import pdfplumber
import pytest

from intranet.documents import layout, pdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_samples  # noqa: E402


# ---------- the restrictive URL fetcher ----------

def _env_with(template: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"t.html": template}), autoescape=True)


@pytest.mark.parametrize("markup", [
    '<img src="file:///etc/passwd">',
    '<img src="http://example.com/x.png">',
    '<link rel="stylesheet" href="file:///etc/passwd">',
    '<style>@import url("http://example.com/a.css");</style>',
    '<img src="static/../config.py">',
])
def test_fetcher_refuses_anything_outside_static(markup):
    with pytest.raises(pdf.ResourceRefused) as error:
        pdf.render_pdf("t.html", {}, jinja_env=_env_with(f"<p>x</p>{markup}"))
    assert "root:" not in str(error.value)


def test_fetcher_serves_static_files_and_data_uris():
    fetcher = pdf.StaticOnlyFetcher()
    font = (pdf.STATIC_DIR / "fonts" / "LiberationSerif-Regular.ttf").as_uri()
    assert fetcher.fetch(font).read()[:4] == b"\x00\x01\x00\x00"
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
    with pytest.raises(pdf.ResourceRefused):
        fetcher.fetch("file:///etc/passwd")
    data = pdf.render_pdf("t.html", {"qr": layout.qr_data_uri("x")},
                          jinja_env=_env_with('<img src="{{ qr }}"><p>QR</p>'))
    assert b"root:" not in data and pdf.pdf_page_count(data) == 1


def test_configured_times_new_roman_outside_static(tmp_path):
    for source, target in (("Regular", "times.ttf"), ("Bold", "timesbd.ttf")):
        shutil.copy(pdf.STATIC_DIR / "fonts" / f"LiberationSerif-{source}.ttf", tmp_path / target)
    env = _env_with("<p>Độc lập - <b>Tự do</b></p>")
    data = pdf.render_pdf("t.html", {}, jinja_env=env, font_path=str(tmp_path / "times.ttf"))
    fonts = {c["fontname"] for c in pdfplumber.open(io.BytesIO(data)).pages[0].chars}
    assert any("Times-New-Roman" in f for f in fonts)
    with pytest.raises(FileNotFoundError):
        pdf.render_pdf("t.html", {}, jinja_env=env, font_path=str(tmp_path / "missing.ttf"))


# ---------- pure helpers ----------

def test_recipient_and_kinh_gui_lines():
    assert layout.recipient_lines(["Bộ Công an", "- Lưu: VT, NC1."]) == ["- Bộ Công an;", "- Lưu: VT, NC1."]
    assert layout.recipient_lines(["Lưu: VT"], first="Như trên") == ["- Như trên;", "- Lưu: VT."]
    assert layout.kinh_gui(["Bộ Nội vụ"]) == {"single": "Bộ Nội vụ", "lines": []}
    assert layout.kinh_gui(["Bộ Nội vụ", "Bộ Tài chính"])["lines"] == ["- Bộ Nội vụ;", "- Bộ Tài chính."]


def test_block_kinds_as_printed():
    items = layout.body_items([{"heading": "V. TỔ CHỨC THỰC HIỆN", "blocks": [
        {"type": "numbered", "number": "3", "text": "Giao Công an tỉnh chủ trì."},
        {"type": "heading", "number": "1", "text": "Mục đích"},
        {"type": "point", "number": "a", "text": "Đối với"},
        {"type": "bullet", "text": "Kiềm chế"},
        {"type": "subbullet", "text": "Dự án 1"},
    ]}])
    assert [(i["kind"], i["text"]) for i in items] == [
        ("section", "V. TỔ CHỨC THỰC HIỆN"), ("numbered", "3. Giao Công an tỉnh chủ trì."),
        ("heading", "1. Mục đích"), ("point", "a) Đối với"), ("bullet", "- Kiềm chế"),
        ("subbullet", "+ Dự án 1./."),
    ]
    assert layout.signer_name({"rank": "Đại tá", "name": "Võ Công Bình"}) == "Đại tá Võ Công Bình"


def test_number_date_and_end_mark_helpers():
    assert layout.number_line({"number": "5", "symbol": "KH-UBND"}) == "Số: 05/KH-UBND"
    assert layout.number_line({"number": None, "symbol": "KH-UBND"}).replace("\u00a0", " ").split() == \
        ["Số:", "/KH-UBND"]
    assert layout.place_date({"place": "Hà Nội", "issued_on": "2020-01-05"}) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert layout.with_end_mark("theo quy định.") == "theo quy định./."
    assert layout.with_end_mark("theo quy định./.") == "theo quy định./."


def test_org_names_as_running_text():
    assert layout.org_name("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH") == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert layout.org_name("SỞ GIÁO DỤC VÀ ĐÀO TẠO") == "Sở Giáo dục và Đào tạo"
    assert layout.org_name("TỈNH ĐOÀN BẾN TRE") == "Tỉnh đoàn Bến Tre"
    assert layout.org_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH") == "Ủy ban nhân dân Thành phố Hồ Chí Minh"


def test_document_codes_do_not_break():
    html = str(layout.keep_codes("Chỉ thị số 32-CT/TU ngày 05/5/2023 <b>"))
    assert '<span class="nobr">32-CT/TU</span>' in html and '<span class="nobr">05/5/2023</span>' in html
    assert "&lt;b&gt;" in html


def test_balanced_title_lines_have_no_lone_word():
    title = pdf_samples.build_plan()["title"]
    lines = layout.balanced_lines(title)
    assert " ".join(lines) == title and len(lines) == 3
    assert min(len(line) for line in lines) > 0.7 * max(len(line) for line in lines)


def test_tnr_font_setting_reaches_every_printed_document(make_app, tmp_path):
    # A province drops Windows' times.ttf family in a folder and sets INTRANET_TNR_FONT to it.
    folder = tmp_path / "tnr"
    folder.mkdir()
    for source, target in (("Regular", "times.ttf"), ("Bold", "timesbd.ttf"),
                           ("Italic", "timesi.ttf"), ("BoldItalic", "timesbi.ttf")):
        shutil.copy(pdf.STATIC_DIR / "fonts" / f"LiberationSerif-{source}.ttf", folder / target)
    env = _env_with("<p>Độc lập - <b>Tự do</b> - <i>Hạnh phúc</i></p>")

    def fonts(data):
        return {c["fontname"].split("+")[-1] for c in pdfplumber.open(io.BytesIO(data)).pages[0].chars}

    outside_app = pdf.render_pdf("t.html", {}, jinja_env=env)
    assert fonts(outside_app) and all("Liberation" in f for f in fonts(outside_app))
    app = make_app(TNR_FONT=str(folder))
    with app.app_context():
        configured = fonts(pdf.render_pdf("t.html", {}, jinja_env=env))
    assert len(configured) == 3 and all(f.startswith("Times-New-Roman") for f in configured)
    # A wrong path prints with Liberation Serif rather than failing the page.
    app = make_app(TNR_FONT=str(tmp_path / "missing.ttf"))
    with app.app_context():
        assert all("Liberation" in f for f in fonts(pdf.render_pdf("t.html", {}, jinja_env=env)))
