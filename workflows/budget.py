"""The estimate workflow: a unit drafts, its head sends it, Công an tỉnh may return it."""
from __future__ import annotations

from .engine import Actor, State, Transition, Workflow
from .task import HEAD, REVIEWER


def has_lines(actor: Actor, facts: dict) -> str | None:
    """An empty estimate cannot be sent."""
    if not facts.get("lines"):
        return "Dự toán chưa có dòng kinh phí nào để gửi."
    return None


BUDGET = Workflow(
    name="budget",
    title="Quy trình dự toán kinh phí",
    states=(
        State("draft", "Đang lập", "info"),
        State("submitted", "Đã gửi Công an tỉnh", "primary"),
        State("returned", "Bị trả lại", "danger"),
    ),
    initial="draft",
    transitions=(
        Transition("submit", ("draft", "returned"), "submitted", "Duyệt và gửi Công an tỉnh",
                   frozenset({HEAD}), frozenset({"own_unit"}), guards=(has_lines,)),
        Transition("withdraw", ("submitted",), "draft", "Rút lại để chỉnh sửa",
                   frozenset({HEAD}), frozenset({"own_unit"}), style="secondary"),
        Transition("return_estimate", ("submitted",), "returned", "Trả lại đơn vị",
                   frozenset({REVIEWER}), frozenset({"standing_agency"}), needs_reason=True,
                   style="danger"),
    ),
)

EDITABLE = ("draft", "returned")
has_lines.label = "Phải có ít nhất một dòng kinh phí trước khi gửi."
