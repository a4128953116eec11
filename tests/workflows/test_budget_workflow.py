"""The budget estimate workflow, without an app."""
import pytest

from workflows import BUDGET, WORKFLOWS, Actor, Forbidden, ReasonRequired, WorkflowError
from workflows.budget import EDITABLE
from workflows.diagram import to_mermaid

HEAD = Actor(frozenset({"unit_head"}), frozenset({"own_unit"}))
STAFF = Actor(frozenset({"staff"}), frozenset({"own_unit"}))
OTHER_HEAD = Actor(frozenset({"unit_head"}))
REVIEWER = Actor(frozenset({"reviewer"}), frozenset({"standing_agency"}))
WITH_LINES = {"lines": 2}


def test_head_sends_an_estimate_with_lines():
    assert BUDGET.fire("submit", "draft", HEAD, facts=WITH_LINES) == "submitted"


def test_an_empty_estimate_cannot_be_sent():
    with pytest.raises(Forbidden, match="chưa có dòng kinh phí"):
        BUDGET.fire("submit", "draft", HEAD, facts={"lines": 0})


def test_only_the_units_head_sends_it():
    with pytest.raises(Forbidden, match="không có quyền"):
        BUDGET.fire("submit", "draft", STAFF, facts=WITH_LINES)
    with pytest.raises(Forbidden, match="đơn vị khác"):
        BUDGET.fire("submit", "draft", OTHER_HEAD, facts=WITH_LINES)


def test_reviewer_returns_with_a_reason_and_the_head_sends_again():
    with pytest.raises(ReasonRequired):
        BUDGET.fire("return_estimate", "submitted", REVIEWER, reason="  ")
    state = BUDGET.fire("return_estimate", "submitted", REVIEWER, reason="Thiếu căn cứ định mức")
    assert state == "returned" and state in EDITABLE
    assert BUDGET.fire("submit", state, HEAD, facts=WITH_LINES) == "submitted"


def test_head_withdraws_a_sent_estimate_to_edit_it():
    state = BUDGET.fire("withdraw", "submitted", HEAD)
    assert state == "draft" and state in EDITABLE
    assert "submitted" not in EDITABLE


def test_moves_from_the_wrong_state_are_refused():
    with pytest.raises(WorkflowError, match="không hợp lệ"):
        BUDGET.fire("return_estimate", "draft", REVIEWER, reason="x")
    with pytest.raises(WorkflowError):
        BUDGET.fire("withdraw", "returned", HEAD)


def test_allowed_lists_what_each_actor_may_do():
    assert [t.trigger for t in BUDGET.allowed("draft", HEAD, WITH_LINES)] == ["submit"]
    assert BUDGET.allowed("draft", HEAD, {"lines": 0}) == []
    assert [t.trigger for t in BUDGET.allowed("submitted", HEAD)] == ["withdraw"]
    assert [t.trigger for t in BUDGET.allowed("submitted", REVIEWER)] == ["return_estimate"]
    assert BUDGET.allowed("submitted", STAFF) == []


def test_budget_is_listed_and_drawn_with_the_other_workflows():
    assert WORKFLOWS["budget"] is BUDGET
    text = to_mermaid(BUDGET)
    assert 'state "Đang lập" as draft' in text
    assert "submitted --> returned: Trả lại đơn vị (kèm lý do)" in text
    assert "[*] --> draft" in text
