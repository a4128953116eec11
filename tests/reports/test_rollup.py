"""Milestone parsing, province-wide sums and the Đạt / Không đạt comparison (pure)."""
from fractions import Fraction
from types import SimpleNamespace

import pytest

from intranet.reports.rollup import (MET, NO_DATA, NO_MILESTONE, NOT_MET, compare, parse_milestone,
                                     target_measure, total)


@pytest.mark.parametrize("text, op, value, percent", [
    (">80%", ">", 80, True),
    ("> 80%", ">", 80, True),
    ("≥ 90%", ">=", 90, True),
    (">=90%", ">=", 90, True),
    ("<5%", "<", 5, True),
    ("≤ 2", "<=", 2, False),
    ("=100%", "=", 100, True),
    ("trên 80%", ">", 80, True),
    ("Trên 90%", ">", 90, True),
    ("ít nhất 90%", ">=", 90, True),
    ("ít nhất 01", ">=", 1, False),
    ("100%", ">=", 100, True),
    ("12,5%", ">=", Fraction(25, 2), True),
])
def test_parse_milestone(text, op, value, percent):
    parsed = parse_milestone(text)
    assert (parsed.op, parsed.value, parsed.percent) == (op, value, percent)


def test_unreadable_milestones():
    assert parse_milestone("") is None
    assert parse_milestone("giảm so với năm trước") is None


@pytest.mark.parametrize("numerator, denominator, milestone, verdict", [
    (12, 15, ">80%", NOT_MET),      # 80% is not above 80%
    (25, 30, ">80%", MET),          # 83.3%
    (83, 100, "trên 80%", MET),
    (9, 10, "≥ 90%", MET),
    (89, 100, "ít nhất 90%", NOT_MET),
    (10, 10, "100%", MET),
    (1, 10, "<5%", NOT_MET),
])
def test_ratio_against_milestone(numerator, denominator, milestone, verdict):
    figures = [SimpleNamespace(count=None, numerator=numerator, denominator=denominator)]
    assert compare(total("ratio", figures).value, milestone) == verdict


def test_sums_numerators_and_denominators_across_units():
    figures = [SimpleNamespace(count=None, numerator=12, denominator=15),
               SimpleNamespace(count=None, numerator=13, denominator=15),
               SimpleNamespace(count=None, numerator=None, denominator=None)]
    summed = total("ratio", figures)
    assert (summed.numerator, summed.denominator, summed.units) == (25, 30, 2)
    assert summed.text == "25/30 (83,3%)"
    assert compare(summed.value, ">80%") == MET


def test_counts_are_summed():
    summed = total("count", [SimpleNamespace(count=1, numerator=None, denominator=None),
                             SimpleNamespace(count=2, numerator=None, denominator=None)])
    assert (summed.count, summed.text) == (3, "3")
    assert compare(summed.value, "ít nhất 02") == MET


def test_no_milestone_and_no_data():
    assert compare(Fraction(90), None) == NO_MILESTONE
    assert compare(None, ">80%") == NO_DATA
    assert total("ratio", []).text == "—"


def test_measure_follows_the_milestones():
    assert target_measure([">80%", ">90%"]) == "ratio"
    assert target_measure(["ít nhất 01"]) == "count"


def test_milestones_print_with_proper_signs():
    from intranet.reports.rollup import milestone_text

    assert (milestone_text(">=1"), milestone_text(">80%"), milestone_text("100%")) == ("≥\u00a01", ">\u00a080%", "≥\u00a0100%")
    assert milestone_text("giảm so với năm trước") == "giảm so với năm trước"
