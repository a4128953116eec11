"""Amounts in whole đồng: typing them, showing them, writing them in words."""
import pytest

from intranet.budget.services import parse_amount
from intranet.budget.words import amount_in_words
from intranet.errors import ValidationError
from intranet.formatting import vn_money


@pytest.mark.parametrize("typed, value", [
    ("12.500.000", 12_500_000), ("12500000", 12_500_000), ("12.500.000 đ", 12_500_000),
    ("12.500.000đồng", 12_500_000), (" 1.000 VNĐ ", 1_000), ("7", 7),
])
def test_amounts_are_read_as_typed(typed, value):
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed, message", [
    ("", "Vui lòng nhập số tiền"), ("12,5", "không hợp lệ"), ("12.50.000", "không hợp lệ"),
    ("12,5 triệu", "không hợp lệ"), ("1.5", "không hợp lệ"), ("-5.000", "lớn hơn 0"), ("0", "lớn hơn 0"),
    ("100.000.000.000.000", "vượt quá"),
])
def test_bad_amounts_are_refused_in_vietnamese(typed, message):
    with pytest.raises(ValidationError, match=message):
        parse_amount(typed)


def test_amounts_are_shown_with_vietnamese_grouping():
    assert vn_money(12_500_000) == "12.500.000 đ"
    assert vn_money(950) == "950 đ"


@pytest.mark.parametrize("amount, words", [
    (0, "Không đồng"),
    (15, "Mười lăm đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi tư đồng"),
    (105, "Một trăm linh năm đồng"),
    (12_500_000, "Mười hai triệu năm trăm nghìn đồng"),
    (61_000_000, "Sáu mươi mốt triệu đồng"),
    (1_000_005, "Một triệu không trăm linh năm đồng"),
    (1_250_000_000, "Một tỷ hai trăm năm mươi triệu đồng"),
    (2_000_030_000, "Hai tỷ không trăm ba mươi nghìn đồng"),
])
def test_amounts_in_words(amount, words):
    assert amount_in_words(amount) == words
