"""The task workflow: a unit drafts its work, its head sends it, Công an tỉnh reviews it."""
from __future__ import annotations

from .engine import Actor, State, Transition, Workflow

STAFF, HEAD, REVIEWER, SIGNER, ADMIN, VIEWER = (
    "staff", "unit_head", "reviewer", "signer", "admin", "viewer")

ACTIVE = ("assigned", "drafting", "awaiting_head", "submitted", "under_review", "approved")


def not_own_submission(actor: Actor, facts: dict) -> str | None:
    """Nobody approves what they submitted themselves."""
    if "submitter" in actor.relations:
        return "Bạn không thể tự duyệt nội dung do chính mình trình."
    return None


def has_draft(actor: Actor, facts: dict) -> str | None:
    """A unit cannot submit an empty draft."""
    if not (facts.get("draft") or "").strip():
        return "Chưa có nội dung báo cáo kết quả thực hiện để trình."
    return None


TASK = Workflow(
    name="task",
    title="Quy trình xử lý nhiệm vụ",
    states=(
        State("assigned", "Đã giao", "secondary"),
        State("drafting", "Đang soạn", "info"),
        State("awaiting_head", "Chờ lãnh đạo đơn vị duyệt", "warning"),
        State("submitted", "Đã gửi Công an tỉnh", "primary"),
        State("under_review", "Đang thẩm định", "purple"),
        State("approved", "Đã duyệt", "success"),
        State("cancelled", "Đã hủy", "dark", final=True),
    ),
    initial="assigned",
    transitions=(
        Transition("start_draft", ("assigned",), "drafting", "Bắt đầu soạn",
                   frozenset({STAFF, HEAD}), frozenset({"lead_unit"}), style="secondary",
                   todo_roles=frozenset({STAFF})),
        Transition("submit", ("drafting",), "awaiting_head", "Trình lãnh đạo đơn vị",
                   frozenset({STAFF}), frozenset({"lead_unit"}), guards=(has_draft,)),
        Transition("send", ("awaiting_head",), "submitted", "Duyệt và gửi Công an tỉnh",
                   frozenset({HEAD}), frozenset({"lead_unit"}), guards=(not_own_submission,)),
        Transition("return_to_staff", ("awaiting_head",), "drafting", "Trả lại chuyên viên",
                   frozenset({HEAD}), frozenset({"lead_unit"}), needs_reason=True, style="danger"),
        Transition("start_review", ("submitted",), "under_review", "Tiếp nhận thẩm định",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}), style="secondary"),
        Transition("return_to_unit", ("submitted", "under_review"), "drafting", "Trả lại đơn vị",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}), needs_reason=True,
                   style="danger"),
        Transition("approve", ("under_review",), "approved", "Phê duyệt",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}),
                   guards=(not_own_submission,), style="success"),
        Transition("reopen", ("approved",), "drafting", "Sửa nội dung đã duyệt",
                   frozenset({STAFF, HEAD}), frozenset({"lead_unit"}), needs_reason=True,
                   style="secondary", todo_roles=frozenset()),
        Transition("cancel", ACTIVE, "cancelled", "Hủy nhiệm vụ",
                   frozenset({ADMIN}), needs_reason=True, style="danger"),
    ),
)

not_own_submission.label = "Không ai tự duyệt nội dung do chính mình trình."
has_draft.label = "Phải có nội dung thực hiện trước khi trình."
