"""Match a unit name from a plan to the directory of units: exact, folded, abbreviation,
or a suggestion from the 2025 restructuring, which is never applied on its own."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .text import fold, strip_diacritics

# Words that name who acts for a body rather than the body ("Ban Thường vụ Tỉnh đoàn").
_LEADING = re.compile(r"^(?:đề nghị|giao cho|giao|ban thường vụ|ban giám đốc|ban chấp hành|"
                      r"thường trực|lãnh đạo)\s+")

# Abbreviations, on names folded to plain ASCII with "và", "&" and "-" dropped.
ABBREVIATIONS = [
    (r"\bgd ?dt\b", "giao duc dao tao"),
    (r"\bld ?tb ?xh\b", "lao dong thuong binh xa hoi"),
    (r"\bvh ?tt ?dl\b", "van hoa the thao du lich"),
    (r"\bvh ?tt\b", "van hoa the thao"),
    (r"\btt ?tt\b", "thong tin truyen thong"),
    (r"\bkh ?cn\b", "khoa hoc cong nghe"),
    (r"\bkh ?dt\b", "ke hoach dau tu"),
    (r"\bnn ?mt\b", "nong nghiep moi truong"),
    (r"\bnn ?ptnt\b", "nong nghiep phat trien nong thon"),
    (r"\btn ?mt\b", "tai nguyen moi truong"),
    (r"\bgtvt\b", "giao thong van tai"),
    (r"\bub ?mttq\b", "uy ban mat tran to quoc"),
    (r"\bmttq\b", "mat tran to quoc"),
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bhdnd\b", "hoi dong nhan dan"),
    (r"\bub\b", "uy ban"),
    (r"\btand\b", "toa an nhan dan"),
    (r"\bvksnd\b", "vien kiem sat nhan dan"),
    (r"\bbch (?=bdbp|bo doi|quan su)", "bo chi huy "),
    (r"\bbch\b", "ban chap hanh"),
    (r"\bbdbp\b", "bo doi bien phong"),
    (r"\bct ?xh\b", "chinh tri xa hoi"),
    (r"\btncs ?hcm\b", "thanh nien cong san ho chi minh"),
    (r"\bbhxh\b", "bao hiem xa hoi"),
    (r"\bqltt\b", "quan ly thi truong"),
    (r"\bvp\b", "van phong"),
    (r"^ca\b", "cong an"),
]
_ABBREVIATIONS = [(re.compile(p), full) for p, full in ABBREVIATIONS]


@dataclass(frozen=True)
class UnitRecord:
    """A unit of the directory as the matcher sees it: plain data, no database."""

    id: Any
    name: str
    short_name: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """A unit the importer proposes, with the reason shown to the user."""

    unit_id: Any
    name: str
    reason: str


@dataclass(frozen=True)
class Match:
    """How a name from a plan maps to the directory. Only exact, folded and abbreviation
    matches carry a unit_id; a suggestion only lists candidates for a person to pick."""

    name: str  # the name as the plan gives it
    kind: str  # exact, folded, abbreviation, suggestion, none
    unit_id: Any = None
    unit_name: str | None = None
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)
    reason: str | None = None

    @property
    def candidates(self) -> tuple[Suggestion, ...]:
        """The suggested units (same as `suggestions`)."""
        return self.suggestions

    @property
    def is_confident(self) -> bool:
        """Tell whether the match may be applied without asking anyone."""
        return self.kind in ("exact", "folded", "abbreviation")


@dataclass(frozen=True)
class _Entry:
    unit_id: Any
    name: str
    names: tuple[str, ...]


def _field(record: Any, name: str, default=None):
    if isinstance(record, dict):
        return record.get(name, default)
    return getattr(record, name, default)


def _entries(directory: Iterable[Any]) -> list[_Entry]:
    entries = []
    for record in directory:
        aliases = _field(record, "aliases") or ()
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        names = [_field(record, "name"), _field(record, "short_name"), *aliases]
        entries.append(_Entry(_field(record, "id"), _field(record, "name"),
                              tuple(n for n in names if n)))
    return entries


def canonical(name: str) -> str:
    """A name reduced for abbreviation matching: "Sở GD&ĐT" and "Sở Giáo dục và Đào tạo" agree."""
    key = strip_diacritics(fold(name))
    key = " ".join(w for w in key.split() if w not in ("va", "&", "-"))
    for pattern, full in _ABBREVIATIONS:
        key = pattern.sub(full, key)
    return key


def without_leading(name: str) -> str:
    """Drop "Đề nghị", "Giao", "Ban Thường vụ", "Ban Giám đốc" before a body's name."""
    folded = fold(name)
    while (m := _LEADING.match(folded)) is not None:
        folded = folded[m.end():]
    return folded


def match_unit(name: str, directory: Iterable[Any], context: str = "") -> Match:
    """Match a unit name to directory records (id, name, short_name, aliases); `context`,
    such as the unit's task texts, orders suggestions by topic."""
    entries = _entries(directory)
    direct = _direct_match(name, entries)
    if direct is not None:
        return direct
    suggestions = suggest_successors(name, entries, context)
    if suggestions:
        return Match(name, "suggestion", suggestions=tuple(suggestions),
                     reason="Tên đơn vị cũ trước sắp xếp năm 2025; cần chọn đơn vị kế thừa.")
    return Match(name, "none", reason="Không tìm thấy đơn vị tương ứng trong danh mục.")


