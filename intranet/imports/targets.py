"""Targets (chỉ tiêu) of a plan and their milestones: {"2025": ">80%", "yearly": ">=90%"}."""
from __future__ import annotations

import re

from .text import fold

_ANCHOR = re.compile(
    r"(?P<year>(?:đến|tới|trong|vào)?\s*(?:cuối\s+)?năm\s+(?P<y>\d{4}))"
    r"|(?P<yearly>(?:định kỳ\s+)?(?:hằng|hàng|mỗi|từng)\s+năm)"
    r"|(?P<span>trong\s+(?P<n>\d{1,2})\s+năm)", re.IGNORECASE)
_PERCENT = re.compile(
    r"(?P<q>trên|hơn|ít nhất|tối thiểu|không dưới|không ít hơn|dưới|không quá|tối đa|đạt)?\s*"
    r"(?P<v>\d{1,3}(?:[.,]\d+)?)\s*%", re.IGNORECASE)
_COUNT = re.compile(
    r"(?P<q>ít nhất|tối thiểu|không dưới|không ít hơn)\s+(?P<v>\d{1,4})(?!\s*[%\d])", re.IGNORECASE)
_QUALIFIERS = {"trên": ">", "hơn": ">", "ít nhất": ">=", "tối thiểu": ">=", "không dưới": ">=",
               "không ít hơn": ">=", "dưới": "<", "không quá": "<=", "tối đa": "<=", "đạt": ""}
_AIM = re.compile(r"phấn đấu\b[^.]*", re.IGNORECASE)


def milestones(text: str, period: dict | None = None) -> dict[str, str]:
    """Figures tied to a year, to every year, or to "trong N năm" of the plan's period."""
    found: dict[str, str] = {}
    for clause in re.split(r"[.;]\s", text):
        _clause_milestones(clause, period or {}, found)
    return found


def _clause_milestones(clause: str, period: dict, found: dict[str, str]) -> None:
    events = sorted([(m.start(), "anchor", m) for m in _ANCHOR.finditer(clause)]
                    + [(m.start(), "value", m) for m in _PERCENT.finditer(clause)]
                    + [(m.start(), "value", m) for m in _COUNT.finditer(clause)],
                    key=lambda e: e[0])
    key = None
    for _, kind, m in events:
        if kind == "anchor":
            key = _anchor_key(m, period)
        elif key is not None and key not in found:
            found[key] = _value(m)


def _anchor_key(m: re.Match, period: dict) -> str | None:
    if m["y"]:
        return m["y"]
    if m["yearly"]:
        return "yearly"
    start = period.get("start")
    return str(start + int(m["n"]) - 1) if start else None


def _value(m: re.Match) -> str:
    qualifier = _QUALIFIERS.get((m["q"] or "").lower(), "")
    number = m["v"].replace(",", ".")
    number = str(int(number)) if number.isdigit() else number
    percent = "%" if m.re is _PERCENT else ""
    return f"{qualifier}{number}{percent}"


def is_target_heading(text: str) -> bool:
    """A subsection of targets: "3. Chỉ tiêu cụ thể", "Mục tiêu cụ thể và chỉ tiêu"."""
    folded = fold(text)
    return folded.startswith(("chỉ tiêu", "các chỉ tiêu")) or folded.endswith("chỉ tiêu")


def aims_in(text: str) -> list[str]:
    """Targets stated inside a task ("phấn đấu trong 5 năm, giúp đỡ ít nhất 2 ...")."""
    return [m[0].strip(" ,;") for m in _AIM.finditer(text) if _PERCENT.search(m[0])
            or _COUNT.search(m[0])]
