"""A plan printed as main text and Phụ lục apart (the Phụ lục in a helper process), then joined."""
from __future__ import annotations

import gc
import io
import os
import signal
import subprocess
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
    fonts = _fonts(b)
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor
        assert "/ToUnicode" in font
        assert descriptor["/FontName"] == font["/BaseFont"]
    subsets = {id(font): font["/BaseFont"] for font in fonts}
    assert len(set(subsets.values())) == len(subsets) > 4  # each part's subsets under their own tags


def test_no_helper_when_turned_off():
    with printing(helper=False):
        assert not pdf.helper_ready()
        assert pdf_pool._helper is None
        assert pdf.pdf_page_count(pdf.render_pdf("pdf/plan.html", _context())) >= 4


def test_the_first_plan_prints_here_then_starts_the_helper(monkeypatch):
    with printing(helper=False):
        monkeypatch.setenv(pdf_pool.HELPER_ENV, "1")
        pdf.render_pdf("pdf/register.html", pdf_samples.register_context())
        assert pdf_pool._helper is None  # a document that does not split never starts one
        data = pdf.render_pdf("pdf/plan.html", _context())
        assert pdf.pdf_page_count(data) >= 4
        assert pdf_pool._helper is not None  # started after this render, for the next ones


def test_a_helper_that_cannot_start_means_printing_here(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes in this sandbox")

    with printing(helper=False):
        monkeypatch.setenv(pdf_pool.HELPER_ENV, "1")
        monkeypatch.setattr(subprocess, "Popen", refuse)
        data = pdf.render_pdf("pdf/plan.html", _context())
        assert pdf.pdf_page_count(data) >= 4 and pdf_pool._helper is None
        monkeypatch.undo()
        monkeypatch.setenv(pdf_pool.HELPER_ENV, "1")
        assert not pdf.helper_ready() and pdf_pool._helper is None  # not tried again in this process


def test_a_killed_helper_only_means_printing_here(caplog):
    context = _context()
    with printing(helper=True):
        expected = pdf.pdf_page_count(pdf.render_pdf("pdf/plan.html", context))
        helper = pdf_pool._helper
        os.kill(helper.process.pid, signal.SIGKILL)
        helper.process.wait()
        assert pdf.pdf_page_count(pdf.render_pdf("pdf/plan.html", context)) == expected
        assert pdf_pool._helper is None  # dropped; the next split render starts another
        assert "PDF helper process failed" in caplog.text


def test_a_busy_helper_means_printing_here():
    context = _context()
    with printing(helper=True):
        helper = pdf_pool._helper
        with helper.busy:  # another thread of this worker is using it
            data = pdf.render_pdf("pdf/plan.html", context)
        assert pdf.pdf_page_count(data) >= 4 and pdf_pool._helper is helper


def test_an_error_in_the_helper_reaches_the_caller():
    with printing(helper=True):
        good = pdf.render_pdf("pdf/plan.html", _context())
        with pytest.raises(Exception) as raised:
            pdf_pool.run_parts(pdf.pdf_page_count, [(good,), (b"not a PDF",)], pdf_pool._helper)
        assert not isinstance(raised.value, pdf_pool.HelperFailed)
        # and the helper is still in step for the next job
        assert pdf_pool.run_parts(pdf.pdf_page_count, [(good,), (good,)], pdf_pool._helper) == [
            pdf.pdf_page_count(good)] * 2


def test_while_waiting_runs_with_our_result_only_when_the_helper_is_slower():
    calls = []
    with printing(helper=True):
        helper = pdf_pool._helper
        # time.sleep is importable by name in the helper, and returns None here and there
        assert pdf_pool.run_parts(time.sleep, [(0,), (0.5,)], helper, while_waiting=calls.append) == [None, None]
        assert calls == [None]
        assert pdf_pool.run_parts(time.sleep, [lambda: (0.5,), (0,)], helper,
                                  while_waiting=calls.append) == [None, None]
        assert calls == [None]  # ours was the slower one: nothing to do while waiting


def test_the_helper_keeps_what_its_warm_up_loaded_out_of_its_collections():
    with printing(helper=True):
        _, in_helper = pdf_pool.run_parts(gc.get_freeze_count, [(), ()], pdf_pool._helper)
        assert in_helper > 10_000  # WeasyPrint, fonts and stylesheets: frozen after the warm-up


def test_a_helper_inherited_through_fork_is_not_used():
    with printing(helper=True):
        inherited = pdf_pool._helper
        inherited.owner = -1  # as if this process were a fork of the one that started it
        try:
            assert not pdf.helper_ready()  # a new helper, still warming up
            assert pdf_pool._helper is not inherited and pdf_pool._helper.owner == os.getpid()
        finally:
            inherited.owner = os.getpid()
            inherited.stop()


def test_the_helper_ends_with_its_parent(tmp_path):
    script = (
        "import os, sys, time\n"
        "from intranet.documents import pdf, pdf_pool\n"
        "while not pdf.helper_ready(): time.sleep(0.05)\n"
        "print(pdf_pool._helper.process.pid, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    env = {**os.environ, pdf_pool.HELPER_ENV: "1"}
    parent = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=Path(pdf.REPO_DIR), timeout=120)
    helper_pid = int(parent.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _alive(helper_pid):
        assert time.monotonic() < deadline, "the helper outlived its parent"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return status != "Z"


def test_helper_setting(monkeypatch):
    for value, wanted in (("0", False), ("off", False), ("1", True), ("on", True)):
        monkeypatch.setenv(pdf_pool.HELPER_ENV, value)
        assert pdf_pool.helper_wanted() is wanted
    monkeypatch.delenv(pdf_pool.HELPER_ENV)
    assert pdf_pool.helper_wanted() is (len(os.sched_getaffinity(0)) >= 2)
