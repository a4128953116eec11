"""Official documents as PDF, and the same HTML for preview: the one module that imports WeasyPrint."""
from __future__ import annotations

import contextlib
import gc
import io
import logging
import mimetypes
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
from flask import current_app, has_app_context
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .. import formatting
from . import layout, pdf_join, pdf_pool, pdf_warm_up

log = logging.getLogger(__name__)

REPO_DIR = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = REPO_DIR / "templates"
STATIC_DIR = REPO_DIR / "static"
PDF_CSS = STATIC_DIR / "css" / "pdf.css"
FONTS_DIR = STATIC_DIR / "fonts"
FONT_ENV = "INTRANET_TNR_FONT"
PX_TO_PT = 0.75  # CSS px are 1/96 in, PDF points 1/72 in

# (weight, style) -> Liberation Serif file: same metrics as Times New Roman, all Vietnamese glyphs.
_LIBERATION = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
# Names of the Times New Roman faces as Windows ships them, found beside a configured times.ttf.
_TNR_SIBLINGS = {
    ("bold", "normal"): ("timesbd.ttf", "Times New Roman Bold.ttf"),
    ("normal", "italic"): ("timesi.ttf", "Times New Roman Italic.ttf"),
    ("bold", "italic"): ("timesbi.ttf", "Times New Roman Bold Italic.ttf"),
}


class ResourceRefused(ValueError):
    """A print template asked for something other than a file under static/ or a data: URI."""


@dataclass(frozen=True)
class SignatureBox:
    """Where a signer's signing space (ô 7c) lies: PDF points, origin bottom-left."""

    page_index: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        """The rectangle as pyHanko's SigFieldSpec wants it."""
        return (self.x1, self.y1, self.x2, self.y2)


class StaticOnlyFetcher(URLFetcher):
    """Serve files under static/ (and a configured font) and data: URIs; refuse anything else."""

    def __init__(self, extra_files=()):
        super().__init__(fail_on_errors=True)
        self._static = STATIC_DIR.resolve()
        self._extra = frozenset(Path(p).resolve() for p in extra_files)

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            parts = urlsplit(url)
            path = Path(url2pathname(parts.path)).resolve()
            allowed = path.is_relative_to(self._static) or path in self._extra
            if parts.netloc in ("", "localhost") and allowed and path.is_file():
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        raise ResourceRefused(
            f"Tài nguyên bị từ chối khi in PDF (chỉ cho phép tệp trong static/ và data:): {url}")


@dataclass
class _Styles:
    font_config: FontConfiguration
    stylesheets: list
    fetcher: StaticOnlyFetcher


# Templates whose appendix starts on its own page and numbers its pages on its own, by context key:
# the main part and the appendix are printed at the same time (pdf_pool) and joined.
_SPLIT_AT_APPENDIX = {"pdf/plan.html": "appendix_rows"}

_env: jinja2.Environment | None = None
_styles_cache: dict[tuple, _Styles] = {}
# Pango and fontconfig are not safe to drive from several threads at once.
_lock = threading.RLock()


def default_jinja_env() -> jinja2.Environment:
    """The Jinja environment used outside Flask: templates/, autoescape, the Vietnamese filters."""
    global _env
    if _env is None:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters.update(
            vn_date_long=formatting.vn_date_long,
            vn_date=formatting.vn_date,
            vn_number=formatting.vn_number,
            vn_money=formatting.vn_money,
        )
        _env = env
    return _env


def render_html(template: str, context: dict, *, jinja_env: jinja2.Environment | None = None) -> str:
    """Render a print template (templates/pdf/...) to HTML, for the PDF or an in-app preview.

    Pass `stylesheet_href` in the context for a browser preview; the PDF gets its CSS directly.
    """
    env = jinja_env or default_jinja_env()
    return env.get_template(template).render({**context, "layout": layout})


