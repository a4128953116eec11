"""Finding demo rows in tests."""
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit


def plan_112() -> Plan:
    return db.session.scalar(db.select(Plan).where(Plan.number == "112"))


def unit(code: str) -> OrgUnit:
    return db.session.scalar(db.select(OrgUnit).where(OrgUnit.code == code))


def first_task_of(code: str, plan: Plan | None = None) -> Task:
    """The first task a unit leads in plan 112."""
    plan = plan or plan_112()
    return db.session.scalar(
        db.select(Task).join(TaskUnit).where(
            Task.plan_id == plan.id, TaskUnit.unit_id == unit(code).id, TaskUnit.role == "lead")
        .order_by(Task.position))
