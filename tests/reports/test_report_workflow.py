"""The unit report workflow's guard: the head approves only a complete report."""
import pytest

from workflows import UNIT_REPORT, Actor, Forbidden

HEAD = Actor(frozenset({"unit_head"}), frozenset({"own_unit"}))
REVIEWER = Actor(frozenset({"reviewer"}), frozenset({"standing_agency"}))


def test_head_cannot_approve_an_incomplete_report():
    with pytest.raises(Forbidden, match="2 nhiệm vụ"):
        UNIT_REPORT.fire("approve_unit", "draft", HEAD, facts={"missing_results": 2})
    assert UNIT_REPORT.fire("approve_unit", "draft", HEAD, facts={"missing_results": 0}) == "unit_approved"


def test_reopening_needs_a_reason_and_the_reviewer():
    assert UNIT_REPORT.fire("reopen", "accepted", REVIEWER, reason="Bổ sung số liệu") == "draft"
    with pytest.raises(Forbidden):
        UNIT_REPORT.fire("reopen", "accepted", HEAD, reason="x")
