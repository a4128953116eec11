"""Deadline status of tasks: on time, due soon, overdue, done on time, done late."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..formatting import to_vn, today_vn, vn_date


@dataclass(frozen=True)
class DeadlineStatus:
    """A deadline status with its Vietnamese label and badge colour."""

    key: str
    label: str
    colour: str


NONE = DeadlineStatus("none", "Không thời hạn", "light")
ON_TIME = DeadlineStatus("on_time", "Trong hạn", "success")
DUE_SOON = DeadlineStatus("due_soon", "Sắp đến hạn", "warning")
OVERDUE = DeadlineStatus("overdue", "Quá hạn", "danger")
DONE_ON_TIME = DeadlineStatus("done_on_time", "Hoàn thành đúng hạn", "success")
DONE_LATE = DeadlineStatus("done_late", "Hoàn thành trễ hạn", "secondary")
STATUSES = {s.key: s for s in (NONE, ON_TIME, DUE_SOON, OVERDUE, DONE_ON_TIME, DONE_LATE)}


def current_due(task, today: date | None = None) -> date | None:
    """The date the task is due in the current cycle (a yearly task: this year's date)."""
    if task.due_on:
        return task.due_on
    if task.recurrence == "yearly" and task.recurrence_month:
        today = today or today_vn()
        return date(today.year, task.recurrence_month, task.recurrence_day or 1)
    return None


def deadline_status(task, today: date | None = None, soon_days: int = 7) -> DeadlineStatus:
    """Classify the task against its current due date."""
    today = today or today_vn()
    due = current_due(task, today)
    if due is None:
        return NONE
    if task.state == "approved" and task.completed_at:
        return DONE_ON_TIME if to_vn(task.completed_at).date() <= due else DONE_LATE
    if task.state == "cancelled":
        return NONE
    if today > due:
        return OVERDUE
    if due - today <= timedelta(days=soon_days):
        return DUE_SOON
    return ON_TIME


def deadline_label(task) -> str:
    """Human text of the task's deadline: '05/05/2024' or 'Hằng năm, trước 05/12'."""
    if task.due_on:
        return vn_date(task.due_on)
    if task.recurrence == "yearly":
        if task.recurrence_month:
            return f"Hằng năm, trước ngày {task.recurrence_day or 1:02d}/{task.recurrence_month:02d}"
        return "Hằng năm"
    return "Không thời hạn"
