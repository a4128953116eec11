"""Pure roll-up rules: a target's measure, province-wide sums, milestone parsing and comparison."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

MET, NOT_MET, NO_MILESTONE, NO_DATA, UNCLEAR = (
    "Đạt", "Không đạt", "Không có mốc", "Chưa có số liệu", "Không so sánh được")

# Longest words first so "ít nhất" wins over a bare number and "trên" over nothing.
_WORDS = (
    ("ít nhất", ">="), ("tối thiểu", ">="), ("không dưới", ">="), ("từ", ">="),
    ("tối đa", "<="), ("không quá", "<="), ("trên", ">"), ("hơn", ">"), ("dưới", "<"),
    ("đạt", ">="), ("bằng", "="),
)
_SYMBOLS = (("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), (">", ">"), ("<", "<"), ("=", "="))
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%?)")


@dataclass(frozen=True)
class Milestone:
    """A parsed milestone: comparator, value, and whether it is a percentage."""

    op: str
    value: Fraction
    percent: bool

    @property
    def text(self) -> str:
        """'> 80%' as printed in tables."""
        op = {">=": "≥", "<=": "≤"}.get(self.op, self.op)
        number = f"{float(self.value):g}".replace(".", ",")
        return f"{op}\u00a0{number}{'%' if self.percent else ''}"  # never split "> 80%" over two lines


def parse_milestone(text: str | None) -> Milestone | None:
    """Read '>80%', '≥ 90%', 'trên 80%', 'ít nhất 01', '100%' (a bare value means at least)."""
    if not text:
        return None
    value = unicodedata.normalize("NFC", text).strip().lower()
    match = _NUMBER.search(value)
    if not match:
        return None
    head = value[: match.start()].strip()
    op = ">="
    for symbol, name in _SYMBOLS:
        if head.endswith(symbol):
            op = name
            break
    else:
        for word, name in _WORDS:
            if head.endswith(word):
                op = name
                break
    number = Fraction(match.group(1).replace(",", "."))
    return Milestone(op=op, value=number, percent=bool(match.group(2)))


def milestone_for(milestones, year: int) -> str | None:
    """The milestone of `year`, else a yearly one ('Hằng năm', no year); None when neither exists."""
    exact = next((m.value for m in milestones if m.year == year), None)
    return exact or next((m.value for m in milestones if m.year is None), None)


def milestone_text(text: str | None) -> str:
    """A milestone as printed: '>=1' -> '≥ 1', '>80%' -> '> 80%'; unreadable text unchanged."""
    parsed = parse_milestone(text)
    return parsed.text if parsed else (text or "")


def target_measure(milestone_values) -> str:
    """'ratio' when the target's milestones are percentages, else 'count'."""
    return "ratio" if any("%" in (v or "") for v in milestone_values) else "count"


@dataclass(frozen=True)
class Total:
    """A province-wide figure: summed counts, or summed numerators over summed denominators."""

    measure: str
    count: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    units: int = 0

    @property
    def value(self) -> Fraction | None:
        """The number compared with the milestone: a percentage for ratios, the count otherwise."""
        if self.measure == "ratio":
            if not self.denominator:
                return None
            return Fraction(100 * self.numerator, self.denominator)
        return None if self.count is None else Fraction(self.count)

    @property
    def text(self) -> str:
        """'12/15 (80%)' or '7'."""
        if self.value is None:
            return "—"
        if self.measure == "ratio":
            percent = f"{float(self.value):.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{self.numerator}/{self.denominator} ({percent}%)"
        return str(self.count)


def total(measure: str, figures) -> Total:
    """Sum the figures (objects with count, numerator, denominator) that were filled in."""
    if measure == "ratio":
        rows = [f for f in figures if f.denominator]
        if not rows:
            return Total(measure)
        return Total(measure, numerator=sum(f.numerator or 0 for f in rows),
                     denominator=sum(f.denominator for f in rows), units=len(rows))
    rows = [f for f in figures if f.count is not None]
    if not rows:
        return Total(measure)
    return Total(measure, count=sum(f.count for f in rows), units=len(rows))


def compare(value: Fraction | None, milestone_text: str | None) -> str:
    """Đạt / Không đạt against the milestone; 'Không có mốc' when the year has none."""
    if not milestone_text:
        return NO_MILESTONE
    milestone = parse_milestone(milestone_text)
    if milestone is None:
        return UNCLEAR
    if value is None:
        return NO_DATA
    target = milestone.value
    met = {
        ">": value > target, ">=": value >= target, "<": value < target,
        "<=": value <= target, "=": value == target,
    }[milestone.op]
    return MET if met else NOT_MET
