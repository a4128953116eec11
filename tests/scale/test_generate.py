"""gen-data at 1/20 of a province, on SQLite and PostgreSQL: counts, determinism, consistency, pages."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, func, inspect, select

from intranet import create_app
from intranet.auth.models import ROLES, User, UserRole
from intranet.audit.models import AuditEvent
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.scale.generate import GenerationError, generate, volume_for
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit
from workflows import TASK

from ..conftest import Auth

SMALL = 1 / 20


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _dump() -> dict:
    """Every row of every generated table, by id (not the data generation counter)."""
    return {t.name: db.session.execute(select(t).order_by(*(t.primary_key.columns or t.columns))).all()
            for t in db.metadata.sorted_tables if t.name != "data_generation"}


def _wipe() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.commit()


def _generated(app, **kwargs) -> dict:
    with app.app_context():
        counts = generate(factor=kwargs.pop("factor", SMALL), **kwargs)
        db.session.commit()
    return counts


def test_counts_match_the_requested_volume(make_app):
    app = make_app()
    counts = _generated(app)
    volume = volume_for(SMALL)
    assert (volume.units, volume.users, volume.plans, volume.tasks, volume.audit) == (12, 50, 2, 500, 10_000)
    with app.app_context():
        assert _count(OrgUnit) == counts["org_unit"] == volume.units
        assert _count(User) == counts["user"] == volume.users
        assert _count(Plan) == volume.plans
        assert _count(Task) == counts["task"] == volume.tasks
        assert _count(AuditEvent) == counts["audit_event"] == volume.audit
        assert set(db.session.scalars(select(UserRole.role).distinct())) == set(ROLES)
        assert _count(OrgUnit) and db.session.scalar(
            select(func.count()).where(OrgUnit.kind == "standing_agency")) == 1
        assert db.session.scalar(select(User.username).order_by(User.id)) == "u0001"


def test_same_seed_gives_the_same_rows_and_another_seed_does_not(make_app):
    app = make_app()
    _generated(app, seed=7)
    with app.app_context():
        first = _dump()
        _wipe()
    _generated(app, seed=7)
    with app.app_context():
        assert _dump() == first
        _wipe()
    _generated(app, seed=8)
    with app.app_context():
        other = _dump()
        assert other["task"] != first["task"] and other["audit_event"] != first["audit_event"]
        _wipe()
    _generated(app, seed=7, multiplier=3)
    with app.app_context():
        bigger = _dump()
    # More tasks, same units, accounts and plans: the benchmark compares the same pages at 1x and 10x.
    assert len(bigger["task"]) == 3 * len(first["task"])
    for table in ("org_unit", "user", "user_role", "plan"):
        assert bigger[table] == first[table]


def test_every_task_has_a_lead_and_its_history_leads_to_its_state(make_app):
    app = make_app()
    _generated(app)
    with app.app_context():
        leads = select(TaskUnit.task_id).where(TaskUnit.role == "lead")
        assert db.session.scalar(select(func.count()).where(Task.id.not_in(leads))) == 0
        tasks = {t.id: t for t in db.session.scalars(select(Task))}
        state = dict.fromkeys(tasks, "assigned")
        for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            assert event.entity_type == "task" and event.entity_id in tasks
            if event.from_state is None:
                assert event.action == "edit_draft" and state[event.entity_id] in ("assigned", "drafting")
                continue
            assert event.from_state == state[event.entity_id], event.action
            move = TASK.transition(event.action, event.from_state)
            assert move is not None and move.dest == event.to_state
            assert event.reason or not move.needs_reason
            state[event.entity_id] = event.to_state
        assert state == {task_id: task.state for task_id, task in tasks.items()}
        for task in tasks.values():
            if task.state == "approved":
                assert task.completed_at and task.draft and task.submitted_by_id and task.sent_by_id
            if task.state in ("awaiting_head", "submitted", "under_review"):
                assert task.draft and task.submitted_by_id


def test_a_realistic_mix_of_states_and_deadlines(make_app):
    app = make_app()
    _generated(app)
    with app.app_context():
        states = dict(db.session.execute(select(Task.state, func.count()).group_by(Task.state)).all())
        assert set(states) == {s.name for s in TASK.states}
        yearly = db.session.scalar(select(func.count()).where(
            Task.recurrence == "yearly", Task.recurrence_month == 12, Task.recurrence_day == 5))
        dated = db.session.scalar(select(func.count()).where(Task.due_on.is_not(None)))
        from intranet.scale.generate import AS_OF
        overdue = db.session.scalar(select(func.count()).where(
            Task.due_on < AS_OF, Task.state.not_in(("approved", "cancelled"))))
        assert yearly > 100 and dated > 100 and overdue > 10
        assert db.session.scalar(select(func.count()).where(TaskUnit.role == "coordinating")) > 100


def test_main_pages_answer_for_generated_accounts(make_app):
    app = make_app()
    _generated(app)
    with app.app_context():
        reviewer = db.session.scalar(select(User.username).join(UserRole).where(UserRole.role == "reviewer"))
        lead = db.session.execute(
            select(Task.id.label("task_id"), TaskUnit.unit_id).join(TaskUnit).where(
                Task.state == "drafting", Task.draft.is_not(None), TaskUnit.role == "lead")
            .order_by(Task.id)).first()
        staff = db.session.scalar(select(User.username).join(UserRole).where(
            UserRole.role == "staff", User.unit_id == lead.unit_id))
        plan_id = db.session.scalar(select(Task.plan_id).group_by(Task.plan_id)
                                    .order_by(func.count().desc(), Task.plan_id))
    client = app.test_client()
    auth = Auth(client)
    for username in (reviewer, staff):
        assert auth.login(username).status_code == 302
        for path in ("/", "/ke-hoach/", f"/ke-hoach/{plan_id}", f"/ke-hoach/{plan_id}?state=drafting",
                     f"/nhiem-vu/{lead.task_id}"):
            response = client.get(path)
            assert response.status_code == 200, (username, path)
            assert "Lỗi" not in response.get_data(as_text=True)[:2000]
        assert client.get("/tham-dinh").status_code == (200 if username == reviewer else 403)
    # An ORM insert after the bulk insert: PostgreSQL's id sequences were moved past the generated ids.
    assert auth.post(f"/nhiem-vu/{lead.task_id}/chuyen/submit").status_code == 302
    with app.app_context():
        assert db.session.get(Task, lead.task_id).state == "awaiting_head"


def test_demo_accounts_are_kept_and_a_second_run_is_refused(make_app):
    from intranet.demo.loader import load_units, load_users

    app = make_app()
    with app.app_context():
        load_users(load_units())
        db.session.commit()
        before = db.session.execute(select(User.__table__).order_by(User.id)).all()
    counts = _generated(app)
    with app.app_context():
        after = db.session.execute(select(User.__table__).where(User.id <= before[-1].id).order_by(User.id)).all()
        assert after == before
        assert _count(User) == len(before) + counts["user"]
        with pytest.raises(GenerationError):
            generate(factor=SMALL)
        db.session.rollback()


def test_nation_prefixes_codes_and_usernames_per_province(make_app):
    app = make_app()
    counts = _generated(app, scale="nation", provinces=2, tasks=40, audit=400, comments=20)
    with app.app_context():
        assert counts["task"] == 80 and counts["audit_event"] == 800
        names = set(db.session.scalars(select(User.username).where(User.username.like("p0%-u0001"))))
        assert names == {"p01-u0001", "p02-u0001"}
        agencies = db.session.execute(select(OrgUnit.code, OrgUnit.name).where(
            OrgUnit.kind == "standing_agency").order_by(OrgUnit.code)).all()
        assert [tuple(a) for a in agencies] == [("p01-dv001", "Công an thành phố Hà Nội"),
                                                ("p02-dv001", "Công an thành phố Huế")]
        # Every task's units belong to the province of its plan.
        crossing = db.session.scalar(
            select(func.count()).select_from(TaskUnit).join(Task).join(Plan).join(
                OrgUnit, OrgUnit.id == TaskUnit.unit_id).where(OrgUnit.province != Plan.place))
        assert crossing == 0


def test_gen_data_command_prints_counts(make_app):
    app = make_app()
    result = app.test_cli_runner().invoke(args=[
        "gen-data", "--factor", "1/20", "--tasks", "60", "--audit", "600", "--comments", "30"])
    assert result.exit_code == 0, result.output
    assert "60 nhiệm vụ" in result.output and "600 sự kiện nhật ký" in result.output
    assert "giây" in result.output
    again = app.test_cli_runner().invoke(args=["gen-data", "--factor", "1/20"])
    assert again.exit_code != 0 and "đã có" in again.output


@pytest.fixture
def empty_database_url(backend, tmp_path, request):
    """A database with no tables at all, as before `flask db upgrade`."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    cluster = request.getfixturevalue("pg_cluster")
    yield cluster.create_database("intranet_empty")
    cluster.drop_database("intranet_empty")


def test_gen_data_on_a_database_without_tables_says_what_to_run(empty_database_url, tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=empty_database_url, INSTANCE_DIR=str(tmp_path / "i"))
    result = app.test_cli_runner().invoke(args=["gen-data", "--factor", "1/20"])
    with app.app_context():
        tables = inspect(db.engine).get_table_names()
        db.engine.dispose()
    assert result.exit_code != 0 and "chưa có bảng" in result.output and "db upgrade" in result.output
    assert "Traceback" not in result.output and tables == []
