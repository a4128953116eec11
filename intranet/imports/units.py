"""Read the bodies named in an assignee heading: units, requested and collective flags."""
from __future__ import annotations

import re

from .text import fold

# Words that open the name of a body. Only a capitalised word counts ("Sở", not "sở" in
# "các sở, ban, ngành"), except "các", which opens a group of bodies.
BODY_STARTS = (
    "sở", "ban", "bộ", "cục", "chi cục", "viện", "tòa", "toà", "ủy ban", "ubnd", "ub", "công an",
    "tỉnh đoàn", "tỉnh ủy", "trung tâm", "hội", "đoàn", "phòng", "báo", "đài", "mặt trận",
    "liên đoàn", "liên minh", "văn phòng", "thanh tra", "bảo hiểm", "ngân hàng", "kho bạc",
    "cảnh sát", "bộ chỉ huy", "bch", "hđnd", "hội đồng", "tand", "vksnd", "mttq", "đảng ủy",
    "trường", "đại học", "quỹ", "các", "bưu điện", "kiểm toán", "cơ quan",
)
_BODY_START = re.compile(
    r"(?:" + "|".join(sorted((re.escape(w) for w in BODY_STARTS), key=len, reverse=True))
    + r")(?=\W|$)", re.IGNORECASE)
_PREFIXES = re.compile(r"(?P<word>Đề nghị|Giao cho|Giao|Yêu cầu)\s+", re.IGNORECASE)
# A heading that goes on with one of these (lowercase, so "Ban Chỉ đạo" is still a body) is a
# sentence about bodies, not a list of them.
_VERBS = re.compile(
    r"\b(?:căn cứ|chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|xây dựng|triển khai|"
    r"theo dõi|chỉ đạo|tham mưu|báo cáo|hướng dẫn|bảo đảm|đảm bảo|rà soát|kiểm tra|tổ chức "
    r"thực hiện|tiếp tục|quán triệt|nghiên cứu|chủ động|tăng cường|tích cực|được giao)\b")
_MAX_WORDS = 30


def starts_body(text: str) -> bool:
    """Tell whether a text opens with the name of a body (capitalised, or "các ...")."""
    text = text.lstrip()
    m = _BODY_START.match(text)
    if not m:
        return False
    return text[0].isupper() or m[0].lower() == "các"


def strip_prefix(heading: str) -> tuple[str, str | None]:
    """Drop a leading "Đề nghị" or "Giao" and say which one it was."""
    m = _PREFIXES.match(heading.strip())
    if not m:
        return heading.strip(), None
    return heading.strip()[m.end():], fold(m["word"])


def split_assignee(text: str) -> tuple[str, str | None] | None:
    """The assignee part of an item and the task that may follow it after a colon, if any."""
    head, _, task = text.partition(":")
    if task and is_assignee(head):
        return head.strip(), task.strip() or None
    if not task and is_assignee(text):
        return text.strip(), None
    return None


def is_assignee(heading: str) -> bool:
    """Tell whether a heading names bodies only, not a sentence about them."""
    name, _ = strip_prefix(heading.rstrip(" .;:"))
    if not name or not starts_body(name) or len(name.split()) > _MAX_WORDS:
        return False
    return not _VERBS.search(name)


def read_units(heading: str) -> dict:
    """Units, requested and collective flags of an assignee heading."""
    name, prefix = strip_prefix(heading.rstrip(" .;:"))
    units = split_units(name)
    return {
        "units": units,
        "requested": prefix == "đề nghị",
        "collective": bool(units) and all(is_collective(u) for u in units),
    }


def is_collective(unit: str) -> bool:
    """A unit that stands for several bodies: "Các sở, ban, ngành", "UBND các huyện"."""
    return "các" in fold(unit).split()


def split_units(name: str) -> list[str]:
    """Split "A; B", "A, B" and "A và B" where both sides are bodies."""
    units: list[str] = []
    for piece in re.split(r"\s*;\s*", name):
        units.extend(_split_piece(piece.strip()))
    return [u for u in units if u]


def _split_piece(piece: str) -> list[str]:
    parts: list[str] = []
    current = ""
    for token in re.split(r"(,\s*|\s+và\s+)", piece):
        if not token:
            continue
        if token.strip() in (",", "và"):
            current += token
            continue
        if current and _splits_before(current, token):
            parts.append(_trim(current))
            current = token
        else:
            current += token
    parts.append(_trim(current))
    return parts


def _splits_before(current: str, token: str) -> bool:
    """Split before a body, unless a "các ..." list is running ("các huyện, Thành đoàn")."""
    separator = "và" if current.rstrip().endswith(" và") else ","
    if not starts_body(token):
        return False
    running_list = "các" in fold(_trim(current)).split()
    return separator == "và" or not running_list


def _trim(text: str) -> str:
    text = text.strip()
    text = re.sub(r"(?:,|\s+và)$", "", text)
    return text.strip()
