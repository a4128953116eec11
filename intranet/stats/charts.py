"""Charts as SVG strings built in pure Python: the same markup goes into pages and PDFs.

Every text is escaped; labels too long for their column are shortened with '…' and keep the full
text in a <title> (a tooltip on screen). No script, no external resource, fixed font sizes.
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
# Badge colours of app.css, so a chart reads like the badges beside it.
COLOURS = {
    "info": "#0b6e99", "warning": "#c27c0e", "success": "#1e7a3c", "danger": "#b42318",
    "primary": "#0b4f8a", "purple": "#6b3fa0", "dark": "#2b2f36", "secondary": "#7b8794",
    "light": "#c9d1db",
}
CHAR_WIDTH = 0.56  # average advance of a sans-serif glyph, in font sizes
ROW, BAR, FONT_SIZE = 26, 16, 12


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value and colour (a name of COLOURS or a #hex)."""

    label: str
    value: float
    colour: str = "primary"
    text: str | None = None  # shown after the bar instead of the value


@dataclass(frozen=True)
class Series:
    """One segment kind of a stacked bar."""

    label: str
    colour: str


def _attr(text) -> str:
    return escape(str(text), {'"': "&quot;"})


def _colour(name: str) -> str:
    return COLOURS.get(name, name if name.startswith("#") else COLOURS["secondary"])


def _fit(text: str, width: float, size: int = FONT_SIZE) -> str:
    """Shorten `text` with '…' so that it fits in `width` pixels."""
    room = max(int(width / (size * CHAR_WIDTH)), 4)
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(title)}" '
            f'font-family="{FONT}" font-size="{FONT_SIZE}">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def _label(x: float, y: float, text: str, width: float, anchor: str = "end") -> str:
    short = _fit(text, width)
    tip = f"<title>{escape(text)}</title>" if short != text else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" dominant-baseline="central" '
            f'fill="#1d2733">{tip}{escape(short)}</text>')


def _empty(width: int, title: str) -> str:
    return _svg(width, 40, title, [
        f'<text x="{width / 2:.0f}" y="20" text-anchor="middle" dominant-baseline="central" '
        f'fill="#5b6878" font-style="italic">Chưa có số liệu</text>'])


def bar_chart(bars: list[Bar], *, title: str, width: int = 640, label_share: float = 0.42,
              maximum: float | None = None) -> str:
    """A horizontal bar chart: one labelled bar per item, its value after the bar."""
    top = 8
    if not bars:
        return _empty(width, title)
    label_width = width * label_share
    value_room = 64
    plot = width - label_width - value_room - 8
    peak = maximum or max((b.value for b in bars), default=0) or 1
    body = []
    for i, bar in enumerate(bars):
        y = top + i * ROW
        length = plot * max(bar.value, 0) / peak
        body.append(_label(label_width, y + ROW / 2, bar.label, label_width - 10))
        body.append(f'<rect x="{label_width + 4:.1f}" y="{y + (ROW - BAR) / 2:.1f}" '
                    f'width="{length:.1f}" height="{BAR}" rx="2" fill="{_colour(bar.colour)}">'
                    f"<title>{escape(bar.label)}: {escape(bar.text or _number(bar.value))}</title></rect>")
        body.append(f'<text x="{label_width + 8 + length:.1f}" y="{y + ROW / 2:.1f}" '
                    f'dominant-baseline="central" fill="#1d2733" font-weight="bold">'
                    f"{escape(bar.text or _number(bar.value))}</text>")
    body.append(f'<line x1="{label_width + 4:.1f}" y1="{top - 2}" x2="{label_width + 4:.1f}" '
                f'y2="{top + len(bars) * ROW + 2}" stroke="#8a96a3" stroke-width="1"/>')
    return _svg(width, top * 2 + len(bars) * ROW, title, body)


def _legend(series: list[Series], width: int, top: int) -> tuple[list[str], int]:
    """Swatches and names, wrapped onto as many lines as needed; return markup and height."""
    body, x, y = [], 0.0, float(top)
    for s in series:
        room = 14 + 6 + len(s.label) * FONT_SIZE * CHAR_WIDTH + 18
        if x and x + room > width:
            x, y = 0.0, y + 20
        body.append(f'<rect x="{x:.1f}" y="{y + 3:.1f}" width="12" height="12" rx="2" '
                    f'fill="{_colour(s.colour)}"/>')
        body.append(f'<text x="{x + 18:.1f}" y="{y + 9:.1f}" dominant-baseline="central" '
                    f'fill="#1d2733">{escape(s.label)}</text>')
        x += room
    return body, int(y - top + 22)


