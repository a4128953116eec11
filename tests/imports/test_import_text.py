"""Clean-up and folding of Vietnamese text."""
import unicodedata

import pytest

from intranet.imports.text import clean, fold, normalize, strip_diacritics, unify_tones


def test_normalize_line_ends_spaces_and_invisible_characters():
    raw = "\ufeffKẾ  HOẠCH \r\nSố:\u00a0112\r\u200bQuảng Ninh \t\n"
    assert normalize(raw) == "KẾ HOẠCH\nSố: 112\nQuảng Ninh"


def test_normalize_composes_nfd():
    assert normalize(unicodedata.normalize("NFD", "Tỉnh đoàn")) == "Tỉnh đoàn"


@pytest.mark.parametrize("raw, clean_text", [
    ("ngày **30** tháng 12", "ngày 30 tháng 12"),
    ("về việc “*triển khai thực hiện*”", "về việc “triển khai thực hiện”"),
    ("chương trình “*Lối về\nyêu thương*”", "chương trình “Lối về\nyêu thương”"),
    ("(*) ghi chú và (*) khác", "(*) ghi chú và (*) khác"),
    ("2*3 = 6 và a*b", "2*3 = 6 và a*b"),
    ("* gạch đầu dòng", "* gạch đầu dòng"),
])
def test_normalize_drops_emphasis_marks_only(raw, clean_text):
    assert normalize(raw) == clean_text


def test_normalize_reads_greek_look_alikes_inside_words():
    assert normalize("Phan Thanh Trέ") == "Phan Thanh Tré"
    assert normalize("hệ số α = 0,5") == "hệ số α = 0,5"


@pytest.mark.parametrize("new, old", [
    ("hoà", "hòa"), ("HOÀ", "HÒA"), ("uỷ ban", "ủy ban"), ("Uỷ", "Ủy"), ("tuý", "túy"),
    ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("hoạ", "họa"), ("Thoả", "Thỏa"),
])
def test_unify_tones_moves_the_mark_to_the_first_vowel(new, old):
    assert unify_tones(new) == old
    assert unify_tones(old) == old


@pytest.mark.parametrize("word", ["quý", "hoàn", "thuyền", "khuya", "ngoài", "hoa", "quả"])
def test_unify_tones_leaves_other_syllables(word):
    assert unify_tones(word) == word


def test_fold_unifies_case_tones_dashes_and_punctuation():
    assert fold("Sở Văn hoá, Thể thao") == fold("SỞ VĂN HÓA THỂ THAO")
    assert fold("Uỷ ban nhân dân") == fold("ủy ban nhân dân")
    assert fold("Lao động–Thương binh") == fold("Lao động - Thương binh")
    assert fold("Lao động - Thương binh") == "lao động - thương binh"
    assert fold("GD&ĐT") == fold("GD & ĐT") == "gd & đt"


def test_strip_diacritics():
    assert strip_diacritics("Đoàn Thanh niên Hồ Chí Minh") == "Doan Thanh nien Ho Chi Minh"


def test_clean_is_normalize_then_tones():
    assert clean("Cụ thể hoá  **các** nội dung\r\n") == "Cụ thể hóa các nội dung"
