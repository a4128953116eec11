"""The header of an official document: issuing bodies, number, place and date, type and title."""
from __future__ import annotations

import re
from datetime import date

from .text import fold, is_upper_line, strip_diacritics

DOC_TYPES = ("kế hoạch", "kế hoạch phối hợp", "kế hoạch liên tịch", "kế hoạch liên ngành",
             "chương trình", "chương trình phối hợp", "chương trình hành động", "báo cáo",
             "quyết định", "hướng dẫn", "đề án", "phương án", "thông báo", "chỉ thị",
             "quy chế phối hợp", "nghị quyết")
_NUMBER = re.compile(r"Số\s*:?\s*(?P<number>\d+[a-z]?)?\s*/\s*(?P<symbol>[^\s,;]+)", re.IGNORECASE)
_DATE = re.compile(
    r"(?P<place>[^,\d][^,]*?)\s*,\s*ngày\s+(?P<d>\d{1,2})(?:\s+tháng\s+|\s*/\s*)(?P<m>\d{1,2})"
    r"(?:\s+năm\s+|\s*/\s*)(?P<y>\d{4})", re.IGNORECASE)
_PLACE_ONLY = re.compile(r"(?P<place>[^,\d][^,]*?)\s*,\s*ngày\b", re.IGNORECASE)
_NATIONAL = ("cong hoa xa hoi", "chu nghia viet nam", "doc lap", "dang cong san viet nam")
_BODY_WORDS = ("uy ban", "ubnd", "so ", "cong an", "ban ", "bo ", "cuc ", "tinh doan", "doan ",
               "hoi ", "mat tran", "vien ", "toa ", "phong ", "chi cuc", "trung tam", "bch ",
               "van phong", "thanh doan", "huyen doan", "dang uy", "tinh uy", "thanh tra")
_PLACE_WORDS = ("tinh", "thanh pho", "huyen", "xa", "phuong", "trung uong", "viet nam", "quan",
                "thi xa")
_BODY_START = re.compile(r"(?:Căn cứ|Thực hiện|Theo|Để|Nhằm|Trên cơ sở|Ngày|Phần)\b|[IVX]+\.\s")


def find_doc_type(lines: list[str]) -> int | None:
    """Index of the line naming the document's type ("KẾ HOẠCH"), if any."""
    for i, line in enumerate(lines):
        if is_upper_line(line) and fold(line) in DOC_TYPES:
            return i
    return None


def read_title(lines: list[str], start: int) -> tuple[list[str], int]:
    """The trích yếu lines after the type line, and the index where the body begins."""
    i = start
    while i < len(lines) and not lines[i]:
        i += 1
    title: list[str] = []
    capitals = i < len(lines) and is_upper_line(lines[i])
    while i < len(lines) and lines[i]:
        line = lines[i]
        if (capitals and not is_upper_line(line)) or (title and _BODY_START.match(line)):
            break
        title.append(line)
        i += 1
    return title, i


def body_start_without_type(lines: list[str]) -> int:
    """Where the body begins when no type line was found."""
    for i, line in enumerate(lines):
        if _BODY_START.match(line):
            return i
    return 0


def read_header(lines: list[str]) -> dict:
    """Number, symbol, place, date and issuer lines from the lines above the type line."""
    header = {"number": None, "symbol": None, "place": None, "issued_on": None}
    issuer_lines: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        number = _NUMBER.match(line)
        if number:
            header["number"] = number["number"]
            header["symbol"] = number["symbol"].rstrip(".").upper()
        elif re.search(r",\s*ngày\b", line, re.IGNORECASE):
            header.update(_read_date(" ".join(lines[i:i + 3])))
        elif is_upper_line(line) and not _is_national(line):
            issuer_lines.append(line)
    header["issuer_groups"] = group_issuers(issuer_lines)
    return header


def _read_date(text: str) -> dict:
    m = _DATE.match(text)
    if not m:
        place = _PLACE_ONLY.match(text)
        return {"place": place["place"].strip() if place else None}
    try:
        issued = date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        issued = None
    return {"place": m["place"].strip(), "issued_on": issued}


def _is_national(line: str) -> bool:
    key = strip_diacritics(fold(line))
    return any(word in key for word in _NATIONAL)


def group_issuers(lines: list[str]) -> list[list[str]]:
    """Group capital lines into bodies: "UBND TỈNH X" / "SỞ Y TẾ" are two, a wrapped name one."""
    groups: list[list[str]] = []
    for line in lines:
        if groups and not (_opens_body(line) and _names_place(groups[-1])):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _opens_body(line: str) -> bool:
    key = strip_diacritics(fold(line)) + " "
    return key.startswith(_BODY_WORDS)


def _names_place(group: list[str]) -> bool:
    words = strip_diacritics(fold(" ".join(group))).split()
    text = " " + " ".join(words) + " "
    return any(f" {w} " in text for w in _PLACE_WORDS)


def issuer_blocks(groups: list[list[str]], joint: bool) -> list[dict]:
    """Header blocks: a joint plan has one per body, else the first group is the parent."""
    if len(groups) > 1 and not joint:
        parent = " ".join(line for group in groups[:-1] for line in group)
        return [{"parent": parent, "lines": groups[-1]}]
    return [{"parent": None, "lines": group} for group in groups]
