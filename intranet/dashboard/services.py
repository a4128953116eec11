"""What waits for a user, and what is overdue or due soon, grouped by plan."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, bindparam
from sqlalchemy.orm import load_only

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from ..tasks.models import Task
from ..tasks.queries import (IN_REVIEW, SOON_DAYS, awaiting_condition,  # noqa: F401 (re-exported)
                             deadline_condition, on_unit)
from ..tasks.rows import PlanGroup, Section, grouped_rows, grouped_sections

# A page lists what a person can act on: a few rows per plan, and a link to the rest.
PER_PLAN = 5
MAX_PLANS = 10


# The header of each plan a list shows, for a list of ids: built once (see tasks.rows._UNITS_OF_IDS).
_PLANS_OF_IDS = db.select(Plan).where(Plan.id.in_(bindparam("ids", expanding=True))).options(
    load_only(Plan.id, Plan.number, Plan.symbol, Plan.doc_type, Plan.title, Plan.issued_on))


def _with_plans(sections: list[list[tuple]]) -> list[list[PlanGroup]]:
    """Turn (plan_id, rows, total) into PlanGroups, loading every section's plans in one statement."""
    plan_ids = {group[0] for section in sections for group in section}
    plans = {}
    if plan_ids:
        plans = {p.id: p for p in db.session.scalars(_PLANS_OF_IDS, {"ids": list(plan_ids)})}
    return [[PlanGroup(plans[pid], rows, total) for pid, rows, total in section] for section in sections]


def my_tasks(user, today: date | None = None, soon_days: int = SOON_DAYS) -> dict:
    """Tasks awaiting `user`, and their unit's (or, for Công an tỉnh, all) tasks near due."""
    today = today or today_vn()
    soon = today + timedelta(days=soon_days)
    scope = deadline_condition(today, soon)
    if not user.sees_all_units:
        scope = and_(scope, on_unit(user.unit_id))
    (awaiting, awaiting_count), (near, near_count) = grouped_sections(
        [Section(awaiting_condition(user), (Task.position,)), Section(scope, (Task.position,))],
        per_group=PER_PLAN, max_groups=MAX_PLANS, today=today)
    awaiting, near = _with_plans([awaiting, near])
    return {
        "awaiting": awaiting,
        "near": near,
        "awaiting_count": awaiting_count,
        "near_count": near_count,
        "near_unit": None if user.sees_all_units else user.unit_id,
    }


def review_queue(unit_id: int | None = None) -> tuple[list[PlanGroup], int]:
    """Tasks submitted to or under review by Công an tỉnh, oldest first, a few per plan."""
    condition = Task.state.in_(IN_REVIEW)
    if unit_id:
        condition = and_(condition, on_unit(unit_id))
    groups, total = grouped_rows(condition, (Task.updated_at, Task.id), group_first=Task.updated_at,
                                 per_group=PER_PLAN, max_groups=MAX_PLANS)
    return _with_plans([groups])[0], total
