"""Re-join a plan body's hard-wrapped lines into blocks: headings, items, bullets, paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import ends_sentence, is_upper_line, starts_lower

_ROMAN = re.compile(r"(?P<num>[IVXL]{1,6})\.(?:\s+(?P<rest>.*))?")
_NUMBER = re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,2})*)\.(?!\d)(?:\s*(?P<rest>.*))?")
_LETTER = re.compile(r"(?P<num>[a-zđ])\)\s+(?P<rest>.+)")
_BULLET = re.compile(r"[-–—•·*]\s+(?P<rest>.+)")
_PLUS = re.compile(r"\+\s*(?P<rest>.+)")
_STARTS = (("roman", _ROMAN), ("numbered", _NUMBER), ("lettered", _LETTER),
           ("bullet", _BULLET), ("plus", _PLUS))

# Capitalised verbs that open a task; inside a wrapped heading the same words are lowercase.
TASK_VERBS = (
    "Chủ trì", "Phối hợp", "Chủ động", "Chỉ đạo", "Tổ chức", "Xây dựng", "Triển khai", "Thực hiện",
    "Tăng cường", "Nâng cao", "Rà soát", "Hướng dẫn", "Tham mưu", "Nghiên cứu", "Theo dõi",
    "Kiểm tra", "Đẩy mạnh", "Huy động", "Quan tâm", "Lồng ghép", "Bảo đảm", "Đảm bảo",
    "Phát huy", "Tiếp tục", "Trên cơ sở", "Căn cứ", "Định kỳ", "Hằng năm", "Hàng năm",
    "Thường xuyên", "Cụ thể hóa", "Đề xuất", "Tuyên truyền", "Vận động", "Giao", "Dự trù",
    "Chọn", "Tham gia", "Cung cấp", "Đôn đốc", "Tập trung", "Duy trì", "Phổ biến",
)
_ALWAYS_NEW = re.compile(r"(Trên đây|Nơi nhận)\b")
_NEW_AFTER_SENTENCE = re.compile(r"(Căn cứ|Thực hiện|Theo đề nghị)\b")
_CONNECTORS = (",", ";", "-", "–", "(", " và", " của", " các", " với", " về", " trong", " cho",
               " tại", " theo", " đến", " những", " hoặc", " thuộc")
_REFERENCE_WORDS = (" số", " Điều", " điều", " khoản", " Khoản", " mục", " Mục", " điểm", " tại")

_SLACK = 2
_GLUED_BREAK = re.compile(r"\w[-/]$")
_PIPE_ROW = re.compile(r"\|.*\|")
_PIPE_RULE = re.compile(r"\|?[\s:|-]*-[\s:|-]*\|?")
_RULE_LINE = re.compile(r"[-_=—–*~]{3,}|\.{5,}")
_PAGE_NUMBER = re.compile(r"\d{1,3}")


@dataclass
class Block:
    """A logical block of the body: its kind, its number and its physical lines."""

    kind: str  # roman, numbered, lettered, bullet, plus, para
    number: str | None = None
    parts: list[str] = field(default_factory=list)
    last_line: str = ""  # the last physical line as printed, marker included
    _text: str | None = field(default=None, repr=False, compare=False)

    def append(self, line: str) -> None:
        """Add a wrapped line."""
        self.parts.append(line)
        self.last_line = line
        self._text = None

    @property
    def text(self) -> str:
        """The block's text with its wraps joined."""
        if self._text is None:
            self._text = join_wrapped(self.parts)
        return self._text

    @property
    def heading_open(self) -> bool:
        """A numbered block reads as a heading until it ends a sentence."""
        return self.kind in ("roman", "numbered", "lettered") and not ends_sentence(self.text)


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with a space, except after a hyphen or slash glued to a word
    ("178/NQ-" + "HĐND"), where the wrap split a code, not two words."""
    text = ""
    for part in parts:
        glue = "" if not text or _GLUED_BREAK.search(text) else " "
        text += glue + part
    return text.strip()


def starts_task(line: str) -> bool:
    """Tell whether a line opens with a verb that starts a task ("Chủ trì", "Phối hợp")."""
    return line.startswith(TASK_VERBS)


def prepare_lines(text: str) -> list[str]:
    """Lines of a cleaned text without table pipes, rule lines and lone page numbers."""
    expanded: list[str] = []
    for line in text.split("\n"):
        if _PIPE_ROW.fullmatch(line) and len(line) > 1:
            expanded.extend([] if _PIPE_RULE.fullmatch(line) else _cells(line))
        else:
            expanded.append(line)
    lines = [line for line in expanded if line != "|" and not _RULE_LINE.fullmatch(line)]
    return [line for i, line in enumerate(lines) if not _is_page_number(lines, i)]


def _cells(row: str) -> list[str]:
    """The cells of a markdown-like table row, one line per cell line."""
    cells = (c.strip() for c in row.strip().strip("|").split("|"))
    return [part.strip() for c in cells if c for part in re.split(r"<br\s*/?>", c) if part.strip()]


def _is_page_number(lines: list[str], i: int) -> bool:
    before = lines[i - 1] if i > 0 else ""
    after = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(_PAGE_NUMBER.fullmatch(lines[i])) and not before and not after


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when lines are paragraphs."""
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(lengths) < 10:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.98))]
    full = sum(1 for n in lengths if n >= 0.8 * width)
    return width if width <= 160 and full >= 0.4 * len(lengths) else None


