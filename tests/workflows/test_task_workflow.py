"""The task workflow, without an app."""
import pytest

from workflows import TASK, Actor, Forbidden, ReasonRequired, WorkflowError
from workflows.diagram import to_mermaid

STAFF = Actor(frozenset({"staff"}), frozenset({"lead_unit"}))
HEAD = Actor(frozenset({"unit_head"}), frozenset({"lead_unit"}))
REVIEWER = Actor(frozenset({"reviewer"}), frozenset({"standing_agency"}))
ADMIN = Actor(frozenset({"admin"}))
OTHER_STAFF = Actor(frozenset({"staff"}), frozenset())
DRAFT = {"draft": "Đã tổ chức 12 buổi tuyên truyền."}


def test_the_happy_path_reaches_approved():
    state = TASK.initial
    for trigger, actor in [("start_draft", STAFF), ("submit", STAFF), ("send", HEAD),
                           ("start_review", REVIEWER), ("approve", REVIEWER)]:
        state = TASK.fire(trigger, state, actor, facts=DRAFT)
    assert state == "approved"


@pytest.mark.parametrize("trigger,state,actor", [
    ("return_to_staff", "awaiting_head", HEAD),
    ("return_to_unit", "under_review", REVIEWER),
    ("return_to_unit", "submitted", REVIEWER),
    ("cancel", "drafting", ADMIN),
    ("reopen", "approved", STAFF),
])
def test_returns_and_cancel_need_a_reason(trigger, state, actor):
    with pytest.raises(ReasonRequired) as exc:
        TASK.fire(trigger, state, actor, reason="  ")
    assert exc.value.message == "Vui lòng nhập lý do."
    assert TASK.fire(trigger, state, actor, reason="Thiếu số liệu") in ("drafting", "cancelled")


def test_nobody_approves_their_own_submission():
    me = Actor(frozenset({"staff", "unit_head"}), frozenset({"lead_unit", "submitter"}))
    with pytest.raises(Forbidden, match="tự duyệt"):
        TASK.fire("send", "awaiting_head", me)
    reviewer_who_sent = Actor(frozenset({"reviewer"}), frozenset({"standing_agency", "submitter"}))
    with pytest.raises(Forbidden):
        TASK.fire("approve", "under_review", reviewer_who_sent)


def test_another_unit_cannot_submit():
    with pytest.raises(Forbidden, match="đơn vị khác"):
        TASK.fire("submit", "drafting", OTHER_STAFF, facts=DRAFT)


def test_empty_draft_cannot_be_submitted():
    with pytest.raises(Forbidden, match="Chưa có nội dung"):
        TASK.fire("submit", "drafting", STAFF, facts={"draft": "  "})


def test_illegal_trigger_for_state_is_a_workflow_error():
    with pytest.raises(WorkflowError) as exc:
        TASK.fire("approve", "drafting", REVIEWER)
    assert not isinstance(exc.value, Forbidden)
    with pytest.raises(WorkflowError):
        TASK.fire("to_approved", "drafting", ADMIN)  # no auto transitions


def test_allowed_lists_exactly_the_moves_of_each_role():
    assert [t.trigger for t in TASK.allowed("drafting", STAFF, DRAFT)] == ["submit"]
    assert [t.trigger for t in TASK.allowed("awaiting_head", HEAD)] == ["send", "return_to_staff"]
    assert [t.trigger for t in TASK.allowed("under_review", REVIEWER)] == ["return_to_unit", "approve"]
    assert [t.trigger for t in TASK.allowed("under_review", STAFF)] == []
    assert [t.trigger for t in TASK.allowed("approved", ADMIN)] == ["cancel"]
    assert TASK.allowed("cancelled", ADMIN) == []


def test_shared_machine_keeps_no_models():
    TASK.fire("submit", "drafting", STAFF, facts=DRAFT)
    assert len(TASK.machine.models) == 0


def test_every_state_has_a_vietnamese_label_and_a_colour():
    for state in TASK.states:
        assert state.label and state.colour
    assert TASK.state("awaiting_head").label == "Chờ lãnh đạo đơn vị duyệt"


def test_diagram_is_drawn_from_the_definition():
    text = to_mermaid(TASK)
    assert text.startswith("stateDiagram-v2")
    for t in TASK.transitions:
        for source in t.source:
            assert f"{source} --> {t.dest}: {t.label}" in text
