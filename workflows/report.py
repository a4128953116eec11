"""The unit report workflow for one period: drafted, approved by the head, reviewed."""
from __future__ import annotations

from .engine import State, Transition, Workflow
from .task import ADMIN, HEAD, REVIEWER, STAFF, not_own_submission


def results_complete(actor, facts: dict) -> str | None:
    """Every lead task needs a status and a result before the head approves the report."""
    missing = facts.get("missing_results", 0)
    if missing:
        return f"Còn {missing} nhiệm vụ chưa có kết quả hoặc trạng thái thực hiện."
    return None


UNIT_REPORT = Workflow(
    name="unit_report",
    title="Quy trình báo cáo của đơn vị",
    states=(
        State("draft", "Đang soạn", "info"),
        State("unit_approved", "Lãnh đạo đơn vị đã duyệt", "warning"),
        State("submitted", "Đã gửi Công an tỉnh", "primary"),
        State("under_review", "Đang thẩm định", "purple"),
        State("accepted", "Đã tiếp nhận", "success", final=True),
        State("returned", "Bị trả lại", "danger"),
    ),
    initial="draft",
    transitions=(
        Transition("approve_unit", ("draft", "returned"), "unit_approved", "Lãnh đạo đơn vị duyệt",
                   frozenset({HEAD}), frozenset({"own_unit"}), guards=(results_complete,)),
        Transition("send_back", ("unit_approved",), "draft", "Trả lại chuyên viên",
                   frozenset({HEAD}), frozenset({"own_unit"}), needs_reason=True, style="danger"),
        Transition("submit", ("unit_approved",), "submitted", "Gửi Công an tỉnh",
                   frozenset({HEAD}), frozenset({"own_unit"})),
        Transition("start_review", ("submitted",), "under_review", "Tiếp nhận thẩm định",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}), style="secondary"),
        Transition("accept", ("under_review",), "accepted", "Tiếp nhận báo cáo",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}),
                   guards=(not_own_submission,), style="success"),
        Transition("return_report", ("submitted", "under_review"), "returned", "Trả lại đơn vị",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}), needs_reason=True,
                   style="danger"),
        Transition("reopen", ("submitted", "under_review", "accepted"), "draft", "Mở lại báo cáo",
                   frozenset({ADMIN, REVIEWER}), needs_reason=True, style="secondary"),
    ),
)

results_complete.label = "Mọi nhiệm vụ chủ trì phải có kết quả và trạng thái trước khi duyệt."

# Staff edit the draft; editing is not a transition, so STAFF appears only in permissions.
EDITORS = frozenset({STAFF, HEAD})
