"""One PDF from parts printed apart (the main text here, the Phụ lục in the PDF helper): pypdf."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject


class PdfJoin:
    """The parts' pages in order, with the first part's title, author and language.

    The first part may be added while the others are still printing (`add_first`), so that half
    of the work is done before anyone waits for it.
    """

    def __init__(self) -> None:
        self._writer = PdfWriter()
        self._first: PdfReader | None = None
        self._count = 0

    def add_first(self, data: bytes) -> None:
        """Add the first part; call once, before `finish`."""
        self._first = PdfReader(io.BytesIO(data))
        self._writer.append(self._first)
        self._count = 1

    @property
    def started(self) -> bool:
        """Whether the first part is in."""
        return self._first is not None

    def finish(self, parts: list[bytes]) -> bytes:
        """Add `parts` (all of them, or the ones after a first already added) and write the PDF."""
        for data in parts:
            if self._first is None:
                self.add_first(data)
                continue
            reader = PdfReader(io.BytesIO(data))
            _retag_font_subsets(reader, self._count)
            self._writer.append(reader)
            self._count += 1
        writer = self._writer
        writer.add_metadata(self._first.metadata or {})
        lang = self._first.trailer["/Root"].get("/Lang")
        if lang is not None:
            writer._root_object[NameObject("/Lang")] = lang
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def join(parts: list[bytes]) -> bytes:
    """One PDF of the parts' pages in order, with the first part's title, author and language."""
    return PdfJoin().finish(parts)


def _retag_font_subsets(reader: PdfReader, part: int) -> None:
    """Give a later part's font subsets their own tags (ABCDEF+Name): each part subsets the same
    fonts under the same tags, and a tool that merges fonts by name must not mix two subsets."""

    def retag(holder, key):
        name = str(holder.get(key, ""))
        if re.fullmatch(r"/[A-Z]{6}\+.+", name):
            tag = "".join(chr((ord(c) - 65 + 7 * part) % 26 + 65) for c in name[1:7])
            holder[NameObject(key)] = NameObject(f"/{tag}{name[7:]}")

    done = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font")
        for ref in (fonts.get_object().values() if fonts is not None else ()):
            font = ref.get_object()
            for obj in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                if id(obj) in done:
                    continue
                done.add(id(obj))
                retag(obj, "/BaseFont")
                if "/FontDescriptor" in obj:
                    retag(obj["/FontDescriptor"].get_object(), "/FontName")
