"""Find deadlines in Vietnamese plan text: fixed dates, yearly days, reviews, frequencies."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

_F = re.IGNORECASE
_YEARLY = r"(?:định kỳ\s+)?(?:hằng|hàng|mỗi|từng)\s+năm"
_BEFORE = r"(?:trước|chậm nhất(?: là)?(?: vào)?|hạn chót|không muộn hơn)"
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PER_YEAR = {1: "yearly", 2: "half_yearly", 4: "quarterly", 12: "monthly"}


def _after_issue(m: re.Match, issued: date | None) -> dict:
    days = int(m["n"])
    if issued is None:
        return {"rule": "after_issue", "days": days, "working_days": bool(m["work"])}
    due = _add_working_days(issued, days) if m["work"] else issued + timedelta(days=days)
    return {"due_on": due.isoformat()}


def _add_working_days(start: date, days: int) -> date:
    """Count Monday to Friday only; public holidays are not known here."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        days -= current.weekday() < 5
    return current


def _yearly_day(m: re.Match, issued: date | None) -> dict | None:
    return _month_day("yearly", int(m["m"]), int(m["d"]))


def _month_day(rule: str, month: int, day: int) -> dict | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
        return None
    return {"rule": rule, "month": month, "day": day}


def _review(m: re.Match, issued: date | None) -> dict:
    rule = "midterm" if m["kind"].lower() == "sơ kết" else "final"
    return {"rule": rule, "year": int(m["y"])}


def _full_date(m: re.Match, issued: date | None) -> dict | None:
    try:
        return {"due_on": date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()}
    except ValueError:
        return None


def _day_without_year(m: re.Match, issued: date | None) -> dict | None:
    """A day with no year falls on its next occurrence after the issue date."""
    month, day = int(m["m"]), int(m["d"])
    if issued is None:
        return _month_day("yearly", month, day)
    year = issued.year + ((month, day) < (issued.month, issued.day))
    try:
        return {"due_on": date(year, month, day).isoformat()}
    except ValueError:
        return None


def _end_of_month(m: re.Match, issued: date | None) -> dict | None:
    year, month = int(m["y"]), int(m["m"])
    if not 1 <= month <= 12:
        return None
    return {"due_on": date(year, month, calendar.monthrange(year, month)[1]).isoformat()}


def _end_of_quarter(m: re.Match, issued: date | None) -> dict | None:
    raw = m["q"].lower()
    quarter = _ROMAN_QUARTERS.get(raw) or int(raw)
    month = quarter * 3
    year = int(m["y"])
    return {"due_on": date(year, month, calendar.monthrange(year, month)[1]).isoformat()}


def _yearly_month(m: re.Match, issued: date | None) -> dict | None:
    month = int(m["m"])
    return {"rule": "yearly", "month": month} if 1 <= month <= 12 else None


def _frequency(m: re.Match, issued: date | None) -> dict | None:
    n = int(m["n"])
    if m["unit"].lower().startswith("lần"):  # "2 lần/năm"
        rule = _PER_YEAR.get(n)
        return {"rule": rule} if rule else None
    return {"rule": "yearly"} if n == 1 else {"rule": "every_n_years", "years": n}


def _fixed(rule: str) -> Callable[[re.Match, date | None], dict]:
    return lambda m, issued: {"rule": rule}


Builder = Callable[[re.Match, date | None], "dict | None"]

# Most specific first: a span taken by one pattern is not read again by a later one. Each
# pattern comes with words the text must contain, which skips most regex scans.
PATTERNS: list[tuple[tuple[str, ...], re.Pattern, Builder]] = [
    (("ngày",), re.compile(
        r"(?:chậm nhất|trong vòng|trong thời hạn|trong)\s+(?:là\s+)?(?:sau\s+)?(?P<n>\d{1,3})"
        r"\s+ngày(?P<work>\s+làm việc)?\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)[^.;()]{0,60}?"
        r"(?:ban hành|ký|có hiệu lực)", _F), _after_issue),
    (("ngày",), re.compile(_YEARLY + r"\s*\(?\s*" + _BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s*[/-]"
                           r"\s*(?P<m>\d{1,2})(?!\s*[/-]\s*\d)\s*\)?", _F), _yearly_day),
    (("ngày",), re.compile(_BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})"
                           r"(?!\s*[/-]\s*\d)\s+" + _YEARLY, _F), _yearly_day),
    (("ngày",), re.compile(_BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+"
                           + _YEARLY, _F), _yearly_day),
    (("sơ kết", "tổng kết"), re.compile(
        r"\b(?P<kind>sơ kết|tổng kết)\b(?:(?!sơ kết|tổng kết)[^.;]){0,120}?\bnăm\s+(?P<y>\d{4})",
        _F), _review),
    (("ngày",), re.compile(_BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]"
                           r"\s*(?P<y>\d{4})", _F), _full_date),
    (("ngày",), re.compile(_BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm"
                           r"\s+(?P<y>\d{4})", _F), _full_date),
    (("ngày",), re.compile(_BEFORE + r"\s+ngày\s+(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})"
                           r"(?!\s*[/-]\s*\d)", _F), _day_without_year),
    (("tháng",), re.compile(r"(?:hoàn thành\s+)?(?:trong|trước|chậm nhất|xong|hết|vào)\s+tháng"
                            r"\s+(?P<m>\d{1,2})\s*(?:/|\s+năm\s+)\s*(?P<y>\d{4})", _F),
     _end_of_month),
    (("quý",), re.compile(r"(?:(?:hoàn thành\s+)?(?:trong|trước|chậm nhất|xong|hết|vào)\s+)?"
                          r"quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|\s+năm\s+)\s*(?P<y>\d{4})", _F),
     _end_of_quarter),
    (("tháng",), re.compile(r"(?:vào\s+|trong\s+)?tháng\s+(?P<m>\d{1,2})\s+" + _YEARLY, _F),
     _yearly_month),
    (("lần",), re.compile(r"(?:(?:tối thiểu|ít nhất)\s+)?(?P<n>\d{1,2})\s*"
                          r"(?P<unit>năm\s*/\s*lần|lần\s*/\s*năm)", _F), _frequency),
    (("quý",), re.compile(r"(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+quý", _F), _fixed("quarterly")),
    (("tháng",), re.compile(r"(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+tháng", _F), _fixed("monthly")),
    (("tháng",), re.compile(r"định kỳ\s+(?:06|6)\s+tháng|(?:06|6)\s+tháng\s*/\s*lần", _F),
     _fixed("half_yearly")),
    (("năm",), re.compile(_YEARLY, _F), _fixed("yearly")),
]


def find_deadlines(text: str, issued_on: date | str | None = None) -> list[dict]:
    """Every deadline named in a text, in reading order, each with the words it came from."""
    issued = date.fromisoformat(issued_on) if isinstance(issued_on, str) else issued_on
    text = " ".join(text.split())
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, dict]] = []
    lowered = text.lower()
    for needles, pattern, build in PATTERNS:
        if not any(needle in lowered for needle in needles):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            value = build(m, issued)
            if value is None:
                continue
            taken.append(m.span())
            found.append((m.start(), {"text": m[0].strip(), **value}))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def deadline_key(deadline: dict) -> tuple:
    """What a deadline means, its wording aside: used to list each one once per plan."""
    return tuple(sorted((k, v) for k, v in deadline.items() if k not in ("text", "clause")))
