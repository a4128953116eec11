"""Joining parts printed apart, and the plan a new PDF helper prints to warm up."""
from __future__ import annotations

import io

from pypdf import PdfReader

from intranet.documents import pdf, pdf_join, pdf_warm_up


def _parts() -> tuple[bytes, bytes]:
    context = pdf_warm_up.warm_up_context()
    return tuple(pdf.render_pdf("pdf/plan.html", {**context, "pdf_part": part}) for part in ("main", "appendix"))


def test_adding_the_first_part_early_gives_the_same_file():
    main, appendix = _parts()
    early = pdf_join.PdfJoin()
    early.add_first(main)
    assert early.started
    assert early.finish([appendix]) == pdf_join.join([main, appendix])


def test_joined_pages_in_order_with_the_first_parts_metadata():
    main, appendix = _parts()
    joined = PdfReader(io.BytesIO(pdf_join.join([main, appendix])))
    a, b = PdfReader(io.BytesIO(main)), PdfReader(io.BytesIO(appendix))
    assert [p.extract_text() for p in joined.pages] == [p.extract_text() for p in [*a.pages, *b.pages]]
    assert joined.metadata.title == a.metadata.title
    assert joined.trailer["/Root"]["/Lang"] == "vi"


def test_the_warm_up_plan_goes_through_what_a_real_plan_does():
    reader = PdfReader(io.BytesIO(pdf.render_pdf("pdf/plan.html", pdf_warm_up.warm_up_context())))
    texts = [page.extract_text() for page in reader.pages]
    appendix_start = next(i for i, text in enumerate(texts) if text.lstrip().startswith("Phụ lục"))
    assert appendix_start >= 2  # main text over two pages: the page number in the top margin
    assert len(texts) - appendix_start >= 2  # the Phụ lục table continues, its header repeated
    assert texts[appendix_start + 1].count("Nhiệm vụ") == 1
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages for font in page["/Resources"]["/Font"].get_object().values()}
    assert fonts == {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic",
                     "Liberation-Serif-Bold-Italic"}