def render_pdf(
    template: str,
    context: dict,
    *,
    jinja_env: jinja2.Environment | None = None,
    font_path: str | None = None,
) -> bytes:
    """Render a print template to PDF bytes."""
    return _render(template, context, jinja_env, font_path, with_boxes=False)[0]


def render_pdf_with_boxes(
    template: str,
    context: dict,
    *,
    jinja_env: jinja2.Environment | None = None,
    font_path: str | None = None,
) -> tuple[bytes, list[SignatureBox]]:
    """Render to PDF and return where each signer's signing space (`#sig-box-N`) landed, in order."""
    return _render(template, context, jinja_env, font_path, with_boxes=True)


def helper_ready() -> bool:
    """Start this process's PDF helper if there is none yet; whether it is warm and will be used."""
    return pdf_pool.ready_helper(_warm_up) is not None


def pdf_page_count(data: bytes) -> int:
    """Number of pages of a PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    return int(PdfFileReader(io.BytesIO(data), strict=False).root["/Pages"]["/Count"])


def _render(template, context, jinja_env, font_path, *, with_boxes):
    context = {key: value for key, value in context.items() if key != "stylesheet_href"}
    faces = _font_faces(font_path)  # resolved here: a helper process has no app to ask
    splits = _splits(template, context)
    helper = pdf_pool.ready_helper(_warm_up, start=False) if splits else None
    if helper is None:
        result = _pdf_from_html(render_html(template, context, jinja_env=jinja_env), faces, with_boxes)
        if splits:
            pdf_pool.start_helper(_warm_up)  # now, not before: it would compete with this render
        return result

    def job(part):
        html = render_html(template, {**context, "pdf_part": part}, jinja_env=jinja_env)
        return html, faces, with_boxes and part == "main"

    joined = pdf_join.PdfJoin()

    def while_waiting(main):
        gc.collect(0)  # the main part's boxes are cyclic garbage: free them now, not on the clock
        joined.add_first(main[0])

    # The collector stays paused until the PDF is joined: a collection of the whole heap in there
    # (~150 ms in a web worker) would be on the clock.
    with _cycle_collector_paused():
        # The helper starts on the Phụ lục at once; the main part's HTML is rendered here meanwhile.
        main, appendix = pdf_pool.run_parts(
            _pdf_from_html, [lambda: job("main"), job("appendix")], helper, while_waiting=while_waiting)
        # Signature blocks are in the main part, which comes first: its page indexes hold.
        rest = [appendix[0]] if joined.started else [main[0], appendix[0]]
        return joined.finish(rest), main[1]


def _splits(template: str, context: dict) -> bool:
    """Whether the template prints its main part and its appendix apart, and this one has an appendix."""
    key = _SPLIT_AT_APPENDIX.get(template)
    return bool(key and context.get(key))


def _pdf_from_html(html: str, faces: dict, with_boxes: bool) -> tuple[bytes, list[SignatureBox]]:
    """WeasyPrint: HTML to PDF bytes, and the signature boxes when asked (also run in the helper)."""
    with _lock, _cycle_collector_paused():
        styles = _styles(faces)
        try:
            document = HTML(
                string=html, base_url=REPO_DIR.as_uri() + "/", url_fetcher=styles.fetcher
            ).render(font_config=styles.font_config, stylesheets=styles.stylesheets)
            data = document.write_pdf()
        except FatalURLFetchingError as exc:
            if isinstance(exc.__cause__, ResourceRefused):
                raise exc.__cause__ from None
            raise
        boxes = _signature_boxes(document) if with_boxes else []
    return data, boxes


@contextlib.contextmanager
def _cycle_collector_paused():
    """Run without Python's cycle collector, which otherwise walks WeasyPrint's hundreds of
    thousands of young boxes (and the whole app) over and over: about a fifth of the render.
    Reference counting still frees most of it; the cycles go at the next collection."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _warm_up() -> None:
    """Load WeasyPrint, the fonts and the stylesheet in a new helper process, and print a short
    plan through the same code as a real one (pdf_warm_up), so its first real part is not slower."""
    html = render_html("pdf/plan.html", pdf_warm_up.warm_up_context())
    _pdf_from_html(html, _font_faces(None), False)


