"""The dashboards' lists: a few rows per plan, the plans in order, checked against plain Python."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import and_, false, or_

from intranet.auth.models import User
from intranet.extensions import db
from intranet.tasks.models import Task
from intranet.tasks.queries import awaiting_condition, on_unit
from intranet.tasks.rows import Section, grouped_rows, grouped_sections
from workflows import TASK

STATES = ("assigned", "drafting", "submitted", "under_review", "approved")


def _shuffle_tasks(states=STATES) -> list[Task]:
    """Give the demo's tasks varied states and update times, so plans and rows sort apart."""
    rng = random.Random(7)
    tasks = db.session.scalars(db.select(Task)).all()
    start = datetime(2026, 1, 5, 8, 0)
    for task in tasks:
        task.state = rng.choice(states)
        task.updated_at = start + timedelta(minutes=rng.randrange(100_000))
    db.session.commit()
    return tasks


def _expected(tasks, keep, within, first, per_group, max_groups):
    """What the lists must hold, worked out in Python over every task."""
    matching = [t for t in tasks if keep(t)]
    by_plan: dict[int, list[Task]] = {}
    for task in matching:
        by_plan.setdefault(task.plan_id, []).append(task)
    plans = sorted(by_plan, key=lambda pid: (min(first(t) for t in by_plan[pid]), pid))[:max_groups]
    groups = [(pid, [t.id for t in sorted(by_plan[pid], key=within)[:per_group]], len(by_plan[pid]))
              for pid in plans]
    return groups, len(matching)


def _ids(result):
    groups, total = result
    return [(pid, [row.id for row in rows], count) for pid, rows, count in groups], total


@pytest.mark.parametrize("per_group,max_groups", [(3, 1), (4, 2), (50, 20)])
def test_sections_match_a_plain_computation(app, per_group, max_groups):
    with app.app_context():
        tasks = _shuffle_tasks()
        assert len({t.plan_id for t in tasks}) >= 2
        open_states, review = ("assigned", "drafting"), ("submitted", "under_review")
        results = grouped_sections([
            Section(Task.state.in_(open_states), (Task.position,)),
            Section(Task.state.in_(review), (Task.updated_at, Task.id), group_first=Task.updated_at),
            Section(false(), (Task.position,)),
        ], per_group=per_group, max_groups=max_groups)

        assert _ids(results[0]) == _expected(
            tasks, lambda t: t.state in open_states, lambda t: t.position, lambda t: t.plan_id,
            per_group, max_groups)
        assert _ids(results[1]) == _expected(
            tasks, lambda t: t.state in review, lambda t: (t.updated_at, t.id), lambda t: t.updated_at,
            per_group, max_groups)
        assert results[2] == ([], 0)


def test_each_row_carries_its_units_and_deadline(app):
    with app.app_context():
        _shuffle_tasks()
        (groups, total), = grouped_sections([Section(Task.state == "drafting", (Task.position,))],
                                            per_group=2, max_groups=5)
        rows = [row for _pid, plan_rows, _n in groups for row in plan_rows]
        assert rows and total >= len(rows)
        assert all(row.state == "drafting" and (row.leads or row.coordinating) for row in rows)
        assert all(row.deadline_text is not None for row in rows)


def test_one_section_is_grouped_rows(app):
    with app.app_context():
        _shuffle_tasks()
        condition = Task.state == "approved"
        assert _ids(grouped_rows(condition, (Task.position,), per_group=2, max_groups=1)) == _ids(
            grouped_sections([Section(condition, (Task.position,))], per_group=2, max_groups=1)[0])


def _one_clause_per_move(user):
    """What awaits `user`, written the plain way: one clause per move of the workflow."""
    clauses = [and_(Task.state.in_(t.source), on_unit(user.unit_id, "lead")) if "lead_unit" in t.relations
               else Task.state.in_(t.source)
               for t in TASK.transitions if user.roles & t.waits_for and t.relations
               and ("lead_unit" in t.relations or user.unit.is_standing_agency)]
    return or_(*clauses) if clauses else false()


@pytest.mark.parametrize("username, moves_tasks", [
    ("sgd.chuyenvien", True), ("sgd.lanhdao", True), ("ca.thuongtruc", True), ("lanhdao.tinh", False)])
def test_what_awaits_a_user_tests_their_units_tasks_once(app, username, moves_tasks):
    with app.app_context():
        _shuffle_tasks(tuple(s.name for s in TASK.states))
        user = db.session.scalar(db.select(User).where(User.username == username))
        sgd = db.session.scalar(db.select(User).where(User.username == "sgd.chuyenvien")).unit_id
        led = db.session.scalars(db.select(Task).where(on_unit(sgd, "lead")).order_by(Task.id).limit(2)).all()
        led[0].state, led[1].state = "drafting", "awaiting_head"  # one for its staff, one for its head
        db.session.commit()
        condition = awaiting_condition(user)
        found = set(db.session.scalars(db.select(Task.id).where(condition)))
        expected = set(db.session.scalars(db.select(Task.id).where(_one_clause_per_move(user))))
        assert found == expected
        assert str(condition.compile(db.engine)).count("FROM task_unit") <= 1
        assert bool(found) == moves_tasks  # the province's signer moves documents, not tasks
