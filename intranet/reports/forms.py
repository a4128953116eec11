"""Reading the reporting forms: the period opening form and upload limits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..errors import ValidationError
from .models import PERIOD_KINDS

COUNTS_ONLY_HELP = ("Chỉ nhập số liệu tổng hợp (số lượng, tỷ lệ). Không nhập họ tên, địa chỉ hay "
                    "thông tin nhận dạng của thanh, thiếu niên (Nghị định 13/2023/NĐ-CP).")


@dataclass(frozen=True)
class PeriodForm:
    """What the opening form asks: kind, year, and for ad hoc requests a due date and a subject."""

    kind: str
    year: int | None
    due_on: date | None
    title: str | None

    @classmethod
    def read(cls, form) -> PeriodForm:
        """Parse and check the posted form."""
        kind = (form.get("kind") or "").strip()
        if kind not in PERIOD_KINDS:
            raise ValidationError("Vui lòng chọn loại kỳ báo cáo.")
        year = None
        if kind not in ("midterm", "final"):
            try:
                year = int((form.get("year") or "").strip())
            except ValueError:
                raise ValidationError("Vui lòng nhập năm báo cáo (ví dụ 2025).") from None
        due_on = None
        if (form.get("due_on") or "").strip():
            try:
                due_on = date.fromisoformat(form["due_on"].strip())
            except ValueError:
                raise ValidationError("Hạn gửi không hợp lệ.") from None
        if kind == "ad_hoc" and due_on is None:
            raise ValidationError("Báo cáo đột xuất cần có hạn gửi.")
        if kind == "ad_hoc" and year is None and due_on:
            year = due_on.year
        return cls(kind, year, due_on if kind == "ad_hoc" else None, (form.get("title") or "").strip() or None)
