"""Evidence types are read from the content (magic bytes), never from the file name."""
import io
import zipfile

import pytest

from intranet.reports.evidence import sniff_kind

from .helpers import PNG


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.7\n%...", "pdf"),
    (PNG, "png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpg"),
    (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
    (_zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
])
def test_allowed_types(data, kind):
    assert sniff_kind(data) == kind


@pytest.mark.parametrize("data", [
    b"Danh sach ho ten...\n",               # a text file, whatever its name
    b"PK\x03\x04 not really a zip",
    _zip("[Content_Types].xml", "ppt/slide1.xml"),
    _zip("word/document.xml"),               # no content types: not an Office package
    b"GIF89a",
    b"",
    b"MZ\x90\x00",
])
def test_refused_types(data):
    assert sniff_kind(data) is None
