"""Read a plan file (.txt or .docx) into text, refusing what is not a readable plan."""
from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from .numbering import ListNumbering

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a .docx is a zip: refuse zip bombs before unpacking
TEXT_SUFFIXES = (".txt", ".text")


class ImportFileError(ValueError):
    """A file that cannot be imported; the message is Vietnamese, ready for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_docx(source: str | Path | bytes) -> str:
    """Text of a .docx in document order, tables included, one line per paragraph."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    document = Document(io.BytesIO(data))
    numbering = ListNumbering(document)
    lines: list[str] = []
    _read_blocks(document.iter_inner_content(), numbering, lines)
    return "\n".join(lines)


def _read_blocks(blocks, numbering: ListNumbering, lines: list[str]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(_paragraph_lines(block, numbering))
        elif isinstance(block, Table):
            _read_table(block, numbering, lines)


def _read_table(table: Table, numbering: ListNumbering, lines: list[str]) -> None:
    """Header and signature tables: each cell's paragraphs, row by row, merged cells once."""
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            _read_blocks(cell.iter_inner_content(), numbering, lines)


def _paragraph_lines(paragraph: Paragraph, numbering: ListNumbering) -> list[str]:
    text = paragraph.text.replace("\t", " ")
    marker = numbering.marker(paragraph)
    if marker and text.strip() and not text.lstrip().startswith(marker.strip()):
        text = marker + text.lstrip()
    return text.split("\n")  # a manual line break (Shift+Enter) is a line of its own


def read_plan_file(path: str | Path) -> str:
    """Text of a .txt or .docx plan; raise ImportFileError with a Vietnamese message."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError("Tệp quá lớn (tối đa 5 MB).")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Không đọc được tệp “{path.name}”.") from error
    return read_plan_bytes(data, path.name)


def read_plan_bytes(data: bytes, filename: str) -> str:
    """Text of an uploaded .txt or .docx plan; raise ImportFileError with a Vietnamese message."""
    if len(data) > MAX_BYTES:
        raise ImportFileError("Tệp quá lớn (tối đa 5 MB).")
    if not data.strip():
        raise ImportFileError("Tệp rỗng, không có nội dung.")
    suffix = Path(filename).suffix.lower()
    if suffix == ".docx":
        text = _docx_text(data)
    elif suffix in TEXT_SUFFIXES:
        text = decode_text(data)
    elif suffix == ".doc":
        raise ImportFileError("Tệp .doc (Word 97-2003) chưa được hỗ trợ; "
                              "hãy mở bằng Word và lưu lại thành .docx.")
    else:
        raise ImportFileError("Định dạng tệp không được hỗ trợ: chỉ nhận tệp .txt hoặc .docx.")
    if not text.strip():
        raise ImportFileError("Tệp rỗng, không có nội dung.")
    return text


def _docx_text(data: bytes) -> str:
    if not _is_word_zip(data):
        raise ImportFileError("Tệp .docx không hợp lệ: đây không phải tài liệu Word (.docx).")
    try:
        return read_docx(data)
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise ImportFileError("Tệp .docx bị hỏng, không đọc được nội dung.") from error


def _is_word_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = {info.filename: info.file_size for info in package.infolist()}
    except (zipfile.BadZipFile, ValueError):
        return False
    if sum(names.values()) > MAX_UNPACKED_BYTES:
        raise ImportFileError("Tệp .docx quá lớn khi giải nén, không thể đọc.")
    return "word/document.xml" in names


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8):], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if b"\x00" in data:
        raise ImportFileError("Tệp không phải văn bản (có dữ liệu nhị phân).")
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(_undecodable_message(data)) from error
    if _looks_binary(text):
        raise ImportFileError("Tệp không phải văn bản (có dữ liệu nhị phân).")
    return text


def _undecodable_message(data: bytes) -> str:
    """Old Vietnamese encodings (Windows-1258, TCVN3) read as text in cp1258; binary does not."""
    legacy = data.decode("cp1258", errors="replace")
    if not _looks_binary(legacy) and legacy.count("\ufffd") <= len(legacy) // 100:
        return ("Tệp dùng bảng mã cũ (không phải Unicode UTF-8). "
                "Hãy mở tệp và lưu lại với mã hóa UTF-8.")
    return "Tệp không phải văn bản (có dữ liệu nhị phân)."


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return "\x00" in text or controls > max(2, len(text) // 200)