def join_blocks(lines: list[str], width: int | None = None) -> list[Block]:
    """Re-join wrapped lines into blocks; a blank line ends a block unless a page broke it."""
    blocks: list[Block] = []
    current: Block | None = None
    gap = False
    for line in lines:
        if not line:
            gap = True
            continue
        if current is not None and _joins(current, line, width, gap):
            current.append(line)
        else:
            current = _new_block(line)
            blocks.append(current)
        gap = False
    return blocks


def _start(line: str) -> tuple[str, str, str] | None:
    """The kind, number and rest of a line that opens a block, if it does."""
    for kind, pattern in _STARTS:
        m = pattern.fullmatch(line)
        if not m:
            continue
        rest = (m["rest"] or "").strip()
        if kind in ("roman", "numbered") and rest and not (rest[0].isupper() or rest[0] in "(“\""):
            continue
        return kind, m.groupdict().get("num"), rest
    return None


def _new_block(line: str) -> Block:
    start = _start(line)
    if start is None:
        return Block("para", None, [line], line)
    kind, number, rest = start
    return Block(kind, number, [rest] if rest else [], line)


def _joins(current: Block, line: str, width: int | None, gap: bool) -> bool:
    """Tell whether a line continues the current block."""
    start = _start(line)
    if start and not _false_start(start, current, line, width):
        return False
    last = current.parts[-1] if current.parts else ""
    if _ALWAYS_NEW.match(line):
        return False
    if current.kind == "para" and _NEW_AFTER_SENTENCE.match(line) and ends_sentence(last):
        return False  # one "Căn cứ ...;" per legal basis
    if gap:
        # A page break inside a sentence leaves a blank line before a lowercase word.
        if current.heading_open and not current.parts:
            return True
        return starts_lower(line) and bool(last) and not ends_sentence(last)
    if current.heading_open:
        return _heading_continues(current, line, width)
    return _paragraph_continues(current, line, width)


def _false_start(start: tuple[str, str, str], current: Block, line: str,
                 width: int | None) -> bool:
    """A wrap can put "- 2025", "- công nghệ" or "5. " at a line start mid-sentence."""
    kind, _, rest = start
    last = current.parts[-1] if current.parts else ""
    if not last or ends_sentence(last):
        return False
    if kind in ("bullet", "plus"):
        if starts_lower(rest) or rest[:1].isdigit():
            return True
        # A full line may have wrapped before the dash of "Lao động - Thương binh". After a
        # heading a hyphen opens its first bullet; an en dash may still be inside a name
        # ("Đoàn khối Cơ quan – Doanh nghiệp").
        if current.heading_open and line[0] in "-•+*":
            return False
        return _was_wrapped(current.last_line, line, width)
    return kind == "numbered" and last.endswith(_REFERENCE_WORDS)


def _heading_continues(current: Block, line: str, width: int | None) -> bool:
    """Headings wrap too ("1. Công / an tỉnh", "I. MỤC / ĐÍCH, YÊU CẦU") but are short."""
    text = current.text
    if len(text.split()) <= 1 or starts_lower(line) or not line[0].isalpha():
        return True
    if text.endswith(_CONNECTORS):
        return True
    if current.kind == "roman" and is_upper_line(text) and is_upper_line(line):
        return True
    return not starts_task(line) and _was_wrapped(current.last_line, line, width)


def _paragraph_continues(current: Block, line: str, width: int | None) -> bool:
    """Text runs on to the next marker; a full stop on a short line may end a paragraph."""
    last = current.parts[-1] if current.parts else ""
    if starts_lower(line) or not line[0].isalpha():
        return True
    if width is None:  # one line per paragraph: only a page break splits a sentence
        return not ends_sentence(last)
    if current.kind in ("bullet", "plus") or not ends_sentence(last):
        return True
    if current.kind == "para" and current.text.startswith("Căn cứ"):
        return False  # a "Căn cứ" ends at its ";" (one legal basis per paragraph, ND 30)
    return _was_wrapped(current.last_line, line, width)


def _was_wrapped(last: str, line: str, width: int | None) -> bool:
    """A wrapped line is one the next word did not fit on. Clean-up (emphasis marks, double
    spaces) shortens lines, hence a little slack."""
    if width is None or not line.split():
        return False
    return len(last) + 1 + len(line.split()[0]) > width - _SLACK
