"""Task rows for tables and lists: plain column tuples, not ORM objects.

A table of a few thousand tasks is read in two statements whatever its size (tasks, then the
units of the same tasks through the same condition), and each row carries its unit names and
deadline status already worked out, so a template only prints them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask import url_for
from sqlalchemy import bindparam, case, func

from workflows import TASK

from ..extensions import db
from ..formatting import today_vn
from ..units.models import OrgUnit
from .deadlines import DeadlineStatus, deadline_label, deadline_status
from .models import Task, TaskUnit

COLUMNS = (Task.id, Task.plan_id, Task.position, Task.clause, Task.text, Task.state, Task.due_on,
           Task.recurrence, Task.recurrence_month, Task.recurrence_day, Task.completed_at)


@dataclass(slots=True)
class TaskRow:
    """What a table row shows of one task."""

    id: int
    plan_id: int
    position: int
    clause: str | None
    text: str
    state: str
    due_on: date | None
    recurrence: str | None
    recurrence_month: int | None
    recurrence_day: int | None
    completed_at: datetime | None
    leads: list[str] = field(default_factory=list)
    coordinating: list[str] = field(default_factory=list)
    deadline: DeadlineStatus | None = None
    deadline_text: str = ""

    @property
    def state_def(self):
        """The workflow state, with its label and colour."""
        return TASK.state(self.state)

    @property
    def lead_names(self) -> str:
        """Lead and requested units, '; ' separated."""
        return "; ".join(self.leads)

    @property
    def coordinating_names(self) -> str:
        """Coordinating units, '; ' separated."""
        return "; ".join(self.coordinating)


def read_rows(condition, order_by, *, today: date | None = None) -> list[TaskRow]:
    """Rows of every task matching `condition`, their units attached: two statements."""
    rows = [TaskRow(*r) for r in db.session.execute(
        db.select(*COLUMNS).where(condition).order_by(*order_by)).all()]
    attach_units(rows, db.select(Task.id).where(condition))
    finish(rows, today)
    return rows


_UNITS = db.select(TaskUnit.task_id, TaskUnit.role, OrgUnit.name).join(OrgUnit, OrgUnit.id == TaskUnit.unit_id)
_ORDER = (TaskUnit.task_id, TaskUnit.position)
# Built once for a list of ids (the dashboards' few dozen rows): building an IN of fifty literal
# values costs more than running it.
_UNITS_OF_IDS = _UNITS.where(TaskUnit.task_id.in_(bindparam("ids", expanding=True))).order_by(*_ORDER)


def attach_units(rows: list[TaskRow], task_ids) -> None:
    """Fill `leads` and `coordinating` of `rows` from one statement over `task_ids` (a list, or
    a select of ids)."""
    if not rows:
        return
    by_id = {r.id: r for r in rows}
    if isinstance(task_ids, list):
        units = db.session.execute(_UNITS_OF_IDS, {"ids": task_ids}).all()
    else:
        units = db.session.execute(_UNITS.where(TaskUnit.task_id.in_(task_ids)).order_by(*_ORDER)).all()
    for task_id, role, name in units:
        row = by_id.get(task_id)
        if row is None:
            continue
        if role == "coordinating":
            row.coordinating.append(name)
        else:
            row.leads.append(f"Đề nghị {name}" if role == "requested" else name)


def finish(rows: list[TaskRow], today: date | None = None) -> None:
    """Work out each row's deadline status and text once, for one `today`."""
    today = today or today_vn()
    for row in rows:
        row.deadline = deadline_status(row, today)
        row.deadline_text = deadline_label(row)


def task_href() -> str:
    """The task page's URL with `{}` for the id: url_for once per table, not once per row."""
    marker = 2_147_483_647
    return url_for("tasks.detail", task_id=marker).replace(str(marker), "{}")


@dataclass
class PlanGroup:
    """Some rows of one plan, and how many tasks of that plan matched in all."""

    plan: object
    rows: list[TaskRow]
    total: int

    @property
    def hidden(self) -> int:
        """Matching tasks of the plan not shown in `rows`."""
        return self.total - len(self.rows)


def grouped_rows(condition, within, *, group_first=None, per_group: int = 5, max_groups: int = 20,
                 today: date | None = None) -> tuple[list[tuple[int, list[TaskRow], int]], int]:
    """At most `per_group` rows of each of the first `max_groups` plans matching `condition`.

    Plans come in the order of `group_first` (the least value over each plan's matches, default
    the plan id), rows by `within`. Returns [(plan_id, rows, matches in that plan)] and the number
    of matches over every plan: two statements, however many tasks match.
    """
    first = Task.plan_id if group_first is None else group_first
    # Rank narrow rows (ids and keys) in one sort per plan: the three window functions share their
    # partition and order, so SQLite sorts once; the count and the minimum span the whole plan.
    whole = {"partition_by": Task.plan_id, "order_by": within, "rows": (None, None)}
    ranked = db.select(
        Task.id, Task.plan_id,
        func.row_number().over(partition_by=Task.plan_id, order_by=within).label("rn"),
        func.count().over(**whole).label("n"),
        func.min(first).over(**whole).label("first"),
    ).where(condition).subquery()
    # Then, over the few rows kept per plan: the plans' order, and the number of matches in all.
    kept = db.select(
        ranked.c.id, ranked.c.rn, ranked.c.n,
        func.sum(case((ranked.c.rn == 1, ranked.c.n), else_=0)).over().label("total"),
        func.dense_rank().over(order_by=(ranked.c.first, ranked.c.plan_id)).label("g"),
    ).where(ranked.c.rn <= per_group).subquery()
    # The LIMIT changes no result (no more rows can pass); it tells PostgreSQL's planner that few
    # rows come out, so it looks the tasks up by key instead of scanning the whole table.
    shown = db.select(kept).where(kept.c.g <= max_groups).order_by(kept.c.g, kept.c.rn) \
        .limit(max_groups * per_group).subquery()
    result = db.session.execute(
        db.select(*COLUMNS, shown.c.n, shown.c.total).join(shown, shown.c.id == Task.id)
        .order_by(shown.c.g, shown.c.rn)).all()
    width = len(COLUMNS)
    rows = [TaskRow(*r[:width]) for r in result]
    attach_units(rows, [r.id for r in rows])
    finish(rows, today)
    groups: dict[int, tuple[int, list[TaskRow], int]] = {}
    for row, r in zip(rows, result):
        groups.setdefault(row.plan_id, (row.plan_id, [], int(r[width])))[1].append(row)
    return list(groups.values()), (int(result[0][width + 1]) if result else 0)
