"""Unit lookups."""
from __future__ import annotations

from ..extensions import db
from ..tasks.models import TaskUnit
from .models import OrgUnit


def units_with_tasks(plan_id: int | None = None) -> list[OrgUnit]:
    """Units that appear on any task (of one plan when given), by name."""
    from ..tasks.models import Task

    sub = db.select(TaskUnit.unit_id)
    if plan_id:
        sub = sub.join(Task, Task.id == TaskUnit.task_id).where(Task.plan_id == plan_id)
    return db.session.scalars(
        db.select(OrgUnit).where(OrgUnit.id.in_(sub)).order_by(OrgUnit.name)).all()


def standing_agency() -> OrgUnit | None:
    """The province's standing agency (Công an tỉnh)."""
    return db.session.scalar(db.select(OrgUnit).where(OrgUnit.kind == "standing_agency"))
