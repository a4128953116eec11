"""Task rows for tables and lists: plain column tuples, not ORM objects.

A table of a few thousand tasks is read in two statements whatever its size (tasks, then the
units of the same tasks through the same condition), and each row carries its unit names and
deadline status already worked out, so a template only prints them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask import url_for
from sqlalchemy import bindparam, func, literal, union_all

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


@dataclass(frozen=True)
class Section:
    """One list of a page, grouped by plan: its tasks, their order within a plan, and the plans'
    order (the least value of `group_first` over a plan's matches; the plan id when None)."""

    condition: object
    within: tuple
    group_first: object = None


def grouped_sections(sections: list[Section], *, per_group: int = 5, max_groups: int = 20,
                     today: date | None = None) -> list[tuple[list[tuple[int, list[TaskRow], int]], int]]:
    """For each section, at most `per_group` rows of each of its first `max_groups` plans.

    Returns, per section, [(plan_id, rows, matches in that plan)] in the plans' order, and the
    number of matches over every plan. Three statements however many sections and tasks:
    1. per section, the count of matches in each plan and the plan's place (GROUP BY);
    2. the rows of those plans only, ranked within each plan;
    3. the units of the rows shown.
    Ranking every match of every plan instead (window functions over thousands of tasks) took
    18 ms where this takes 14 for Công an tỉnh's two lists of my work, and 8.9 where this takes 6.7
    for the review queue (interleaved timings on the province bench data, SQLite).
    """
    if not sections:
        return []
    plan_parts = []
    for n, section in enumerate(sections):
        first = func.min(Task.plan_id if section.group_first is None else section.group_first)
        plan_parts.append(
            db.select(literal(n).label("section"), Task.plan_id, func.count(),
                      func.row_number().over(order_by=(first, Task.plan_id)))
            .where(section.condition).group_by(Task.plan_id))
    order: dict[tuple[int, int], int] = {}  # (section, plan_id) -> the plan's place
    counts: dict[tuple[int, int], int] = {}
    totals = [0] * len(sections)
    for section, plan_id, count, place in db.session.execute(_union(plan_parts)):
        totals[section] += count
        if place <= max_groups:
            order[section, plan_id], counts[section, plan_id] = place, count
    row_parts = []
    for n, section in enumerate(sections):
        plan_ids = [plan_id for (s, plan_id) in order if s == n]
        if not plan_ids:
            continue
        ranked = db.select(
            *COLUMNS, literal(n).label("section"),
            func.row_number().over(partition_by=Task.plan_id, order_by=section.within).label("rn"),
        ).where(section.condition, Task.plan_id.in_(plan_ids)).subquery()
        row_parts.append(db.select(ranked).where(ranked.c.rn <= per_group))
    result = db.session.execute(_union(row_parts)).all() if row_parts else []
    width = len(COLUMNS)
    result.sort(key=lambda r: (r[width], order[r[width], r[1]], r[width + 1]))
    rows = [TaskRow(*r[:width]) for r in result]
    attach_units(rows, [r.id for r in rows])
    finish(rows, today)
    grouped: list[dict[int, tuple[int, list[TaskRow], int]]] = [{} for _ in sections]
    for row, r in zip(rows, result):
        section = r[width]
        plan_id = row.plan_id
        grouped[section].setdefault(plan_id, (plan_id, [], counts[section, plan_id]))[1].append(row)
    return [(list(groups.values()), total) for groups, total in zip(grouped, totals)]


def _union(selects: list):
    """The selects as one statement."""
    return selects[0] if len(selects) == 1 else union_all(*selects)


def grouped_rows(condition, within, *, group_first=None, per_group: int = 5, max_groups: int = 20,
                 today: date | None = None) -> tuple[list[tuple[int, list[TaskRow], int]], int]:
    """One section of `grouped_sections`."""
    return grouped_sections([Section(condition, within, group_first)], per_group=per_group,
                            max_groups=max_groups, today=today)[0]
