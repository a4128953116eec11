"""Estimate operations: add, edit and delete lines, send and return. They flush, never commit."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from workflows import Forbidden
from workflows.budget import BUDGET

from ..audit.services import record_event
from ..errors import ValidationError
from ..extensions import db
from ..formatting import utcnow, vn_number
from ..tasks.models import Task, TaskUnit
from ..versioning import check_version, flush_or_conflict
from .models import FUND_SOURCES, BudgetEstimate, BudgetLine
from .permissions import actor_for, can_edit_estimate, facts_for

MAX_AMOUNT = 10**13  # ten thousand billion đồng: beyond any provincial programme
MAX_CONTENT = 2_000
GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
CURRENCY = re.compile(r"(?:đồng|đ|vnđ|vnd)$", re.IGNORECASE)


def parse_amount(raw) -> int:
    """Read whole đồng as typed: '12.500.000', '12500000' or '12.500.000 đ'; refuse the rest."""
    text = CURRENCY.sub("", str(raw or "").strip()).replace(" ", "").replace("\u00a0", "")
    if not text:
        raise ValidationError("Vui lòng nhập số tiền.")
    negative = text.startswith("-")
    if not GROUPED.fullmatch(text.lstrip("-+")):
        raise ValidationError("Số tiền không hợp lệ: chỉ nhập số đồng nguyên, nhóm hàng nghìn "
                              "bằng dấu chấm, ví dụ 12.500.000.")
    value = int(text.lstrip("-+").replace(".", ""))
    if negative or value <= 0:
        raise ValidationError("Số tiền phải lớn hơn 0 đồng.")
    if value > MAX_AMOUNT:
        raise ValidationError(f"Số tiền vượt quá mức cho phép ({vn_number(MAX_AMOUNT)} đồng).")
    return value


def lead_tasks(plan_id: int, unit_id: int, year: int):
    """Tasks of the plan the unit leads that still run in `year`: (id, position, clause, text) rows."""
    return db.session.execute(
        db.select(Task.id, Task.position, Task.clause, Task.text)
        .join(TaskUnit, TaskUnit.task_id == Task.id)
        .where(Task.plan_id == plan_id, TaskUnit.unit_id == unit_id, TaskUnit.role == "lead",
               Task.state != "cancelled",
               db.or_(Task.due_on.is_(None), Task.due_on >= date(year, 1, 1)))
        .order_by(Task.position)).all()


def estimate_for(plan_id: int, unit_id: int, year: int) -> BudgetEstimate | None:
    """The unit's estimate for the plan and year, with its lines and their tasks."""
    return db.session.scalar(
        db.select(BudgetEstimate)
        .where(BudgetEstimate.plan_id == plan_id, BudgetEstimate.unit_id == unit_id,
               BudgetEstimate.year == year)
        .options(selectinload(BudgetEstimate.lines).joinedload(BudgetLine.task)))


def _validated(form, plan_id: int, unit_id: int, year: int) -> dict:
    """Check one line as typed; raise a Vietnamese ValidationError on the first problem."""
    try:
        task_id = int(form.get("task_id") or "")
    except ValueError:
        raise ValidationError("Vui lòng chọn nhiệm vụ.") from None
    if task_id not in {row.id for row in lead_tasks(plan_id, unit_id, year)}:
        raise ValidationError(f"Nhiệm vụ đã chọn không thuộc các nhiệm vụ đơn vị chủ trì "
                              f"trong năm {year} của kế hoạch này.")
    content = " ".join((form.get("content") or "").split())
    if not content:
        raise ValidationError("Vui lòng nhập nội dung chi.")
    if len(content) > MAX_CONTENT:
        raise ValidationError("Nội dung chi quá dài (tối đa 2.000 ký tự).")
    amount = parse_amount(form.get("amount"))
    source = form.get("source") or ""
    if source not in FUND_SOURCES:
        raise ValidationError("Vui lòng chọn nguồn kinh phí: " + ", ".join(FUND_SOURCES.values()) + ".")
    return {"task_id": task_id, "content": content, "amount": amount, "source": source}


def _get_or_create(plan_id: int, unit_id: int, year: int) -> BudgetEstimate:
    estimate = estimate_for(plan_id, unit_id, year)
    if estimate is not None:
        return estimate
    try:
        with db.session.begin_nested():
            estimate = BudgetEstimate(plan_id=plan_id, unit_id=unit_id, year=year)
            db.session.add(estimate)
    except IntegrityError:  # a colleague created it a moment ago
        estimate = estimate_for(plan_id, unit_id, year)
    return estimate


def add_line(plan_id: int, unit_id: int, year: int, user, form) -> BudgetLine:
    """Add a line to the unit's estimate, creating the estimate with its first line."""
    existing = estimate_for(plan_id, unit_id, year)
    if not can_edit_estimate(user, unit_id, year, existing):
        raise Forbidden("Bạn không thể sửa dự toán này ở trạng thái hiện tại.")
    values = _validated(form, plan_id, unit_id, year)
    estimate = existing or _get_or_create(plan_id, unit_id, year)
    check_version(estimate, form.get("version") if existing else None)
    line = BudgetLine(created_by_id=user.id, **values)
    estimate.lines.append(line)
    estimate.updated_at = utcnow()
    record_event("budget_estimate", estimate.id, "add_line", "Thêm dòng dự toán", user)
    flush_or_conflict()
    return line


def update_line(line: BudgetLine, user, form) -> BudgetLine:
    """Change a line of an estimate still being drafted."""
    estimate = line.estimate
    if not can_edit_estimate(user, estimate.unit_id, estimate.year, estimate):
        raise Forbidden("Bạn không thể sửa dự toán này ở trạng thái hiện tại.")
    check_version(estimate, form.get("version"))
    values = _validated(form, estimate.plan_id, estimate.unit_id, estimate.year)
    for key, value in values.items():
        setattr(line, key, value)
    estimate.updated_at = utcnow()
    record_event("budget_estimate", estimate.id, "edit_line", "Sửa dòng dự toán", user)
    flush_or_conflict()
    return line


def delete_line(line: BudgetLine, user, *, expected_version=None) -> BudgetEstimate:
    """Remove a line of an estimate still being drafted."""
    estimate = line.estimate
    if not can_edit_estimate(user, estimate.unit_id, estimate.year, estimate):
        raise Forbidden("Bạn không thể sửa dự toán này ở trạng thái hiện tại.")
    check_version(estimate, expected_version)
    estimate.lines.remove(line)
    estimate.updated_at = utcnow()
    record_event("budget_estimate", estimate.id, "delete_line", "Xóa dòng dự toán", user)
    flush_or_conflict()
    return estimate


def fire_estimate_transition(estimate: BudgetEstimate, trigger: str, user, *,
                             reason: str | None = None, expected_version=None) -> BudgetEstimate:
    """Send, withdraw or return an estimate, with its audit event."""
    check_version(estimate, expected_version)
    reason = (reason or "").strip()[:2000] or None
    before = estimate.state
    after = BUDGET.fire(trigger, before, actor_for(user, estimate), reason=reason,
                        facts=facts_for(estimate))
    estimate.state = after
    if trigger == "submit":
        estimate.submitted_at, estimate.submitted_by_id = utcnow(), user.id
        estimate.return_reason = None
    elif trigger == "return_estimate":
        estimate.return_reason = reason
    record_event("budget_estimate", estimate.id, trigger, BUDGET.transition(trigger, before).label,
                 user, from_state=before, to_state=after, reason=reason)
    flush_or_conflict()
    return estimate
