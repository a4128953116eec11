"""Word's automatic list numbering, rendered as the text a reader sees ("1.", "a)", "-")."""
from __future__ import annotations

from docx.oxml.ns import qn

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26)


_FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(), "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


class ListNumbering:
    """Counts list items through a document, as Word does when it renders them."""

    def __init__(self, document) -> None:
        self._levels = _read_levels(document)
        self._counters: dict[str, list[int]] = {}

    def marker(self, paragraph) -> str:
        """The marker Word draws before a list paragraph, or "" for ordinary paragraphs."""
        num_id, ilvl = _num_pr(paragraph)
        level = self._levels.get(num_id, {}).get(ilvl)
        if level is None:
            return ""
        fmt, text, start = level
        if fmt == "bullet":
            return "- " if ilvl == 0 else "+ "
        if fmt not in _FORMATS:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 9)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        counters[ilvl + 1:] = [0] * (8 - ilvl)
        for i in range(ilvl + 1):
            shown = counters[i] or self._levels[num_id].get(i, ("decimal", "", 1))[2]
            text = text.replace(f"%{i + 1}", _FORMATS.get(fmt, str)(shown) if i == ilvl
                                else str(shown))
        return text + " " if text else ""


def _num_pr(paragraph) -> tuple[str | None, int]:
    """numId and level of a paragraph, from its own properties or its style's."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        p_pr = element.find(qn("w:pPr")) if element is not None else None
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is None:
            continue
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is not None and num_id.get(qn("w:val")) != "0":
            return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None, 0


def _read_levels(document) -> dict[str, dict[int, tuple[str, str, int]]]:
    """For each numId: level → (format, level text, start)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {a.get(qn("w:abstractNumId")): _levels_of(a)
                for a in root.findall(qn("w:abstractNum"))}
    levels = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is not None:
            levels[num.get(qn("w:numId"))] = abstract.get(ref.get(qn("w:val")), {})
    return levels


def _levels_of(abstract_num) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for lvl in abstract_num.findall(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        start = lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl")))] = (
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            int(start.get(qn("w:val"))) if start is not None else 1)
    return levels
