"""Reading estimates across units: the overview per plan and the compiled estimate for Sở Tài chính."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workflows.budget import BUDGET

from ..extensions import db
from ..reports.periods import NON_REPORTING_KINDS
from ..tasks.models import Task, TaskUnit
from ..units.models import OrgUnit
from .models import FUND_SOURCES, BudgetEstimate, BudgetLine

COMPILED_STATES = ("submitted",)


@dataclass
class UnitEstimate:
    """One unit's standing for the year: its estimate's state, number of lines and total."""

    unit_id: int
    unit_name: str
    estimate_id: int | None = None
    state: str | None = None
    lines: int = 0
    total: int = 0

    @property
    def state_def(self):
        """The estimate's state, or None when the unit has not started one."""
        return BUDGET.state(self.state) if self.state else None


@dataclass
class CompiledLine:
    """One line as the compiled estimate prints it."""

    task_position: int
    task_clause: str | None
    task_text: str
    content: str
    amount: int
    source: str

    @property
    def source_label(self) -> str:
        """Vietnamese name of the source of funds."""
        return FUND_SOURCES.get(self.source, self.source)


@dataclass
class CompiledUnit:
    """A unit's lines and subtotal in the compiled estimate."""

    unit_id: int
    unit_name: str
    lines: list[CompiledLine] = field(default_factory=list)

    @property
    def subtotal(self) -> int:
        """Sum of the unit's lines."""
        return sum(line.amount for line in self.lines)


@dataclass
class CompiledEstimate:
    """Every sent estimate of a plan for a year, grouped by unit, with totals."""

    plan: object
    year: int
    units: list[CompiledUnit]
    pending: list[UnitEstimate]

    @property
    def total(self) -> int:
        """Grand total in đồng."""
        return sum(unit.subtotal for unit in self.units)

    @property
    def line_count(self) -> int:
        """Number of lines over every unit."""
        return sum(len(unit.lines) for unit in self.units)

    @property
    def by_source(self) -> list[tuple[str, int]]:
        """(source label, total) for each source of funds that has money, in the usual order."""
        sums = dict.fromkeys(FUND_SOURCES, 0)
        for unit in self.units:
            for line in unit.lines:
                sums[line.source] = sums.get(line.source, 0) + line.amount
        return [(FUND_SOURCES.get(key, key), value) for key, value in sums.items() if value]


def _running_lead_units(plan_id: int, year: int):
    """Units with accounts leading at least one task of the plan that still runs in `year`.

    Groups of bodies ("UBND các huyện…") and bodies outside the province's authority have no
    account, so, as for reports, they are not counted as owing an estimate.
    """
    return (db.select(TaskUnit.unit_id).join(Task, Task.id == TaskUnit.task_id)
            .join(OrgUnit, OrgUnit.id == TaskUnit.unit_id)
            .where(Task.plan_id == plan_id, TaskUnit.role == "lead", Task.state != "cancelled",
                   db.or_(Task.due_on.is_(None), Task.due_on >= date(year, 1, 1)),
                   OrgUnit.is_active, OrgUnit.is_external.is_(False),
                   OrgUnit.kind.not_in(NON_REPORTING_KINDS)))


def units_overview(plan_id: int, year: int) -> list[UnitEstimate]:
    """Every unit that leads tasks (or has an estimate) for the year, with its estimate's figures."""
    sums = (db.select(BudgetLine.estimate_id, db.func.count().label("lines"),
                      db.func.sum(BudgetLine.amount).label("total"))
            .group_by(BudgetLine.estimate_id).subquery())
    rows = db.session.execute(
        db.select(OrgUnit.id, OrgUnit.name, BudgetEstimate.id, BudgetEstimate.state,
                  sums.c.lines, sums.c.total)
        .outerjoin(BudgetEstimate, db.and_(BudgetEstimate.unit_id == OrgUnit.id,
                                           BudgetEstimate.plan_id == plan_id,
                                           BudgetEstimate.year == year))
        .outerjoin(sums, sums.c.estimate_id == BudgetEstimate.id)
        .where(db.or_(OrgUnit.id.in_(_running_lead_units(plan_id, year)),
                      BudgetEstimate.id.is_not(None)))
        .order_by(OrgUnit.name)).all()
    return [UnitEstimate(uid, name, eid, state, lines or 0, int(total or 0))
            for uid, name, eid, state, lines, total in rows]


