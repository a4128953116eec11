"""Unit lookups."""
from __future__ import annotations

from ..extensions import db
from ..tasks.models import TaskUnit
from .models import OrgUnit


def units_with_tasks(plan_id: int | None = None) -> list[OrgUnit]:
    """Units that appear on any task (of one plan when given), by name."""
    from ..tasks.models import Task

    sub = db.select(TaskUnit.unit_id).distinct()
    if plan_id:
        sub = sub.join(Task, Task.id == TaskUnit.task_id).where(Task.plan_id == plan_id)
    # A join on the distinct ids, not `IN (…)`: PostgreSQL turns the latter into a semi-join that
    # walks every unit's task rows (0.3 s on a plan of 3,000 tasks).
    sub = sub.subquery()
    return db.session.scalars(
        db.select(OrgUnit).join(sub, sub.c.unit_id == OrgUnit.id).order_by(OrgUnit.name)).all()


def standing_agency() -> OrgUnit | None:
    """The province's standing agency (Công an tỉnh)."""
    return db.session.scalar(db.select(OrgUnit).where(OrgUnit.kind == "standing_agency"))
