"""The demo province: accounts and both seed plans with every assignment as a task."""
from collections import Counter

from intranet.auth.models import User
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit

ACCOUNTS = {
    "admin": {"admin"}, "ca.thuongtruc": {"reviewer"}, "ca.lanhdao": {"signer", "unit_head"},
    "sgd.chuyenvien": {"staff"}, "sgd.lanhdao": {"unit_head"}, "syt.chuyenvien": {"staff"},
    "syt.lanhdao": {"unit_head"}, "tinhdoan.chuyenvien": {"staff"},
    "tinhdoan.lanhdao": {"unit_head"},
}


def _lead_counts(plan) -> Counter:
    rows = db.session.execute(
        db.select(OrgUnit.code, db.func.count()).join(TaskUnit, TaskUnit.unit_id == OrgUnit.id)
        .join(Task, Task.id == TaskUnit.task_id)
        .where(Task.plan_id == plan.id, TaskUnit.role.in_(("lead", "requested")))
        .group_by(OrgUnit.code)).all()
    return Counter(dict(rows))


def test_demo_accounts_and_roles(app):
    with app.app_context():
        for username, roles in ACCOUNTS.items():
            user = db.session.scalar(db.select(User).where(User.username == username))
            assert user is not None and user.roles == roles and user.check_password("demo123")
        assert db.session.scalar(db.select(User).where(User.username == "ca.thuongtruc")).unit.kind == "standing_agency"


def test_seed_001_has_48_tasks_for_14_assignees(app):
    with app.app_context():
        plan = db.session.scalar(db.select(Plan).where(Plan.number == "112"))
        assert plan.symbol == "KH-UBND" and plan.issued_on.isoformat() == "2024-04-25"
        tasks = db.session.scalars(db.select(Task).where(Task.plan_id == plan.id)).all()
        assert len(tasks) == 48
        assert len({t.group_heading for t in tasks}) == 14
        counts = _lead_counts(plan)
        assert counts["cat"] == 10 and counts["sgd"] == 7 and counts["sldtbxh"] == 8
        assert counts["syt"] == 3 and counts["svhtt"] == 2 and counts["sdl"] == 2
        assert counts["vks"] == 2 and counts["tand"] == 2 and counts["tinhdoan"] == 4
        requested = db.session.scalars(db.select(TaskUnit).join(Task).where(
            Task.plan_id == plan.id, TaskUnit.role == "requested")).all()
        assert {r.unit.code for r in requested} == {"vks", "tand", "mttq", "ctxh"}
        project = next(t for t in tasks if t.text.startswith("Triển khai các dự án của Trung ương Đoàn"))
        assert len(project.subtasks) == 2
        assert all(t.recurrence == "yearly" and t.recurrence_month == 12 and t.recurrence_day == 5
                   for t in tasks)


def test_seed_000_is_a_joint_plan_with_its_activities(app):
    with app.app_context():
        plan = db.session.scalar(db.select(Plan).where(Plan.number.is_(None)))
        assert len(plan.issuers) == 2 and len(plan.signers) == 2
        tasks = db.session.scalars(db.select(Task).where(Task.plan_id == plan.id)).all()
        clauses = Counter(t.clause.split(".")[0] for t in tasks)
        assert clauses["III"] == 8 and clauses["II"] >= 20
        activity = next(t for t in tasks if t.clause.startswith("II."))
        assert {u.unit.code for u in activity.units if u.role == "lead"} == {"cat", "tinhdoan"}
