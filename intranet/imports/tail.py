"""The end of a document: recipients (Nơi nhận), signature blocks, the drafter's mark."""
from __future__ import annotations

import re

from .text import fold, is_upper_line

_RECIPIENTS = re.compile(r"Nơi nhận\s*:?\s*(?P<rest>.*)", re.IGNORECASE)
_ITEM = re.compile(r"[-–+•*]\s*(?P<text>.*)")
_AUTHORITY = re.compile(r"(?P<prefix>TM|KT|TL|TUQ|Q)\.\s*(?P<rest>\S.*)")
_POST_STARTS = ("PHÓ ", "CHỦ TỊCH", "GIÁM ĐỐC", "BÍ THƯ", "TRƯỞNG", "CHÁNH", "VIỆN TRƯỞNG",
                "THỦ TRƯỞNG", "TỔNG", "CỤC TRƯỞNG", "ỦY VIÊN", "THƯỜNG TRỰC", "CHỦ NHIỆM",
                "HIỆU TRƯỞNG", "TƯ LỆNH", "CHỈ HUY TRƯỞNG", "KT.", "TM.", "TL.", "TUQ.", "Q.")
RANKS = ("Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá",
         "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy")
_RANK = re.compile(r"(?P<rank>" + "|".join(RANKS) + r")\s+(?P<name>.+)")
_DRAFTER = re.compile(r"[A-ZĐ0-9][A-ZĐ0-9.()\-/]{1,19}")
# Lowercase words that still belong to a body's name ("Công an tỉnh", "Tòa án nhân dân").
_LOWER_IN_NAMES = {"an", "án", "tỉnh", "thành", "phố", "huyện", "xã", "nhân", "dân", "và"}
_SIGNED = re.compile(r"\(?\s*(Đã ký|đã ký|Ký)\s*\)?")


def starts_tail(line: str) -> bool:
    """Tell whether a line opens the end matter (recipients or a signature block)."""
    return bool(_RECIPIENTS.match(line) or _AUTHORITY.match(line))


def read_tail(lines: list[str]) -> dict:
    """Recipients, signers and drafter mark from the lines after the body."""
    tail = {"recipients": [], "signers": [], "drafter_mark": None}
    in_recipients = False
    for line in lines:
        if not line or _SIGNED.fullmatch(line):
            continue
        m = _RECIPIENTS.match(line)
        if m:
            in_recipients = True
            line = m["rest"]
            if not line:
                continue
        if in_recipients and _add_recipient(tail["recipients"], line):
            continue
        in_recipients = False
        if _is_drafter_mark(line):
            tail["drafter_mark"] = line
        else:
            _add_signature_line(tail["signers"], line)
    tail["recipients"] = [_clean_recipient(r) for r in tail["recipients"]]
    tail["signers"] = [s for s in tail["signers"] if s["lines"] or s["name"]]
    return tail


def _add_recipient(recipients: list[str], line: str) -> bool:
    item = _ITEM.fullmatch(line)
    if item:
        recipients.append(item["text"])
        return True
    if recipients and not recipients[-1].rstrip().endswith((";", ".")) and not is_upper_line(line):
        recipients[-1] += " " + line
        return True
    return False


def _clean_recipient(text: str) -> str:
    return text.strip().rstrip(";.,").strip()


def _is_drafter_mark(line: str) -> bool:
    """The drafter's initials and copies ("CA-KH12", "PL.(300)"), printed under Nơi nhận."""
    return (bool(_DRAFTER.fullmatch(line)) and any(c.isdigit() or c == "-" for c in line)
            and not _AUTHORITY.match(line))


def _add_signature_line(signers: list[dict], line: str) -> None:
    if not signers or signers[-1]["name"]:
        signers.append({"lines": [], "rank": None, "name": None})
    block = signers[-1]
    if not is_upper_line(line):
        rank = _RANK.fullmatch(line)
        block["rank"], block["name"] = (rank["rank"], rank["name"]) if rank else (None, line)
    elif block["lines"] and not line.startswith(_POST_STARTS):
        block["lines"][-1] += " " + line  # "TM. ỦY BAN NHÂN" / "DÂN"
    else:
        block["lines"].append(line)


def issuers_from_signers(signers: list[dict], body: str, place: str | None) -> list[str]:
    """Issuing bodies read from signature blocks, for a header that lost its issuer lines.

    A joint plan signs one block per body. "TM. X" names the body X; a standing committee
    ("BAN THƯỜNG VỤ") signs for its executive committee ("BAN CHẤP HÀNH"), which issues.
    "KT. GIÁM ĐỐC" names only a post: the body is the one the text calls "Ban Giám đốc X"
    ("Ban Thường vụ Tỉnh đoàn phối hợp với Ban Giám đốc Công an tỉnh Bến Tre").
    """
    issuers: list[str] = []
    for signer in signers:
        m = _AUTHORITY.match(signer["lines"][0]) if signer["lines"] else None
        name = _body_of(m, body) if m else None
        if not name:
            continue
        if place and fold(place) not in fold(name):
            name = f"{name} {place}"
        name = name.upper()
        if name not in issuers:
            issuers.append(name)
    return issuers


def _body_of(authority: re.Match, body: str) -> str | None:
    rest = authority["rest"].strip()
    if authority["prefix"] == "TM":
        return re.sub(r"^BAN THƯỜNG VỤ\b", "BAN CHẤP HÀNH", rest)
    post = rest.split(",")[0].strip().capitalize()
    if post == "Chủ tịch":
        return "Ủy ban nhân dân tỉnh"
    m = re.search(r"\b(?:Ban\s+)?" + re.escape(post) + r"\s+(?P<name>\S.*)", body, re.IGNORECASE)
    return _leading_name(m["name"]) if m else None


def _leading_name(text: str) -> str | None:
    """The capitalised name at the start of a text: "Công an tỉnh Bến Tre xây dựng" → ..."""
    words: list[str] = []
    for word in text.split():
        bare = word.strip(",.;:()“”\"")
        if not bare or not (bare[0].isupper() or bare in _LOWER_IN_NAMES):
            break
        words.append(bare)
        if bare != word:
            break
    while words and words[-1] in _LOWER_IN_NAMES - {"tỉnh"}:
        words.pop()
    return " ".join(words) or None
