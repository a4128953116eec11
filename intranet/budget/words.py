"""Amounts in Vietnamese words, as a finance document writes them under the total ('Bằng chữ')."""
from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ((1_000_000, "triệu"), (1_000, "nghìn"), (1, ""))


def _block(n: int, full: bool) -> list[str]:
    """Read 0 < n < 1000; `full` when a higher block was read ('không trăm linh năm')."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens >= 2:
            words.append("mốt")
        elif units == 4 and tens >= 2:
            words.append("tư")
        elif units == 5 and tens >= 1:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _read(n: int, full: bool = False) -> list[str]:
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        return _read(high, full) + ["tỷ"] + (_read(low, True) if low else [])
    words: list[str] = []
    for scale, name in SCALES:
        block = n // scale % 1000
        if block:
            words += _block(block, full) + ([name] if name else [])
            full = True
    return words


def amount_in_words(amount: int) -> str:
    """12500000 -> 'Mười hai triệu năm trăm nghìn đồng'."""
    if amount == 0:
        return "Không đồng"
    text = " ".join(_read(abs(amount)))
    if amount < 0:
        text = "âm " + text
    return text[0].upper() + text[1:] + " đồng"
