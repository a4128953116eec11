"""What waits for a user, and what is overdue or due soon, grouped by plan."""
from __future__ import annotations

from collections import OrderedDict
from datetime import date, timedelta

from sqlalchemy import and_, false, or_

from workflows import TASK

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from ..reports.services import dashboard_reports
from ..tasks.models import Task, TaskUnit
from ..tasks.services import task_query

LIMIT = 200


def _lead_of(unit_id: int):
    return Task.id.in_(db.select(TaskUnit.task_id).where(
        TaskUnit.unit_id == unit_id, TaskUnit.role == "lead"))


def awaiting_condition(user):
    """SQL condition for tasks where `user` can fire a transition now, read off the workflow."""
    clauses = []
    for t in TASK.transitions:
        if not (user.roles & t.waits_for) or not t.relations:
            continue  # admin-only moves (cancel) are not waiting for anyone
        in_state = Task.state.in_(t.source)
        if "lead_unit" in t.relations:
            clauses.append(and_(in_state, _lead_of(user.unit_id)))
        elif "standing_agency" in t.relations and user.unit.is_standing_agency:
            clauses.append(in_state)
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


def _group_by_plan(tasks) -> "OrderedDict[Plan, list[Task]]":
    plan_ids = {t.plan_id for t in tasks}
    plans = {p.id: p for p in db.session.scalars(db.select(Plan).where(Plan.id.in_(plan_ids)))}
    groups: OrderedDict = OrderedDict()
    for task in tasks:
        groups.setdefault(plans[task.plan_id], []).append(task)
    return groups


def my_work(user, today: date | None = None, soon_days: int = 7) -> dict:
    """Tasks awaiting `user`, and their unit's (or, for Công an tỉnh, all) tasks near due."""
    today = today or today_vn()
    soon = today + timedelta(days=soon_days)
    awaiting = db.session.scalars(
        task_query().where(awaiting_condition(user))
        .order_by(Task.plan_id, Task.position).limit(LIMIT)).all()
    scope = deadline_condition(today, soon)
    if not user.sees_all_units:
        scope = and_(scope, Task.id.in_(
            db.select(TaskUnit.task_id).where(TaskUnit.unit_id == user.unit_id)))
    near = db.session.scalars(
        task_query().where(scope).order_by(Task.plan_id, Task.position).limit(LIMIT)).all()
    return {
        "awaiting": _group_by_plan(awaiting),
        "near": _group_by_plan(near),
        "awaiting_count": len(awaiting),
        "near_count": len(near),
        "today": today,
        "reports": dashboard_reports(user, today, soon_days),
    }


def review_queue(unit_id: int | None = None):
    """Tasks submitted to or under review by Công an tỉnh, oldest first."""
    query = task_query().where(Task.state.in_(("submitted", "under_review")))
    if unit_id:
        query = query.where(Task.id.in_(
            db.select(TaskUnit.task_id).where(TaskUnit.unit_id == unit_id)))
    tasks = db.session.scalars(query.order_by(Task.updated_at, Task.id).limit(500)).all()
    return _group_by_plan(tasks)