def _direct_match(name: str, entries: list[_Entry]) -> Match | None:
    """Exact, then folded (with leading "Đề nghị", "Ban Thường vụ" dropped), then abbreviations."""
    for entry in entries:
        if name.strip() in entry.names:
            return Match(name, "exact", entry.unit_id, entry.name,
                         reason="Trùng tên trong danh mục.")
    for key in dict.fromkeys((fold(name), without_leading(name))):
        for entry in entries:
            if any(key == fold(n) or key == without_leading(n) for n in entry.names):
                return Match(name, "folded", entry.unit_id, entry.name,
                             reason="Trùng tên khi bỏ qua chữ hoa, cách bỏ dấu thanh và dấu câu.")
    key = canonical(without_leading(name))
    for entry in entries:
        if any(key == canonical(without_leading(n)) for n in entry.names):
            return Match(name, "abbreviation", entry.unit_id, entry.name,
                         reason="Trùng tên sau khi mở rộng chữ viết tắt.")
    return None


@dataclass(frozen=True)
class _Successor:
    name: str
    reason: str
    topics: tuple[str, ...] = ()  # plain-ASCII words in task texts that favour this successor


# The 2025 restructuring (NĐ 45/2025, end of the district level on 01/7/2025): old name keys
# (canonical form; a trailing "tinh ..." is allowed) and the bodies that took their work over.
RESTRUCTURING: list[tuple[tuple[str, ...], tuple[_Successor, ...]]] = [
    (("so lao dong thuong binh xa hoi",), (
        _Successor("Công an tỉnh", "Cai nghiện ma túy và quản lý sau cai nghiện chuyển về Công an "
                   "tỉnh từ 01/3/2025.", ("cai nghien", "sau cai", "nghien ma tuy")),
        _Successor("Sở Y tế", "Bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội chuyển về Sở "
                   "Y tế.", ("tre em", "bao tro", "te nan xa hoi", "tro giup xa hoi")),
        _Successor("Sở Giáo dục và Đào tạo", "Giáo dục nghề nghiệp chuyển về Sở Giáo dục và Đào "
                   "tạo.", ("day nghe", "giao duc nghe nghiep", "dao tao nghe", "huong nghiep")),
        _Successor("Sở Nội vụ", "Lao động, việc làm, người có công chuyển về Sở Nội vụ (hợp nhất "
                   "từ 01/3/2025).", ("viec lam", "lao dong", "nguoi co cong", "tien luong")),
        _Successor("Sở Nông nghiệp và Môi trường", "Giảm nghèo chuyển về Sở Nông nghiệp và Môi "
                   "trường.", ("giam ngheo",)),
    )),
    (("so thong tin truyen thong",), (
        _Successor("Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa "
                   "học và Công nghệ.",
                   ("internet", "khong gian mang", "mang xa hoi", "chuyen doi so")),
        _Successor("Sở Văn hóa, Thể thao và Du lịch", "Báo chí, xuất bản chuyển về Sở Văn hóa, Thể "
                   "thao và Du lịch.", ("bao chi", "xuat ban", "tuyen truyen", "truyen thong")),
    )),
    (("so ke hoach dau tu",), (
        _Successor("Sở Tài chính", "Sở Kế hoạch và Đầu tư hợp nhất vào Sở Tài chính."),)),
    (("so giao thong van tai",), (
        _Successor("Sở Xây dựng", "Sở Giao thông vận tải hợp nhất vào Sở Xây dựng."),)),
    (("so tai nguyen moi truong", "so nong nghiep phat trien nong thon"), (
        _Successor("Sở Nông nghiệp và Môi trường",
                   "Hợp nhất thành Sở Nông nghiệp và Môi trường."),)),
    (("so van hoa the thao", "so du lich"), (
        _Successor("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Sở Du lịch hợp nhất "
                   "thành Sở Văn hóa, Thể thao và Du lịch."),)),
    (("uy ban nhan dan cac huyen", "uy ban nhan dan huyen"), (
        _Successor("Ủy ban nhân dân các xã, phường", "Cấp huyện kết thúc từ 01/7/2025; nhiệm vụ "
                   "chuyển về Ủy ban nhân dân cấp xã."),)),
    (("cong an cac huyen", "cong an huyen"), (
        _Successor("Công an các xã, phường", "Công an cấp huyện kết thúc từ 01/3/2025; nhiệm vụ "
                   "chuyển về Công an cấp xã."),
        _Successor("Công an tỉnh", "Công an cấp huyện kết thúc từ 01/3/2025; một số nhiệm vụ "
                   "chuyển về Công an tỉnh."),
    )),
]


def suggest_successors(name: str, entries: list[_Entry], context: str = "") -> list[Suggestion]:
    """Successors of a body merged or ended in 2025, the most fitting topic first."""
    key = canonical(without_leading(name))
    successors = next((s for olds, s in RESTRUCTURING if any(_names_old(key, o) for o in olds)), ())
    topic = strip_diacritics(fold(context))
    ranked = sorted(successors, key=lambda s: -sum(t in topic for t in s.topics))
    return [_candidate(s, entries) for s in ranked]


def _names_old(key: str, old: str) -> bool:
    """"so lao dong thuong binh xa hoi tinh quang ninh" names the old department too."""
    if key == old or key.startswith(old + " tinh"):
        return True
    return old.endswith(("cac huyen", "huyen")) and key.startswith(old + " ")


def _candidate(successor: _Successor, entries: list[_Entry]) -> Suggestion:
    found = _direct_match(successor.name, entries) or _prefix_match(successor.name, entries)
    if found is None:
        return Suggestion(None, successor.name, successor.reason + " (chưa có trong danh mục)")
    return Suggestion(found.unit_id, found.unit_name, successor.reason)


def _prefix_match(name: str, entries: list[_Entry]) -> Match | None:
    """"Ủy ban nhân dân các xã, phường" also finds "..., đặc khu" in the directory."""
    key = canonical(name)
    for entry in entries:
        if any(canonical(n).startswith(key) for n in entry.names):
            return Match(name, "folded", entry.unit_id, entry.name)
    return None
