"""Task figures for dashboards: counts by state and deadline status, on-time rate, ranking.

Each figure is one GROUP BY statement over the columns the deadline rule reads, so a page costs
the same number of statements for 10 tasks or 10,000; the rule itself (`deadline_status`) runs
on the groups, so badges and dashboards can never disagree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import SimpleNamespace

from workflows import TASK

from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from ..tasks.deadlines import STATUSES, current_due, deadline_status
from ..tasks.models import Task, TaskUnit
from ..units.models import OrgUnit
from .sql import vn_day

DEADLINE_ORDER = ("overdue", "due_soon", "on_time", "done_on_time", "done_late", "none")
VERDICTS = ("done_on_time", "done_late", "overdue")
# Groups and communes without accounts, and bodies outside the province, are not ranked.
UNRANKED_KINDS = ("collective", "external")
_RULE_COLUMNS = (Task.state, Task.due_on, Task.recurrence, Task.recurrence_month,
                 Task.recurrence_day, vn_day(Task.completed_at))


@dataclass
class Figures:
    """Counts of tasks by workflow state and by deadline status."""

    by_state: Counter = field(default_factory=Counter)
    by_deadline: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """Number of tasks counted."""
        return sum(self.by_state.values())

    @property
    def due(self) -> int:
        """Tasks whose deadline has come: done (on time or late) or overdue."""
        return sum(self.by_deadline[k] for k in VERDICTS)

    @property
    def on_time(self) -> int:
        """Tasks done on time."""
        return self.by_deadline["done_on_time"]

    @property
    def on_time_rate(self) -> float | None:
        """Done on time / tasks due so far; None when nothing is due yet."""
        return self.on_time / self.due if self.due else None

    def states(self):
        """(State, count) in workflow order, every state."""
        return [(s, self.by_state[s.name]) for s in TASK.states]

    def deadlines(self):
        """(DeadlineStatus, count) in reading order, every status."""
        return [(STATUSES[k], self.by_deadline[k]) for k in DEADLINE_ORDER]

    def add(self, state: str, status: str, count: int) -> None:
        """Count `count` tasks in `state` with deadline `status`."""
        self.by_state[state] += count
        self.by_deadline[status] += count


def _as_task(state, due_on, recurrence, month, day, completed_day):
    """The columns the deadline rule reads, shaped like a task."""
    # Noon in Vietnam (05:00 UTC) keeps the grouped completion day the same day in to_vn().
    if isinstance(completed_day, str):  # defensive: a driver that returns the day as text
        completed_day = date.fromisoformat(completed_day)
    completed_at = datetime.combine(completed_day, time(5)) if completed_day else None
    return SimpleNamespace(state=state, due_on=due_on, recurrence=recurrence,
                           recurrence_month=month, recurrence_day=day, completed_at=completed_at)


def _grouped(*keys, where=(), joins=()):
    """SELECT keys..., the rule columns, count(*) ... GROUP BY them: one statement."""
    query = db.select(*keys, *_RULE_COLUMNS, db.func.count()).select_from(Task)
    for target, on in joins:
        query = query.join(target, on)
    return db.session.execute(query.where(*where).group_by(*keys, *_RULE_COLUMNS)).all()


def plan_figures(plan_id: int, today: date | None = None) -> Figures:
    """Figures of every task of one plan."""
    today = today or today_vn()
    figures = Figures()
    for *rule, count in _grouped(where=[Task.plan_id == plan_id]):
        figures.add(rule[0], deadline_status(_as_task(*rule), today).key, count)
    return figures


@dataclass
class UnitFigures:
    """One unit's (or one plan's) figures, labelled for a table or a chart row."""

    id: int
    name: str
    figures: Figures = field(default_factory=Figures)
    kind: str | None = None
    issued_on: date | None = None
    rank: int | None = None


def _lead_join():
    return [(TaskUnit, db.and_(TaskUnit.task_id == Task.id, TaskUnit.role == "lead")),
            (OrgUnit, OrgUnit.id == TaskUnit.unit_id)]


def plan_units(plan_id: int, today: date | None = None) -> list[UnitFigures]:
    """Figures of each lead unit on one plan, by unit name (a task with two leads counts for both)."""
    today = today or today_vn()
    units: dict[int, UnitFigures] = {}
    rows = _grouped(OrgUnit.id, OrgUnit.name, where=[Task.plan_id == plan_id], joins=_lead_join())
    for unit_id, name, *rule, count in rows:
        row = units.setdefault(unit_id, UnitFigures(unit_id, name))
        row.figures.add(rule[0], deadline_status(_as_task(*rule), today).key, count)
    return sorted(units.values(), key=lambda u: u.name)


def unit_plans(unit_id: int, today: date | None = None) -> list[UnitFigures]:
    """Figures of the tasks one unit leads, per plan (newest plan first)."""
    today = today or today_vn()
    plans: dict[int, UnitFigures] = {}
    rows = _grouped(Plan.id, Plan.number, Plan.symbol, Plan.issued_on,
                    where=[TaskUnit.unit_id == unit_id],
                    joins=[(TaskUnit, db.and_(TaskUnit.task_id == Task.id, TaskUnit.role == "lead")),
                           (Plan, Plan.id == Task.plan_id)])
    for plan_id, number, symbol, issued_on, *rule, count in rows:
        name = f"{number}/{symbol}" if number and symbol else (number or f"KH#{plan_id}")
        row = plans.setdefault(plan_id, UnitFigures(plan_id, name, issued_on=issued_on))
        row.figures.add(rule[0], deadline_status(_as_task(*rule), today).key, count)
    return sorted(plans.values(), key=lambda p: (p.issued_on or date.min, p.id), reverse=True)


def total_of(rows: list[UnitFigures]) -> Figures:
    """Add the figures of several rows."""
    total = Figures()
    for row in rows:
        total.by_state.update(row.figures.by_state)
        total.by_deadline.update(row.figures.by_deadline)
    return total


def ranking(year: int, today: date | None = None) -> list[UnitFigures]:
    """Units ranked by on-time rate on the tasks they lead that fall due in `year` (thi đua).

    Ties go to the unit with more tasks done on time; units with nothing due yet come last.
    """
    today = today or today_vn()
    as_of = min(today, date(year, 12, 31))
    units: dict[int, UnitFigures] = {}
    rows = _grouped(OrgUnit.id, OrgUnit.name, OrgUnit.kind,
                    where=[Task.state != "cancelled", OrgUnit.kind.notin_(UNRANKED_KINDS),
                           OrgUnit.is_external.is_(False),
                           # a yearly task falls due only in the years its plan runs
                           db.or_(Plan.period_start.is_(None), Plan.period_start <= year),
                           db.or_(Plan.period_end.is_(None), Plan.period_end >= year)],
                    joins=[*_lead_join(), (Plan, Plan.id == Task.plan_id)])
    for unit_id, name, kind, *rule, count in rows:
        task = _as_task(*rule)
        due = current_due(task, as_of)
        if due is None or due.year != year:
            continue
        row = units.setdefault(unit_id, UnitFigures(unit_id, name, kind=kind))
        row.figures.add(rule[0], deadline_status(task, as_of).key, count)
    ordered = sorted(units.values(), key=lambda u: (
        u.figures.on_time_rate is None, -(u.figures.on_time_rate or 0), -u.figures.on_time, u.name))
    rank, previous = 0, None
    for position, row in enumerate(ordered, start=1):
        key = (row.figures.on_time_rate, row.figures.on_time)
        if row.figures.on_time_rate is not None:
            rank = rank if key == previous else position
            row.rank, previous = rank, key
    return ordered


def plans_figures(today: date | None = None) -> dict[int, Figures]:
    """Figures of every plan, keyed by plan id, in one statement."""
    today = today or today_vn()
    result: dict[int, Figures] = {}
    for plan_id, *rule, count in _grouped(Task.plan_id):
        result.setdefault(plan_id, Figures()).add(
            rule[0], deadline_status(_as_task(*rule), today).key, count)
    return result
