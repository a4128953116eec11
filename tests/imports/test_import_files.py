"""Reading plan files: what is accepted and the Vietnamese message for what is not."""
import codecs
import io
import unicodedata
import zipfile

import pytest
from docx import Document

from intranet.imports.docx_reader import (
    MAX_BYTES, ImportFileError, decode_text, read_plan_bytes, read_plan_file)

PLAN = "KẾ HOẠCH\nPhòng, chống ma túy\nI. MỤC ĐÍCH\n- Tuyên truyền.\n"


def refusal(path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_plan_file(path)
    assert caught.value.message == str(caught.value)
    return caught.value.message


@pytest.mark.parametrize("data", [
    PLAN.encode("utf-8"),
    codecs.BOM_UTF8 + PLAN.encode("utf-8"),
    PLAN.encode("utf-16"),
    codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"),
])
def test_text_in_utf8_or_utf16_with_bom(tmp_path, data):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(data)
    assert read_plan_file(path) == PLAN


def test_docx(tmp_path):
    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    assert read_plan_file(path) == "KẾ HOẠCH"


def test_missing_file(tmp_path):
    assert refusal(tmp_path / "khong-co.txt") == "Không đọc được tệp “khong-co.txt”."


@pytest.mark.parametrize("name, data", [
    ("rong.txt", b""), ("trang.txt", b"  \n\t\n"), ("rong.docx", b""),
])
def test_empty(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert refusal(path) == "Tệp rỗng, không có nội dung."


def test_docx_without_text(tmp_path):
    path = tmp_path / "trang.docx"
    Document().save(path)
    assert refusal(path) == "Tệp rỗng, không có nội dung."


def test_binary(tmp_path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert refusal(path) == "Tệp không phải văn bản (có dữ liệu nhị phân)."


def test_invalid_utf8_binary(tmp_path):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(1, 32)) * 20 + b"\xff\xfe\xfa")
    assert refusal(path) == "Tệp không phải văn bản (có dữ liệu nhị phân)."


def windows_1258(text: str) -> bytes:
    """Windows-1258 has "ê", "ơ", "ư" precomposed but tone marks as combining characters."""
    out = ""
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base + tones
    return out.encode("cp1258")


def test_legacy_vietnamese_encoding(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(windows_1258("Kế hoạch phòng, chống ma túy trong thanh, thiếu niên"))
    assert refusal(path) == ("Tệp dùng bảng mã cũ (không phải Unicode UTF-8). "
                             "Hãy mở tệp và lưu lại với mã hóa UTF-8.")


def test_oversized(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    assert refusal(path) == "Tệp quá lớn (tối đa 5 MB)."
    with pytest.raises(ImportFileError, match="Tệp quá lớn"):
        read_plan_bytes(b"a" * (MAX_BYTES + 1), "lon.docx")


def test_fake_docx(tmp_path):
    path = tmp_path / "gia.docx"
    path.write_text("Đây không phải tệp Word", encoding="utf-8")
    assert refusal(path) == "Tệp .docx không hợp lệ: đây không phải tài liệu Word (.docx)."


def test_zip_that_is_not_word(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "xin chào")
    path = tmp_path / "nen.docx"
    path.write_bytes(buffer.getvalue())
    assert "không phải tài liệu Word" in refusal(path)


def test_damaged_word_package(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<không phải xml")
    path = tmp_path / "hong.docx"
    path.write_bytes(buffer.getvalue())
    assert refusal(path) == "Tệp .docx bị hỏng, không đọc được nội dung."


@pytest.mark.parametrize("name, hint", [
    ("ke-hoach.pdf", "chỉ nhận tệp .txt hoặc .docx"), ("ke-hoach.doc", "lưu lại thành .docx"),
])
def test_unsupported_extension(tmp_path, name, hint):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7 content")
    assert hint in refusal(path)


def test_decode_text_strips_the_bom():
    assert decode_text(codecs.BOM_UTF8 + "Sở Y tế".encode()) == "Sở Y tế"
