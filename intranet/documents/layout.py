"""Pure helpers that turn a plan or report dict into what the print templates show."""
from __future__ import annotations

import base64
import io
import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from ..formatting import vn_date_long

FONTS_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"
# Text area of an A4 page with 30 mm and 15 mm side margins, in points.
TEXT_WIDTH_PT = (210 - 30 - 15) / 25.4 * 72

# Blank space left for a number or a date the văn thư writes in after signing.
BLANK = "\u00a0" * 8
END_MARK = "./."

# Words that start the place part of an organisation name ("... TỈNH QUẢNG NINH").
_ADMIN_UNITS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "ĐẶC KHU", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")
# Place names written with a capital even after the unit noun (Phụ lục II).
_CAPITAL_UNITS = {"THÀNH PHỐ HỒ CHÍ MINH": "Thành phố Hồ Chí Minh", "THỦ ĐÔ HÀ NỘI": "Thủ đô Hà Nội"}
# Phrases whose capitalisation cannot be derived by rule.
_FIXED_PHRASES = {
    "TỈNH ĐOÀN": "Tỉnh đoàn",
    "THÀNH ĐOÀN": "Thành đoàn",
    "BAN THƯỜNG VỤ": "Ban Thường vụ",
    "BAN CHẤP HÀNH": "Ban Chấp hành",
    "BAN GIÁM ĐỐC": "Ban Giám đốc",
    "MẶT TRẬN TỔ QUỐC VIỆT NAM": "Mặt trận Tổ quốc Việt Nam",
    "MẶT TRẬN TỔ QUỐC": "Mặt trận Tổ quốc",
    "HỒ CHÍ MINH": "Hồ Chí Minh",
    "VIỆT NAM": "Việt Nam",
    "ĐOÀN TNCS": "Đoàn TNCS",
}
_YOUTH_UNIONS = {"Tỉnh đoàn", "Thành đoàn"}
# Head words after which each part of the function is capitalised ("Sở Giáo dục và Đào tạo").
_FUNCTION_HEADS = {"SỞ", "BỘ", "BAN", "CỤC", "VỤ", "PHÒNG", "TRUNG TÂM", "VIỆN", "HỘI", "CHI CỤC"}


