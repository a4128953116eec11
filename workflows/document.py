"""The official document workflow (consolidated report, plan): reviewed, signed, issued."""
from __future__ import annotations

from .engine import State, Transition, Workflow
from .task import ADMIN, REVIEWER, SIGNER


def has_certificate(actor, facts: dict) -> str | None:
    """A signer needs a signing certificate."""
    if not facts.get("has_certificate", True):
        return "Bạn chưa có chứng thư số để ký."
    return None


DOCUMENT = Workflow(
    name="document",
    title="Quy trình ban hành văn bản",
    states=(
        State("draft", "Dự thảo", "info"),
        State("reviewed", "Đã thẩm định", "warning"),
        State("signed", "Đã ký số", "primary"),
        State("issued", "Đã phát hành", "success", final=True),
    ),
    initial="draft",
    transitions=(
        Transition("review", ("draft",), "reviewed", "Thẩm định xong, trình ký",
                   frozenset({REVIEWER}), frozenset({"standing_agency"})),
        Transition("return_draft", ("reviewed",), "draft", "Trả lại dự thảo",
                   frozenset({REVIEWER, SIGNER}), needs_reason=True, style="danger"),
        Transition("sign", ("reviewed",), "signed", "Ký số",
                   frozenset({SIGNER}), frozenset({"issuing_unit"}), guards=(has_certificate,),
                   style="success"),
        Transition("issue", ("signed",), "issued", "Phát hành",
                   frozenset({REVIEWER, SIGNER, ADMIN}), style="success"),
    ),
)

has_certificate.label = "Người ký phải có chứng thư số."
