"""Deadlines named in plan text."""
from datetime import date

import pytest

from intranet.imports.deadlines import find_deadlines

ISSUED = "2024-04-25"


@pytest.mark.parametrize("text, expected", [
    ("chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành",
     {"due_on": "2024-05-05"}),
    ("trong 05 ngày làm việc kể từ ngày ký", {"due_on": "2024-05-02"}),
    ("Định kỳ hằng năm (trước ngày 05/12)", {"rule": "yearly", "month": 12, "day": 5}),
    ("Định kỳ hằng năm (trước\nngày 05/12)", {"rule": "yearly", "month": 12, "day": 5}),
    ("trước ngày 15/12 hằng năm", {"rule": "yearly", "month": 12, "day": 15}),
    ("trước ngày 15 tháng 12 hằng năm", {"rule": "yearly", "month": 12, "day": 15}),
    ("sơ kết việc thực hiện Chương trình vào năm 2026", {"rule": "midterm", "year": 2026}),
    ("tổng kết vào năm 2030", {"rule": "final", "year": 2030}),
    ("(Hoàn thành trong tháng 6/2026)", {"due_on": "2026-06-30"}),
    ("hoàn thành trong tháng 2 năm 2028", {"due_on": "2028-02-29"}),
    ("trước ngày 15/6/2025", {"due_on": "2025-06-15"}),
    ("chậm nhất ngày 15 tháng 6 năm 2025", {"due_on": "2025-06-15"}),
    ("trước ngày 30/6", {"due_on": "2024-06-30"}),
    ("trước ngày 15/3", {"due_on": "2025-03-15"}),
    ("Quý I/2025", {"due_on": "2025-03-31"}),
    ("trong quý III năm 2025", {"due_on": "2025-09-30"}),
    ("vào tháng 6 hằng năm", {"rule": "yearly", "month": 6}),
    ("hằng năm", {"rule": "yearly"}),
    ("Hàng năm", {"rule": "yearly"}),
    ("1 năm/lần", {"rule": "yearly"}),
    ("tối thiểu 1 năm/lần", {"rule": "yearly"}),
    ("ít nhất 2 lần/năm", {"rule": "half_yearly"}),
    ("định kỳ 6 tháng", {"rule": "half_yearly"}),
    ("báo cáo hằng quý", {"rule": "quarterly"}),
    ("2 năm/lần", {"rule": "every_n_years", "years": 2}),
])
def test_recognised_forms(text, expected):
    found = find_deadlines(text, ISSUED)
    assert len(found) == 1, found
    assert {k: v for k, v in found[0].items() if k != "text"} == expected


def test_dates_of_cited_documents_are_not_deadlines():
    text = ("Quyết định số 140/QĐ-TTg ngày 02/02/2024; Kết luận số 386-KL/BCSĐ ngày 24/4/2024; "
            "Ngày toàn dân phòng, chống ma túy 26/6; ngày 25 tháng 4 năm 2024")
    assert find_deadlines(text, ISSUED) == []


def test_several_in_reading_order_with_their_words():
    text = ("xây dựng kế hoạch (chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành). "
            "Định kỳ hằng năm (trước ngày 05/12) hoặc đột xuất báo cáo; tổ chức sơ kết việc thực "
            "hiện Chương trình vào năm 2026, tổng kết vào năm 2030.")
    assert [d["text"] for d in find_deadlines(text, date(2024, 4, 25))] == [
        "chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành",
        "Định kỳ hằng năm (trước ngày 05/12)",
        "sơ kết việc thực hiện Chương trình vào năm 2026",
        "tổng kết vào năm 2030"]


def test_without_an_issue_date():
    assert find_deadlines("chậm nhất sau 10 ngày kể từ ngày ký", None) == [
        {"text": "chậm nhất sau 10 ngày kể từ ngày ký", "rule": "after_issue", "days": 10,
         "working_days": False}]
    assert find_deadlines("trước ngày 05/12", None) == [
        {"text": "trước ngày 05/12", "rule": "yearly", "month": 12, "day": 5}]


def test_impossible_dates_are_ignored():
    assert find_deadlines("trước ngày 31/02/2025", ISSUED) == []
