"""A plan printed as main text and Phụ lục apart (the Phụ lục in a helper process), then joined."""
from __future__ import annotations

import io
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from intranet.documents import layout, pdf, pdf_pool

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_samples  # noqa: E402
from pdf_printing import printing  # noqa: E402


def _context():
    return pdf_samples.plan_context(qr_png=layout.qr_data_uri("https://intranet.local/vb/112-KH-UBND"))


def _fonts(reader: PdfReader) -> list:
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].get_object().values():
            fonts.append(font.get_object())
    return fonts


@pytest.fixture(scope="module")
def both_ways():
    context = _context()
    with printing(helper=False):
        whole = pdf.render_pdf_with_boxes("pdf/plan.html", context)
    with printing(helper=True):
        joined = pdf.render_pdf_with_boxes("pdf/plan.html", context)
    return whole, joined


def test_joined_pdf_has_the_same_pages_text_and_boxes(both_ways):
    (whole, whole_boxes), (joined, joined_boxes) = both_ways
    assert joined != whole  # really printed apart: two font subsets, another file
    a, b = PdfReader(io.BytesIO(whole)), PdfReader(io.BytesIO(joined))
    assert len(b.pages) == len(a.pages)
    for page_a, page_b in zip(a.pages, b.pages):
        assert page_b.extract_text() == page_a.extract_text()
        assert page_b.mediabox == page_a.mediabox
    assert joined_boxes == whole_boxes
    assert joined_boxes[0].page_index < len(b.pages) - 1  # on the last page of the main text


def test_joined_pdf_keeps_title_author_language_and_embedded_fonts(both_ways):
    (whole, _), (joined, _) = both_ways
    a, b = PdfReader(io.BytesIO(whole)), PdfReader(io.BytesIO(joined))
    assert b.metadata.title == a.metadata.title == "KẾ HOẠCH Số: 112/KH-UBND"
    assert b.metadata.author == a.metadata.author
    assert b.metadata.producer == a.metadata.producer
    assert b.trailer["/Root"]["/Lang"] == "vi"
    for font in _fonts(b):
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor
        assert "/ToUnicode" in font


def test_no_helper_when_turned_off(monkeypatch):
    with printing(helper=False):
        assert pdf_pool.ready_helper(pdf._warm_up) is None
        assert pdf_pool._pool is None
        assert pdf.pdf_page_count(pdf.render_pdf("pdf/plan.html", _context())) >= 4


def test_helper_that_cannot_start_means_printing_here(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no semaphores in this sandbox")

    with printing(helper=False):
        monkeypatch.setenv(pdf_pool.HELPER_ENV, "1")
        monkeypatch.setattr(pdf_pool, "ProcessPoolExecutor", refuse)
        data = pdf.render_pdf("pdf/plan.html", _context())
        assert pdf_pool._unavailable and pdf_pool._pool is None
        assert pdf.pdf_page_count(data) >= 4
        monkeypatch.undo()
        monkeypatch.setenv(pdf_pool.HELPER_ENV, "1")
        assert pdf_pool.ready_helper(pdf._warm_up) is None  # not retried in this process


def test_a_killed_helper_only_means_printing_here(caplog):
    context = _context()
    with printing(helper=True):
        expected = pdf.pdf_page_count(pdf.render_pdf("pdf/plan.html", context))
        pool = pdf_pool._pool
        for process in list(pool._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
        time.sleep(0.2)
        data = pdf.render_pdf("pdf/plan.html", context)
        assert pdf.pdf_page_count(data) == expected
        assert pdf_pool._pool is not pool  # the broken one is dropped; the next render starts another
        assert "PDF helper process failed" in caplog.text


def test_a_helper_inherited_through_fork_is_not_used():
    with printing(helper=True):
        inherited = pdf_pool._pool
        pdf_pool._pool_pid = -1  # as if this process were a fork of the one that started it
        try:
            assert pdf_pool.ready_helper(pdf._warm_up) is None  # a new helper, still cold
            assert pdf_pool._pool is not inherited and pdf_pool._pool_pid == os.getpid()
        finally:
            inherited.shutdown(wait=True)


def test_helper_setting(monkeypatch):
    for value, wanted in (("0", False), ("off", False), ("1", True), ("on", True)):
        monkeypatch.setenv(pdf_pool.HELPER_ENV, value)
        assert pdf_pool.helper_wanted() is wanted
    monkeypatch.delenv(pdf_pool.HELPER_ENV)
    assert pdf_pool.helper_wanted() is (len(os.sched_getaffinity(0)) >= 2)
