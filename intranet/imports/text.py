"""Text clean-up and folding for Vietnamese plan texts."""
from __future__ import annotations

import re
import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (NFD)

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_RUN_OF_SPACES = re.compile(r" {2,}")
# Emphasis may run over a hard wrap, or a page break inside a sentence (a blank line before a
# lowercase word), not over a paragraph. It opens on a word or a quote, so a footnote mark
# "(*)" or a "* " bullet is left alone.
_SPAN = r"((?:[^*\n]|\n(?!\n)|\n\n(?=[^\W\d_A-ZÀ-ÝĐ])){1,400}?)"
_BOLD = re.compile(r"\*\*(?=[\w“\"(])" + _SPAN + r"(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[\w“\"(])" + _SPAN + r"(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)__(?=[\w“\"(])(.{1,400}?)(?<=\S)__(?!\w)")

# OCR sometimes reads a Vietnamese letter as a Greek look-alike ("Phan Thanh Trέ"); inside a
# Latin word we put the Vietnamese letter back, elsewhere Greek is left alone.
_LOOKALIKES = {"έ": "é", "ε": "e", "ά": "á", "α": "a", "ί": "í", "ι": "i", "ό": "ó", "ο": "o",
               "ύ": "ý", "υ": "u"}
_GREEK_IN_LATIN_WORD = re.compile(
    r"(?<=[A-Za-zÀ-ỹĐđ])[\u0370-\u03ff]|[\u0370-\u03ff](?=[A-Za-zÀ-ỹĐđ])")

# Tone on the second vowel of an open "oa", "oe", "uy" ("hoà", "khoẻ", "uỷ") is the new style;
# the classic style, used by most official texts and by ND 30's body, puts it on the first.
_NEW_STYLE_TONE = re.compile(
    r"(?<![qQ])([oO][aAeE]|[uU][yY])([" + TONE_MARKS + r"])(?![\w\u0300-\u036f])")
_DASHES = re.compile("[\u2010-\u2015\u2212-]")
_FOLD_PUNCT = re.compile(r"[^\w\s&-]")


def normalize(text: str) -> str:
    """Clean converter noise: line ends, NFC, invisible characters, spaces, emphasis marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _GREEK_IN_LATIN_WORD.sub(lambda m: _LOOKALIKES.get(m[0], m[0]), text)
    text = _RUN_OF_SPACES.sub(" ", strip_emphasis(text))
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


def strip_emphasis(text: str) -> str:
    """Remove markdown-like emphasis (**30**, *text*, __text__) that converters leave."""
    text = _BOLD.sub(r"\1", text)
    text = _UNDERSCORE_EMPHASIS.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


def unify_tones(text: str) -> str:
    """Put tone marks of open oa/oe/uy on the first vowel: hoà → hòa, uỷ → ủy, khoẻ → khỏe."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _NEW_STYLE_TONE.sub(lambda m: m[1][0] + m[2] + m[1][1], decomposed)
    return unicodedata.normalize("NFC", moved)


def clean(text: str) -> str:
    """Normalise a whole document and unify its tone placement."""
    return unify_tones(normalize(text))


def fold(s: str) -> str:
    """Fold a name for comparison: case, tone placement, dashes, "&" and punctuation."""
    s = unify_tones(unicodedata.normalize("NFC", s)).casefold()
    s = _DASHES.sub(" - ", s).replace("&", " & ")
    s = _FOLD_PUNCT.sub(" ", s).replace("_", " ")
    return " ".join(s.split())


def strip_diacritics(s: str) -> str:
    """Drop Vietnamese diacritics: "Đoàn Thanh niên" → "Doan Thanh nien"."""
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_upper_line(line: str) -> bool:
    """Tell whether a line is written in capitals (at least two letters, none lowercase)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def starts_lower(line: str) -> bool:
    """Tell whether the first letter-or-digit of a line is lowercase."""
    for c in line:
        if c.isalnum():
            return c.islower()
    return False


def ends_sentence(text: str) -> bool:
    """Tell whether a text ends with sentence punctuation, quotes and brackets aside."""
    core = text.rstrip().rstrip("”\"’')]»")
    return core.endswith((".", ";", ":", "!", "?", "./."))
