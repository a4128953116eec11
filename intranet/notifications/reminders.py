"""Who must act on what is due: tasks and unit reports due within N days or overdue.

Each item yields (user, kind, key, title, body, url) candidates; `services.remind` stores the
ones not yet sent today. Everything is read in a fixed number of statements.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for

from workflows import TASK

from ..auth.models import User
from ..dashboard.services import deadline_condition
from ..extensions import db
from ..formatting import vn_date
from ..plans.models import Plan
from ..tasks.deadlines import DUE_SOON, OVERDUE, current_due, deadline_status
from ..tasks.models import Task
from ..tasks.services import task_query

# Task state -> (roles of the lead unit who must act | "reviewer", what they must do)
TASK_ACTIONS = {
    "assigned": (("staff", "unit_head"), "Đơn vị cần soạn nội dung thực hiện và trình lãnh đạo đơn vị."),
    "drafting": (("staff", "unit_head"), "Đơn vị cần hoàn thiện nội dung thực hiện và trình lãnh đạo đơn vị."),
    "awaiting_head": (("unit_head",), "Nội dung đang chờ lãnh đạo đơn vị duyệt và gửi Công an tỉnh."),
    "submitted": ("reviewer", "Nội dung đã gửi Công an tỉnh, đang chờ tiếp nhận thẩm định."),
    "under_review": ("reviewer", "Nội dung đang chờ Công an tỉnh thẩm định, phê duyệt."),
}
REPORT_ACTIONS = {
    "draft": (("staff", "unit_head"), "Đơn vị cần hoàn thiện báo cáo và trình lãnh đạo đơn vị."),
    "returned": (("staff", "unit_head"), "Báo cáo bị trả lại: đơn vị cần chỉnh sửa và gửi lại."),
    "unit_approved": (("unit_head",), "Báo cáo đã được duyệt, cần gửi Công an tỉnh."),
}


@dataclass(frozen=True)
class Candidate:
    """A reminder one user should get today."""

    user: User
    kind: str
    key: str
    title: str
    body: str
    url: str | None


class Directory:
    """Active users by unit and role, and Công an tỉnh's reviewers: read once per run."""

    def __init__(self):
        users = db.session.scalars(db.select(User).where(User.is_active_account)).all()
        self.by_unit: dict[int, dict[str, list[User]]] = defaultdict(lambda: defaultdict(list))
        self.reviewers: list[User] = []
        for user in users:
            for role in user.roles:
                self.by_unit[user.unit_id][role].append(user)
            if user.has_role("reviewer") and user.unit.is_standing_agency:
                self.reviewers.append(user)

    def people(self, who, unit_ids) -> list[User]:
        """The users who must act: the reviewers, or the given roles in the given units."""
        if who == "reviewer":
            return list(self.reviewers)
        found = {}
        for unit_id in unit_ids:
            for role in who:
                for user in self.by_unit[unit_id][role]:
                    found[user.id] = user
        return list(found.values())


def _when(status, due: date, today: date) -> str:
    if status is OVERDUE:
        return f"Quá hạn {(today - due).days} ngày (hạn {vn_date(due)})"
    days = (due - today).days
    return f"Đến hạn hôm nay ({vn_date(due)})" if days == 0 else f"Còn {days} ngày (hạn {vn_date(due)})"


def task_candidates(today: date, soon_days: int, directory: Directory):
    """Tasks awaiting action that are overdue or due within `soon_days`, for the people who act."""
    soon = today + timedelta(days=soon_days)
    tasks = db.session.scalars(
        task_query().where(deadline_condition(today, soon), Task.state.in_(TASK_ACTIONS))
        .order_by(Task.plan_id, Task.position)).all()
    plans = {p.id: p for p in db.session.scalars(
        db.select(Plan).where(Plan.id.in_({t.plan_id for t in tasks})))} if tasks else {}
    for task in tasks:
        status = deadline_status(task, today, soon_days)
        if status not in (OVERDUE, DUE_SOON):
            continue
        who, action = TASK_ACTIONS[task.state]
        due = current_due(task, today)
        kind = "task_overdue" if status is OVERDUE else "task_due_soon"
        plan = plans[task.plan_id]
        title = f"{status.label}: Nhiệm vụ {task.position} – {plan.doc_type.capitalize()} {plan.reference}"
        text = task.text if len(task.text) <= 300 else task.text[:297].rstrip() + "…"
        body = f"{_when(status, due, today)}. {action}\n{text}\nTrạng thái: {TASK.state(task.state).label}."
        url = url_for("tasks.detail", task_id=task.id)
        for user in directory.people(who, task.unit_ids("lead")):
            yield Candidate(user, kind, f"task:{task.id}:{status.key}:{today.isoformat()}",
                            title, body, url)


def report_candidates(today: date, soon_days: int, directory: Directory):
    """Unit reports not yet sent whose period is overdue or due within `soon_days`."""
    from ..reports.models import ReportPeriod, UnitReport
    from ..reports.periods import deadline_status as report_status

    soon = today + timedelta(days=soon_days)
    reports = db.session.scalars(
        db.select(UnitReport).join(ReportPeriod, ReportPeriod.id == UnitReport.period_id)
        .where(ReportPeriod.due_on <= soon, UnitReport.state.in_(REPORT_ACTIONS))
        .order_by(ReportPeriod.due_on, UnitReport.id)).all()
    for report in reports:
        status = report_status(report, today, soon_days)
        if status.key not in ("overdue", "due_soon"):
            continue
        who, action = REPORT_ACTIONS[report.state]
        period = report.period
        kind = "report_overdue" if status.key == "overdue" else "report_due_soon"
        title = f"{status.label}: {period.name} – {period.plan.doc_type.capitalize()} {period.plan.reference}"
        due_status = OVERDUE if status.key == "overdue" else DUE_SOON
        body = f"{_when(due_status, period.due_on, today)}. {action}"
        for user in directory.people(who, [report.unit_id]):
            yield Candidate(user, kind, f"report:{report.id}:{status.key}:{today.isoformat()}",
                            title, body, report_url(report))


def report_url(report) -> str:
    """Where the unit edits and sends its report."""
    return url_for("reports.report", report_id=report.id)
