"""SQL conditions on tasks, shared by my work, the review queue and the plan's task table."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, false, or_

from workflows import TASK

from ..extensions import db
from ..formatting import today_vn
from .models import Task, TaskUnit

SOON_DAYS = 7
IN_REVIEW = ("submitted", "under_review")

# Quick views of a plan's task table (?viec=…), also the targets of "Xem tất cả" links.
VIEWS = {
    "cho-toi": "Chờ tôi xử lý",
    "han": "Quá hạn và sắp đến hạn",
    "tham-dinh": "Chờ Công an tỉnh thẩm định",
}


def on_unit(unit_id: int, *roles: str):
    """Tasks `unit_id` is on (in one of `roles`, any role when none given)."""
    sub = db.select(TaskUnit.task_id).where(TaskUnit.unit_id == unit_id)
    if roles:
        sub = sub.where(TaskUnit.role.in_(roles))
    return Task.id.in_(sub)


def awaiting_condition(user):
    """SQL condition for tasks where `user` can fire a transition now, read off the workflow.

    The states waiting for the user's unit as lead share one test of the unit: PostgreSQL plans
    `state IN (…) AND id IN (the unit's tasks)` as a lookup of those tasks, but an OR of one such
    pair per state as a scan of every task in those states (87 ms at national scale).
    """
    as_lead, as_standing_agency = {}, {}  # states, in the workflow's order
    for t in TASK.transitions:
        if not (user.roles & t.waits_for) or not t.relations:
            continue  # admin-only moves (cancel) are not waiting for anyone
        if "lead_unit" in t.relations:
            as_lead.update(dict.fromkeys(t.source))
        elif "standing_agency" in t.relations and user.unit.is_standing_agency:
            as_standing_agency.update(dict.fromkeys(t.source))
    clauses = []
    if as_lead:
        clauses.append(and_(Task.state.in_(as_lead), on_unit(user.unit_id, "lead")))
    if as_standing_agency:
        clauses.append(Task.state.in_(as_standing_agency))
    return or_(*clauses) if clauses else false()


def deadline_condition(today: date, soon: date):
    """SQL condition for open tasks due by `soon` this cycle (dated or yearly)."""
    today_key, soon_key = today.month * 100 + today.day, soon.month * 100 + soon.day
    if soon.year > today.year:
        soon_key = 1231
    yearly_key = Task.recurrence_month * 100 + Task.recurrence_day
    return and_(
        Task.state.notin_(("approved", "cancelled")),
        or_(Task.due_on <= soon,
            and_(Task.due_on.is_(None), Task.recurrence == "yearly",
                 Task.recurrence_day.is_not(None), yearly_key <= soon_key)),
    )


def view_condition(view: str | None, user, today: date | None = None):
    """The condition of one of VIEWS for `user`; None for no view."""
    if view == "cho-toi":
        return awaiting_condition(user)
    if view == "han":
        today = today or today_vn()
        return deadline_condition(today, today + timedelta(days=SOON_DAYS))
    if view == "tham-dinh":
        return Task.state.in_(IN_REVIEW)
    return None


def plan_condition(plan_id: int, *, unit_id: int | None = None, state: str | None = None,
                   view: str | None = None, user=None, today: date | None = None):
    """Tasks of one plan, optionally one unit's (any role), one state and one of VIEWS."""
    clauses = [Task.plan_id == plan_id]
    if unit_id:
        clauses.append(on_unit(unit_id))
    if state:
        clauses.append(Task.state == state)
    if view and (extra := view_condition(view, user, today)) is not None:
        clauses.append(extra)
    return and_(*clauses)