def _signature_boxes(document) -> list[SignatureBox]:
    found: dict[int, SignatureBox] = {}
    for page_index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            box_id = element.get("id", "") if element is not None else ""
            if not box_id.startswith("sig-box-") or not hasattr(box, "border_height"):
                continue
            index = int(box_id.removeprefix("sig-box-"))
            if index in found:
                continue
            top = box.border_box_y()
            bottom = top + box.border_height()
            left = box.border_box_x()
            found[index] = SignatureBox(
                page_index=page_index,
                x1=round(left * PX_TO_PT, 2),
                y1=round((page.height - bottom) * PX_TO_PT, 2),
                x2=round((left + box.border_width()) * PX_TO_PT, 2),
                y2=round((page.height - top) * PX_TO_PT, 2),
            )
    return [found[i] for i in sorted(found)]


def _styles(faces: dict[tuple[str, str], Path]) -> _Styles:
    key = (tuple(sorted(faces.items())), PDF_CSS.stat().st_mtime_ns)
    styles = _styles_cache.get(key)
    if styles is None:
        font_config = FontConfiguration()
        extra = [path for path in faces.values() if not path.is_relative_to(STATIC_DIR.resolve())]
        fetcher = StaticOnlyFetcher(extra_files=extra)
        stylesheets = [
            CSS(string=_font_face_css(faces), font_config=font_config, url_fetcher=fetcher),
            CSS(filename=str(PDF_CSS), font_config=font_config, url_fetcher=fetcher),
        ]
        styles = _Styles(font_config, stylesheets, fetcher)
        if len(_styles_cache) >= 4:  # an edited pdf.css during development; keep memory bounded
            _styles_cache.clear()
        _styles_cache[key] = styles
    return styles


def _font_faces(font_path: str | None) -> dict[tuple[str, str], Path]:
    """The four faces of the body font: a configured Times New Roman where present, else Liberation Serif."""
    faces = {variant: (FONTS_DIR / name).resolve() for variant, name in _LIBERATION.items()}
    configured = font_path or _configured_font()
    if not configured:
        return faces
    regular = Path(configured)
    if regular.is_dir():
        regular = regular / "times.ttf"
    if not regular.is_file():
        if font_path:
            raise FileNotFoundError(f"Không tìm thấy phông Times New Roman: {configured}")
        log.warning("%s=%s is not a font file; printing with Liberation Serif", FONT_ENV, configured)
        return faces
    faces[("normal", "normal")] = regular.resolve()
    for variant, names in _TNR_SIBLINGS.items():
        for name in names:
            sibling = _find_sibling(regular.parent, name)
            if sibling:
                faces[variant] = sibling.resolve()
                break
    return faces


def _configured_font() -> str | None:
    """TNR_FONT of the running app (set from INTRANET_TNR_FONT), else the variable itself."""
    if has_app_context():
        return current_app.config.get("TNR_FONT") or None
    return os.environ.get(FONT_ENV) or None


def _find_sibling(folder: Path, name: str) -> Path | None:
    for candidate in folder.iterdir():
        if candidate.name.lower() == name.lower() and candidate.is_file():
            return candidate
    return None


def _font_face_css(faces: dict[tuple[str, str], Path]) -> str:
    # The PDF names a font after its CSS family: call Liberation Serif by its own name.
    regular = faces[("normal", "normal")]
    family = "Liberation Serif" if regular.is_relative_to(FONTS_DIR.resolve()) else "Times New Roman"
    rules = []
    for (weight, style), path in sorted(faces.items()):
        rules.append(
            f'@font-face {{ font-family: "{family}"; '
            f'src: url("{path.as_uri()}"); font-weight: {weight}; font-style: {style}; }}'
        )
    return "\n".join(rules)
