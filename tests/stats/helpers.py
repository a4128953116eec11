"""Moving demo tasks through the workflow for figures, reminders and budget tests."""
from __future__ import annotations

from datetime import datetime

from intranet.auth.models import User
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.tasks import services
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit

PATH = {  # state -> the moves that reach it from "assigned", each with who makes it
    "drafting": [("draft", "chuyenvien")],
    "awaiting_head": [("draft", "chuyenvien"), ("submit", "chuyenvien")],
    "submitted": [("draft", "chuyenvien"), ("submit", "chuyenvien"), ("send", "lanhdao")],
    "under_review": [("draft", "chuyenvien"), ("submit", "chuyenvien"), ("send", "lanhdao"),
                     ("start_review", "ca.thuongtruc")],
    "approved": [("draft", "chuyenvien"), ("submit", "chuyenvien"), ("send", "lanhdao"),
                 ("start_review", "ca.thuongtruc"), ("approve", "ca.thuongtruc")],
    "cancelled": [("cancel", "admin")],
}


def user(username: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == username))


def plan_112() -> Plan:
    return db.session.scalar(db.select(Plan).where(Plan.number == "112"))


def unit(code: str) -> OrgUnit:
    return db.session.scalar(db.select(OrgUnit).where(OrgUnit.code == code))


def lead_tasks(code: str, plan: Plan | None = None) -> list[Task]:
    """The tasks a unit leads in plan 112, in plan order."""
    plan = plan or plan_112()
    return db.session.scalars(
        db.select(Task).join(TaskUnit).where(
            Task.plan_id == plan.id, TaskUnit.unit_id == unit(code).id, TaskUnit.role == "lead")
        .order_by(Task.position)).all()


def move(task: Task, state: str, code: str, *, completed_at: datetime | None = None) -> Task:
    """Move `task` (led by unit `code`) to `state` the way people would, through the services."""
    for trigger, who in PATH[state]:
        actor = user(who if "." in who or who == "admin" else f"{code}.{who}")
        if trigger == "draft":
            services.save_draft(task, actor, "Đã tổ chức 12 buổi tuyên truyền cho 3.400 học sinh.")
        else:
            services.fire_transition(task, trigger, actor, reason="Theo chỉ đạo" if trigger == "cancel" else None)
    if completed_at is not None:
        task.completed_at = completed_at
    db.session.flush()
    return task
