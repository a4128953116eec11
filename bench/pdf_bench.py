"""Plan PDF: our WeasyPrint path (warm process) against python-docx + LibreOffice headless.

    python bench/pdf_bench.py [--seed PATH] [--runs 5] [--lo-runs 3]

Renders seed 001 (parsed with intranet.imports.parser when it exists, else the test sample)
with its Phụ lục N times in one warm process (which prints the Phụ lục in its warm helper process
at the same time, intranet/documents/pdf_pool.py; INTRANET_PDF_HELPER=0 for one process), then writes the same content as .docx and converts
it with `soffice --headless --convert-to pdf` (Debian package libreoffice-writer-nogui), one
process per conversion as a web worker would run it. Prints both medians and their ratio.

The runs alternate (ours, LibreOffice, ours, ...) so that a burst of other work on the machine
falls on both sides, and the CPU time other processes took meanwhile is printed: ours needs both
CPUs of a two-CPU machine at once, LibreOffice one, so a busy machine slows ours more.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "documents"))

from intranet.documents import layout, pdf, pdf_pool  # noqa: E402

import pdf_samples  # noqa: E402

SEED = Path("/work/shared/seeds/001_30071f2dc9fda4f3.txt")


def load_context(seed: Path) -> tuple[dict, str]:
    """The plan.html context of seed 001 and where it came from."""
    try:
        from intranet.imports.parser import parse_plan
    except ImportError:
        parse_plan = None
    if parse_plan is None or not seed.exists():
        return pdf_samples.plan_context(), "tests/documents/pdf_samples.py"
    plan = parse_plan(seed.read_text(encoding="utf-8"))
    rows = []
    for assignment in plan.get("assignments") or []:
        for task in assignment.get("tasks") or []:
            rows.append({"stt": len(rows) + 1, "text": task["text"], "lead": assignment["heading"],
                         "coordinating": "", "deadline": (task.get("deadline") or {}).get("text", "")})
    return {"plan": plan, "appendix_rows": rows, "qr_png": None}, f"parse_plan({seed.name})"


def warm_ours(context: dict) -> bool:
    """First render (fonts, CSS, templates; starts the PDF helper), then wait for the helper as a
    web worker has it after its first PDF, and render once more so the helper has printed this
    plan's Phụ lục too (LibreOffice's first, untimed conversion warms it the same way).
    Whether the helper is in use."""
    pdf.render_pdf("pdf/plan.html", context)
    deadline = time.monotonic() + 60
    while pdf_pool.helper_wanted() and not pdf.helper_ready() and time.monotonic() < deadline:
        time.sleep(0.1)
    pdf.render_pdf("pdf/plan.html", context)
    return pdf.helper_ready()


def time_ours(context: dict) -> tuple[float, int]:
    start = time.perf_counter()
    data = pdf.render_pdf("pdf/plan.html", context)
    return time.perf_counter() - start, pdf.pdf_page_count(data)


def build_docx(context: dict, path: Path) -> None:
    """The same plan as a Word document laid out like ours (A4, margins, TNR 14, header and footer tables)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT  # noqa: F401  (portrait is the default)
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Mm, Pt

    plan = context["plan"]
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)

    def para(text, *, bold=False, italic=False, size=14, align=None, indent=True, container=document):
        paragraph = container.add_paragraph()
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        fmt = paragraph.paragraph_format
        fmt.space_after, fmt.line_spacing = Pt(6), 1.15
        fmt.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent and align is None:
            fmt.first_line_indent = Cm(1)
        return paragraph

    header = layout.header_view(plan)
    grid = document.add_table(rows=2, cols=2)
    left, right = grid.rows[0].cells
    for issuer in header["issuers"]:
        if issuer["parent"]:
            para(issuer["parent"], size=13, align=WD_ALIGN_PARAGRAPH.CENTER, container=left)
        para("\n".join(issuer["lines"]), bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, container=left)
    para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, container=right)
    para("Độc lập - Tự do - Hạnh phúc", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, container=right)
    para(header["number_line"], size=13, align=WD_ALIGN_PARAGRAPH.CENTER, container=grid.rows[1].cells[0])
    para(header["place_date"], italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, container=grid.rows[1].cells[1])

    para(plan.get("doc_type") or "KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(plan.get("title") or "", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in plan.get("legal_basis") or []:
        para(line, italic=True)
    for line in plan.get("intro") or []:
        para(line)
    for item in layout.body_items(plan.get("sections"), plan.get("closing")):
        para(item["text"], bold=item["kind"] in ("section", "heading"))

    footer = document.add_table(rows=1, cols=2)
    recipients, signature = footer.rows[0].cells
    para("Nơi nhận:", bold=True, italic=True, size=12, align=WD_ALIGN_PARAGRAPH.LEFT, container=recipients)
    for line in layout.recipient_lines(plan.get("recipients")):
        para(line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT, container=recipients)
    for signer in plan.get("signers") or []:
        for line in signer["lines"]:
            para(line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, container=signature)
        para("\n\n\n\n", align=WD_ALIGN_PARAGRAPH.CENTER, container=signature)
        para(layout.signer_name(signer), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, container=signature)

    rows = context.get("appendix_rows") or []
    if rows:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        para("Phụ lục", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        para("BẢNG PHÂN CÔNG NHIỆM VỤ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        para(layout.appendix_reference(plan), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        table = document.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        table.autofit = False
        # The column widths of pdf.css: without them LibreOffice splits the width evenly, the task
        # column is a third as wide and the document runs to 44 pages instead of 27 (ours: 25).
        widths = [Mm(165 * share) for share in (0.06, 0.50, 0.16, 0.16, 0.12)]
        for column, width in zip(table.columns, widths):
            column.width = width
        for cell, width, title in zip(table.rows[0].cells, widths,
                                      ("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn")):
            cell.width = width
            para(title, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, container=cell)
        for row in rows:
            cells = table.add_row().cells
            for cell, width, value in zip(cells, widths, (row["stt"], row["text"], row["lead"],
                                                          row["coordinating"], row["deadline"])):
                cell.width = width
                para(str(value or ""), size=12, align=WD_ALIGN_PARAGRAPH.LEFT, container=cell)
    document.save(str(path))


def libreoffice_command(docx: Path) -> list[str]:
    """soffice converting `docx` to PDF beside it, with its own profile (created by a first run)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice is missing: apt-get install libreoffice-writer-nogui")
    profile = docx.parent / "lo-profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)]
    subprocess.run(command, check=True, capture_output=True)  # first start creates the profile
    return command


def time_libreoffice(command: list[str], docx: Path) -> tuple[float, int]:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start, pdf.pdf_page_count(docx.with_suffix(".pdf").read_bytes())


class OtherLoad:
    """CPU time the machine spent on processes other than this one, its PDF helper and soffice."""

    def __init__(self) -> None:
        self.start = self._busy() - self._ours()
        self.wall = time.monotonic()

    def report(self) -> str:
        others = max(0.0, self._busy() - self._ours() - self.start)
        wall = time.monotonic() - self.wall
        share = others / (wall * (os.cpu_count() or 1))
        return f"other processes used {others:.1f} CPU-s in these {wall:.0f} s ({share:.0%} of the machine)"

    @staticmethod
    def _busy() -> float:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle, iowait

    @staticmethod
    def _ours() -> float:
        times = os.times()
        total = times.user + times.system + times.children_user + times.children_system
        helper = pdf_pool._helper
        if helper is not None:
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{helper.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lo-runs", type=int, default=3)
    args = parser.parse_args()

    context, source = load_context(args.seed)
    helper = warm_ours(context)
    ours, theirs = [], []
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        docx = Path(tmp) / "plan.docx"
        build_docx(context, docx)
        command = libreoffice_command(docx)
        load = OtherLoad()
        for run in range(max(args.runs, args.lo_runs)):
            if run < args.runs:
                seconds, our_pages = time_ours(context)
                ours.append(seconds)
            if run < args.lo_runs:
                seconds, lo_pages = time_libreoffice(command, docx)
                theirs.append(seconds)
        machine = load.report()

    ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    print(f"plan: {source}, {len(context.get('appendix_rows') or [])} appendix rows")
    how = "main text here, Phụ lục in the helper process" if helper else "one process (no helper)"
    print(f"ours (WeasyPrint, warm process): p50 {ours_ms:.0f} ms over {args.runs} runs, {our_pages} pages"
          f"  [{', '.join(f'{t * 1000:.0f}' for t in ours)}]  {how}")
    print(f"LibreOffice (docx -> pdf):       p50 {theirs_ms:.0f} ms over {args.lo_runs} runs, {lo_pages} pages"
          f"  [{', '.join(f'{t * 1000:.0f}' for t in theirs)}]")
    print(f"ours / LibreOffice: {ours_ms / theirs_ms:.2f}  ({machine})")


if __name__ == "__main__":
    main()
