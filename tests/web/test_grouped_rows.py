"""The dashboards' lists: a few rows per plan, the plans in order, checked against plain Python."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from sqlalchemy import false

from intranet.extensions import db
from intranet.tasks.models import Task
from intranet.tasks.rows import Section, grouped_rows, grouped_sections

STATES = ("assigned", "drafting", "submitted", "under_review", "approved")


def _shuffle_tasks() -> list[Task]:
    """Give the demo's tasks varied states and update times, so plans and rows sort apart."""
    rng = random.Random(7)
    tasks = db.session.scalars(db.select(Task)).all()
    start = datetime(2026, 1, 5, 8, 0)
    for task in tasks:
        task.state = rng.choice(STATES)
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