def compile_estimate(plan, year: int) -> CompiledEstimate:
    """Group the sent estimates' lines by unit (subtotals) for the plan and year."""
    rows = db.session.execute(
        db.select(OrgUnit.id, OrgUnit.name, Task.position, Task.clause, Task.text,
                  BudgetLine.content, BudgetLine.amount, BudgetLine.source)
        .select_from(BudgetLine)
        .join(BudgetEstimate, BudgetEstimate.id == BudgetLine.estimate_id)
        .join(OrgUnit, OrgUnit.id == BudgetEstimate.unit_id)
        .join(Task, Task.id == BudgetLine.task_id)
        .where(BudgetEstimate.plan_id == plan.id, BudgetEstimate.year == year,
               BudgetEstimate.state.in_(COMPILED_STATES))
        .order_by(OrgUnit.name, OrgUnit.id, Task.position, BudgetLine.id)).all()
    units: dict[int, CompiledUnit] = {}
    for uid, name, position, clause, text, content, amount, source in rows:
        unit = units.setdefault(uid, CompiledUnit(uid, name))
        unit.lines.append(CompiledLine(position, clause, text, content, int(amount), source))
    pending = [u for u in units_overview(plan.id, year) if u.state not in COMPILED_STATES]
    return CompiledEstimate(plan=plan, year=year, units=list(units.values()), pending=pending)


@dataclass
class PlanBudget:
    """A plan on the budget index: the user's unit's estimate, or every unit's, for the year."""

    plan: object
    lead_tasks: int = 0
    states: dict = field(default_factory=dict)
    total: int = 0

    @property
    def state_def(self):
        """The state of the unit's own estimate (unit users see one estimate per plan)."""
        return BUDGET.state(next(iter(self.states))) if len(self.states) == 1 else None


def plans_for_year(user, year: int) -> list[PlanBudget]:
    """Plans running in `year`, with estimate counts per state and totals (the unit's own for unit users)."""
    from ..plans.models import Plan

    plans = db.session.scalars(
        db.select(Plan).where(db.or_(Plan.period_end.is_(None), Plan.period_end >= year),
                              db.or_(Plan.period_start.is_(None), Plan.period_start <= year))
        .order_by(Plan.issued_on.desc(), Plan.id.desc())).all()
    rows = {p.id: PlanBudget(p) for p in plans}
    sums = (db.select(BudgetLine.estimate_id, db.func.sum(BudgetLine.amount).label("total"))
            .group_by(BudgetLine.estimate_id).subquery())
    query = (db.select(BudgetEstimate.plan_id, BudgetEstimate.state, db.func.count(),
                       db.func.sum(sums.c.total))
             .outerjoin(sums, sums.c.estimate_id == BudgetEstimate.id)
             .where(BudgetEstimate.year == year, BudgetEstimate.plan_id.in_(rows))
             .group_by(BudgetEstimate.plan_id, BudgetEstimate.state))
    if not user.sees_all_units:
        query = query.where(BudgetEstimate.unit_id == user.unit_id)
    for plan_id, state, count, total in db.session.execute(query):
        rows[plan_id].states[state] = count
        if user.sees_all_units and state not in COMPILED_STATES:
            continue  # Công an tỉnh's total is what units have sent
        rows[plan_id].total += int(total or 0)
    if not user.sees_all_units:
        counts = db.session.execute(
            db.select(Task.plan_id, db.func.count(db.distinct(Task.id)))
            .join(TaskUnit, TaskUnit.task_id == Task.id)
            .where(Task.plan_id.in_(rows), TaskUnit.unit_id == user.unit_id, TaskUnit.role == "lead",
                   Task.state != "cancelled",
                   db.or_(Task.due_on.is_(None), Task.due_on >= date(year, 1, 1)))
            .group_by(Task.plan_id))
        for plan_id, count in counts:
            rows[plan_id].lead_tasks = count
    return list(rows.values())