def as_date(value) -> date | None:
    """Accept a date, a datetime or an ISO string ('2024-04-25'); None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def with_defaults(doc: dict, **defaults) -> dict:
    """A copy of `doc` where empty keys take the given defaults (e.g. doc_type="KẾ HOẠCH")."""
    merged = dict(doc)
    for key, value in defaults.items():
        if not merged.get(key):
            merged[key] = value
    return merged


def doc_number(number) -> str | None:
    """Pad numbers below 10 with a leading zero (Nghị định 30: 'Số: 05/...')."""
    if number is None or str(number).strip() == "":
        return None
    text = str(number).strip()
    return f"{int(text):02d}" if text.isdigit() else text


def number_line(doc: dict) -> str:
    """'Số: 112/KH-UBND', or 'Số:' with a blank before the symbol when there is no number yet."""
    number = doc_number(doc.get("number"))
    symbol = doc.get("symbol") or ""
    if number is None:
        return f"Số:{BLANK}/{symbol}"
    return f"Số: {number}/{symbol}" if symbol else f"Số: {number}"


def date_words(issued_on) -> str:
    """'ngày 25 tháng 4 năm 2024', or the same words with blanks before issue."""
    day = as_date(issued_on)
    if day is None:
        return f"ngày{BLANK}tháng{BLANK}năm{BLANK}"
    return vn_date_long(day)


def place_date(doc: dict) -> str:
    """'Quảng Ninh, ngày 25 tháng 4 năm 2024' (ô 4)."""
    place = (doc.get("place") or "").strip()
    words = date_words(doc.get("issued_on"))
    return f"{place}, {words}" if place else words[0].upper() + words[1:]


def issuer_blocks(doc: dict) -> list[dict]:
    """The issuing bodies as printed in ô 2; plans without issuer_blocks fall back to issuers."""
    blocks = doc.get("issuer_blocks")
    if blocks:
        return [{"parent": b.get("parent"), "lines": list(b.get("lines") or [])} for b in blocks]
    return [{"parent": None, "lines": [name]} for name in doc.get("issuers") or []]


def header_view(doc: dict) -> dict:
    """Everything the header grid prints."""
    return {
        "issuers": issuer_blocks(doc),
        "number_line": number_line(doc),
        "place_date": place_date(doc),
    }


def sentence_case(text: str) -> str:
    """'KẾ HOẠCH PHỐI HỢP' -> 'Kế hoạch phối hợp'."""
    text = text.strip().lower()
    return text[:1].upper() + text[1:]


def org_name(upper: str) -> str:
    """Write an upper-case organisation name as running text (Phụ lục II).

    'ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH' -> 'Ủy ban nhân dân tỉnh Quảng Ninh',
    'SỞ GIÁO DỤC VÀ ĐÀO TẠO' -> 'Sở Giáo dục và Đào tạo'. A best effort: callers that know
    the exact name pass it instead (`issuer_name`).
    """
    text = " ".join(upper.split()).upper()
    for phrase, written in _CAPITAL_UNITS.items():
        if text.endswith(phrase):
            head = text[: -len(phrase)].strip()
            return f"{org_name(head)} {written}".strip() if head else written
    match = _PLACE_RE.search(text)
    if not match:
        return _function_case(text)
    place = _UNIT_RE.sub(lambda m: m.group(0).lower(), match.group(0).title().upper())
    place = " ".join(w if w.islower() else w.title() for w in _split_units(place))
    return f"{_function_case(text[: match.start()].strip())} {place}".strip()


_UNITS_ALT = "|".join(_ADMIN_UNITS)
_PLACE_RE = re.compile(rf"(?<=\s)(?:{_UNITS_ALT})\s+(?!ĐOÀN\b|HỘI\b)\S.*$")
_UNIT_RE = re.compile(rf"\b(?:{_UNITS_ALT})\b")


def _split_units(place: str) -> list[str]:
    # Keep a lower-cased unit noun ("thành phố") as one item so it is not title-cased again.
    parts = re.split(r"((?:" + "|".join(u.lower() for u in _ADMIN_UNITS) + r")\b)", place)
    return [p.strip() for p in parts if p.strip()]


def _function_case(text: str) -> str:
    words = text.split()
    if " ".join(words[:2]) in _FUNCTION_HEADS:
        head = 2
    elif words and words[0] in _FUNCTION_HEADS:
        head = 1
    else:
        head = 0
    out: list[str] = []
    capitalise, i = True, 0
    while i < len(words):
        fixed = _fixed_phrase(words, i)
        if fixed:
            out.append(fixed[0])
            i += fixed[1]
            if fixed[0] in _YOUTH_UNIONS:
                # "Tỉnh đoàn Bến Tre": what follows is the place name.
                out.extend(w.title() for w in words[i:])
                break
            capitalise = False
            continue
        word = words[i]
        out.append(word.title() if capitalise else word.lower())
        i += 1
        capitalise = i == head or bool(head and (word in ("VÀ", "-") or word.endswith(",")))
    return " ".join(out)


def _fixed_phrase(words: list[str], i: int) -> tuple[str, int] | None:
    for phrase, written in _FIXED_PHRASES.items():
        size = len(phrase.split())
        if words[i : i + size] == phrase.split():
            return written, size
    return None


def issuer_names(doc: dict) -> str:
    """The issuing bodies as running text, joined with 'và'."""
    if doc.get("issuer_name"):
        return doc["issuer_name"]
    names = [org_name(" ".join(block["lines"])) for block in issuer_blocks(doc)]
    return " và ".join(n for n in names if n)


def appendix_reference(doc: dict) -> str:
    """'(Kèm theo Kế hoạch số 112/KH-UBND ngày 25 tháng 4 năm 2024 của Ủy ban nhân dân tỉnh Quảng Ninh)'."""
    kind = sentence_case(doc.get("doc_type") or "Văn bản")
    number = doc_number(doc.get("number"))
    symbol = doc.get("symbol") or ""
    ref = f"{number}/{symbol}" if number else f"{BLANK}/{symbol}"
    of = issuer_names(doc)
    tail = f" của {of}" if of else ""
    return f"(Kèm theo {kind} số {ref} {date_words(doc.get('issued_on'))}{tail})"


def _item_text(block: dict) -> tuple[str, str]:
    kind = block.get("type") or "paragraph"
    text = (block.get("text") or "").strip()
    number = (block.get("number") or "").strip()
    if kind == "heading":
        return "heading", f"{number}. {text}" if number and not text.startswith(number) else text
    if kind == "numbered":  # a khoản without a title: upright, like a paragraph
        return "numbered", f"{number}. {text}" if number and not text.startswith(number) else text
    if kind == "point":
        return "point", f"{number}) {text}" if number and not text.startswith(number) else text
    if kind == "bullet":
        return "bullet", text if text.startswith("-") else f"- {text}"
    if kind == "subbullet":
        return "subbullet", text if text.startswith("+") else f"+ {text}"
    return "paragraph", text


def section_heading(section: dict) -> str:
    """'I. MỤC ĐÍCH, YÊU CẦU' from a section dict."""
    if section.get("heading"):
        return section["heading"].strip()
    number, title = section.get("number"), section.get("title") or ""
    return f"{number}. {title}".strip() if number else title.strip()


def body_items(sections, closing=(), *, end_mark: bool = True) -> list[dict]:
    """Flatten sections and closing paragraphs into printable items; the last one ends with './.'."""
    items: list[dict] = []
    for index, section in enumerate(sections or []):
        items.append({"kind": "section", "text": section_heading(section), "section": index})
        for block in section.get("blocks") or []:
            kind, text = _item_text(block)
            if text:
                items.append({"kind": kind, "text": text, "section": index})
    for text in closing or []:
        if text and text.strip():
            items.append({"kind": "paragraph", "text": text.strip(), "section": None})
    if end_mark and items:
        last = items[-1]
        last["text"] = with_end_mark(last["text"])
    return items


def with_end_mark(text: str) -> str:
    """End the last paragraph of a body with './.' (every specimen of Phụ lục III does)."""
    text = text.rstrip()
    if text.endswith(END_MARK):
        return text
    return text.rstrip(".") + END_MARK


# Document codes and dates ("32-CT/TU", "1105/TTr-CAT-CSMT", "02/02/2024") must not break at "/" or "-".
_CODE_RE = re.compile(r"[^\s/-]+(?:[/-][^\s/-]+)+")


def keep_codes(text: str) -> Markup:
    """Escape text for HTML, keeping document codes and dates on one line."""
    parts, last = [], 0
    for match in _CODE_RE.finditer(text or ""):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<span class="nobr">%s</span>') % match.group(0))
        last = match.end()
    parts.append(escape((text or "")[last:]))
    return Markup("").join(parts)


def recipient_lines(recipients, *, first: str | None = None) -> list[str]:
    """'- Văn phòng Chính phủ;' ... '- Lưu: VT, NC1.' (ô 9b); `first` ('Như trên') leads when given."""
    cleaned = [_strip_item(r) for r in recipients or []]
    cleaned = [r for r in cleaned if r]
    if first and (not cleaned or cleaned[0] != first):
        cleaned.insert(0, first)
    if not cleaned:
        return []
    return [f"- {r};" for r in cleaned[:-1]] + [f"- {cleaned[-1]}."]


def kinh_gui(recipients_to) -> dict | None:
    """Kính gửi (ô 9a): one recipient on the line itself, several as '- ...;' lines ending with '.'."""
    names = [_strip_item(r) for r in recipients_to or []]
    names = [n for n in names if n]
    if not names:
        return None
    if len(names) == 1:
        return {"single": names[0], "lines": []}
    return {"single": None, "lines": [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]}


def _strip_item(text: str) -> str:
    text = " ".join(str(text).split())
    if text.startswith("-"):
        text = text[1:].strip()
    return text.rstrip(";.").strip()


def signer_name(signer: dict) -> str:
    """The name as printed (ô 7b), after a military rank where the importer kept one apart."""
    rank, name = (signer.get("rank") or "").strip(), (signer.get("name") or "").strip()
    return f"{rank} {name}" if rank and not name.startswith(rank) else name


def signer_rows(signers, per_row: int = 2) -> list[list[tuple[int, dict]]]:
    """Joint documents: signature blocks side by side, two per row, each with its global index."""
    indexed = list(enumerate(signers or []))
    return [indexed[i : i + per_row] for i in range(0, len(indexed), per_row)]


def report_placements(doc: dict, default: str = "body") -> dict:
    """Where each table and chart of a report goes: after a section ('body') or in the Phụ lục."""
    sections = doc.get("sections") or []
    after: dict[int, list[dict]] = {}
    appendix: list[dict] = []
    last = max(len(sections) - 1, 0)
    for item in _report_exhibits(doc):
        if item.get("placement", default) == "appendix":
            appendix.append(item)
        else:
            after.setdefault(min(int(item.get("section", 0)), last), []).append(item)
    return {"after_section": after, "appendix": appendix}


def _report_exhibits(doc: dict) -> list[dict]:
    exhibits = [{"kind": "table", **table} for table in doc.get("tables") or []]
    for chart in doc.get("charts") or []:
        exhibits.append({"kind": "chart", "svg": chart} if isinstance(chart, str) else {"kind": "chart", **chart})
    return exhibits


def balanced_lines(
    text: str, *, size_pt: float = 14, bold: bool = True, italic: bool = False,
    width_pt: float = TEXT_WIDTH_PT * 0.92,
) -> list[str]:
    """Break a centred title into as few lines as it needs, of even length (no lone last word).

    Measured with Liberation Serif, which has the metrics of Times New Roman.
    """
    words = (text or "").split()
    if not words:
        return []
    widths: dict[str, float] = {}  # the search below measures the same candidate lines again and again

    def width(line: str) -> float:
        if line not in widths:
            widths[line] = _width(line, size_pt, bold, italic)
        return widths[line]

    def wrap(limit: float) -> list[str]:
        lines, current = [], []
        for word in words:
            if current and width(" ".join([*current, word])) > limit:
                lines.append(" ".join(current))
                current = [word]
            else:
                current.append(word)
        return [*lines, " ".join(current)]

    needed = len(wrap(width_pt))
    if needed == 1:
        return [" ".join(words)]
    low, high = 0.0, width_pt
    for _ in range(18):
        middle = (low + high) / 2
        low, high = (low, middle) if len(wrap(middle)) <= needed else (middle, high)
    return wrap(high)


def _width(text: str, size_pt: float, bold: bool, italic: bool) -> float:
    return _font(bold, italic).getlength(text) * size_pt / 1000


@lru_cache(maxsize=4)
def _font(bold: bool, italic: bool):
    from PIL import ImageFont

    face = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
    return ImageFont.truetype(str(FONTS_DIR / f"LiberationSerif-{face[bold, italic]}.ttf"), 1000)


def qr_data_uri(text: str, *, box_size: int = 6, border: int = 1) -> str:
    """A PNG QR code as a data: URI, ready for the `qr_png` key of a print context."""
    import qrcode

    image = qrcode.make(text, box_size=box_size, border=border)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