def stacked_bar_chart(rows: list[tuple[str, list[float]]], series: list[Series], *, title: str,
                      width: int = 640, label_share: float = 0.34) -> str:
    """Horizontal stacked bars: one row per label, one segment per series, the total after the bar."""
    rows = [(label, values) for label, values in rows if sum(values) > 0]
    if not rows:
        return _empty(width, title)
    body, legend_height = _legend(series, width, 4)
    top = legend_height + 10
    label_width = width * label_share
    plot = width - label_width - 48
    peak = max(sum(values) for _, values in rows) or 1
    for i, (label, values) in enumerate(rows):
        y = top + i * ROW
        body.append(_label(label_width, y + ROW / 2, label, label_width - 10))
        x = label_width + 4
        for s, value in zip(series, values):
            if value <= 0:
                continue
            length = plot * value / peak
            body.append(f'<rect x="{x:.1f}" y="{y + (ROW - BAR) / 2:.1f}" width="{length:.1f}" '
                        f'height="{BAR}" fill="{_colour(s.colour)}"><title>{escape(label)} – '
                        f"{escape(s.label)}: {_number(value)}</title></rect>")
            if length >= len(_number(value)) * FONT_SIZE * CHAR_WIDTH + 6:
                body.append(f'<text x="{x + length / 2:.1f}" y="{y + ROW / 2:.1f}" text-anchor="middle" '
                            f'dominant-baseline="central" fill="#fff" font-size="11">'
                            f"{_number(value)}</text>")
            x += length
        body.append(f'<text x="{x + 4:.1f}" y="{y + ROW / 2:.1f}" dominant-baseline="central" '
                    f'fill="#1d2733" font-weight="bold">{_number(sum(values))}</text>')
    body.append(f'<line x1="{label_width + 4:.1f}" y1="{top - 2}" x2="{label_width + 4:.1f}" '
                f'y2="{top + len(rows) * ROW + 2}" stroke="#8a96a3" stroke-width="1"/>')
    return _svg(width, top + len(rows) * ROW + 8, title, body)


@dataclass(frozen=True)
class TargetBar:
    """A target's result against its milestone: values in the milestone's unit (a percentage or a count)."""

    label: str
    value: float | None
    milestone: float | None
    percent: bool
    verdict: str
    text: str


VERDICT_COLOURS = {"Đạt": "success", "Không đạt": "danger"}


def target_chart(bars: list[TargetBar], *, title: str, width: int = 640, label_share: float = 0.22) -> str:
    """One bar per target, its own scale (0–100% for percentages), a dark mark at the milestone."""
    if not bars:
        return _empty(width, title)
    legend, legend_height = _legend([Series("Đạt", "success"), Series("Không đạt", "danger"),
                                     Series("Chưa đánh giá được", "secondary"), Series("Mốc", "dark")],
                                    width, 4)
    top = legend_height + 10
    label_width = width * label_share
    plot = (width - label_width) * 0.55
    text_x = label_width + 8 + plot + 8
    body = legend
    for i, bar in enumerate(bars):
        y = top + i * ROW
        body.append(_label(label_width, y + ROW / 2, bar.label, label_width - 10))
        peak = 100.0 if bar.percent else max(bar.value or 0, bar.milestone or 0) * 1.25 or 1
        x0 = label_width + 4
        body.append(f'<rect x="{x0:.1f}" y="{y + (ROW - BAR) / 2:.1f}" width="{plot:.1f}" height="{BAR}" '
                    f'fill="#eef1f5"/>')
        if bar.value is not None:
            length = plot * min(max(bar.value, 0), peak) / peak
            colour = VERDICT_COLOURS.get(bar.verdict, "secondary")
            body.append(f'<rect x="{x0:.1f}" y="{y + (ROW - BAR) / 2:.1f}" width="{length:.1f}" '
                        f'height="{BAR}" fill="{_colour(colour)}"><title>{escape(bar.label)}: '
                        f"{escape(bar.text)}</title></rect>")
        if bar.milestone is not None:
            mx = x0 + plot * min(bar.milestone, peak) / peak
            body.append(f'<rect x="{mx - 1.5:.1f}" y="{y + 2:.1f}" width="3" height="{ROW - 4}" '
                        f'fill="{_colour("dark")}"/>')
        body.append(_label(text_x, y + ROW / 2, bar.text, width - text_x, anchor="start"))
    body.append(f'<line x1="{label_width + 4:.1f}" y1="{top - 2}" x2="{label_width + 4:.1f}" '
                f'y2="{top + len(bars) * ROW + 2}" stroke="#8a96a3" stroke-width="1"/>')
    return _svg(width, top + len(bars) * ROW + 8, title, body)
