"""Create a plan from the parsed-plan format, and read plans back. Flush, never commit."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload, load_only

from ..errors import ValidationError
from ..extensions import db
from ..tasks.models import Task, TaskUnit
from ..units.models import OrgUnit
from .models import Milestone, Plan, PlanDeadline, Target

MILESTONE_LABELS = {"yearly": "Hằng năm"}


def _iso(value) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def _period(parsed: dict) -> tuple[int | None, int | None]:
    """Read the plan period from its title ('giai đoạn 2021 - 2025', 'đến năm 2030')."""
    title = (parsed.get("title") or "").lower()
    if m := re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", title):
        return int(m[1]), int(m[2])
    start = _iso(parsed.get("issued_on"))
    if m := re.search(r"đến năm\s+(\d{4})", title):
        return (start.year if start else None), int(m[1])
    return (start.year if start else None), None


def plan_exists(number: str | None, symbol: str | None, issued_on, title: str | None = None) -> bool:
    """Tell whether this plan is already stored: same number, symbol and year, or, for a plan
    without a number (a joint plan), the same issue date and title."""
    issued = _iso(issued_on)
    if not number:
        if not title or issued is None:
            return False
        wanted = " ".join(_fold(title).split())
        titles = db.session.scalars(db.select(Plan.title).where(
            Plan.number.is_(None), Plan.issued_on == issued)).all()
        return any(" ".join(_fold(t).split()) == wanted for t in titles)
    plans = db.session.scalars(db.select(Plan).where(
        Plan.number == number, Plan.symbol == symbol)).all()
    return any(p.issued_on is None or issued is None or p.issued_on.year == issued.year
               for p in plans)


def duplicate_message(parsed: dict) -> str:
    """How to tell a person that the plan they import is stored already."""
    if parsed.get("number"):
        reference = "/".join(filter(None, (parsed["number"], parsed.get("symbol"))))
        return f"Kế hoạch số {reference} đã có trong hệ thống."
    return (f"Kế hoạch “{parsed.get('title')}” ban hành ngày "
            f"{_iso(parsed.get('issued_on')):%d/%m/%Y} đã có trong hệ thống.")


def create_plan(parsed: dict, assignment_units: list[list[int]], issuer_unit_ids: list[int],
                *, user=None, source_text: str | None = None, filename: str | None = None) -> Plan:
    """Store a parsed plan and its tasks; `assignment_units[i]` are the unit ids of assignment i."""
    if not (parsed.get("title") or "").strip():
        raise ValidationError("Kế hoạch chưa có trích yếu (tên kế hoạch).")
    if len(assignment_units) != len(parsed.get("assignments", [])):
        raise ValidationError("Chưa xác định đơn vị cho mọi mục phân công.")
    if plan_exists(parsed.get("number"), parsed.get("symbol"), parsed.get("issued_on"),
                   parsed.get("title")):
        raise ValidationError(duplicate_message(parsed))
    start, end = _period(parsed)
    plan = Plan(
        number=parsed.get("number"), symbol=parsed.get("symbol"),
        doc_type=parsed.get("doc_type") or "KẾ HOẠCH", place=parsed.get("place"),
        issued_on=_iso(parsed.get("issued_on")), title=parsed["title"],
        period_start=start, period_end=end,
        legal_basis=parsed.get("legal_basis", []), intro=parsed.get("intro", []),
        closing=parsed.get("closing", []), recipients=parsed.get("recipients", []),
        issuers=_issuers(parsed, issuer_unit_ids), sections=parsed.get("sections", []),
        signers=parsed.get("signers", []), status="issued",
        source_text=source_text, source_filename=filename,
        created_by_id=user.id if user else None)
    db.session.add(plan)
    db.session.flush()
    _add_targets(plan, parsed.get("targets", []))
    _add_deadlines(plan, parsed.get("deadlines", []))
    _add_tasks(plan, parsed, assignment_units, issuer_unit_ids)
    db.session.flush()
    return plan


def _issuers(parsed: dict, unit_ids: list[int]) -> list[dict]:
    blocks = parsed.get("issuer_blocks") or [{"lines": [n]} for n in parsed.get("issuers", [])]
    result = []
    for i, name in enumerate(parsed.get("issuers", [])):
        block = blocks[i] if i < len(blocks) else {"lines": [name]}
        result.append({"name": name, "parent": block.get("parent"), "lines": block.get("lines") or [name],
                       "unit_id": unit_ids[i] if i < len(unit_ids) else None})
    return result


def _add_targets(plan: Plan, targets: list[dict]) -> None:
    for position, item in enumerate(targets):
        target = Target(plan_id=plan.id, position=position, text=item["text"])
        for mpos, (key, value) in enumerate((item.get("milestones") or {}).items()):
            year = int(key) if str(key).isdigit() else None
            target.milestones.append(Milestone(
                position=mpos, year=year, value=value,
                label=f"Năm {key}" if year else MILESTONE_LABELS.get(key, key)))
        db.session.add(target)


def _add_deadlines(plan: Plan, deadlines: list[dict]) -> None:
    for position, item in enumerate(deadlines):
        db.session.add(PlanDeadline(
            plan_id=plan.id, position=position, text=item.get("text", ""), rule=item.get("rule"),
            due_on=_iso(item.get("due_on")), month=item.get("month"), day=item.get("day"),
            year=item.get("year")))


def _deadline_fields(deadline: dict | None, plan_yearly: dict | None) -> dict:
    """Task deadline columns: its own deadline, else the plan's yearly reporting day."""
    source = deadline or plan_yearly
    if source and source.get("rule") == "yearly" and not source.get("month") and plan_yearly:
        source = {**plan_yearly, "text": source.get("text")}  # "hằng năm" in a task: the plan's day
    if not source:
        return {}
    if source.get("due_on"):
        return {"due_on": _iso(source["due_on"]), "deadline_text": source.get("text")}
    if source.get("rule") == "yearly":
        return {"recurrence": "yearly", "recurrence_month": source.get("month"),
                "recurrence_day": source.get("day"), "deadline_text": source.get("text")}
    return {"deadline_text": source.get("text")}


def _add_tasks(plan: Plan, parsed: dict, assignment_units, issuer_unit_ids) -> None:
    yearly = next((d for d in parsed.get("deadlines", []) if d.get("rule") == "yearly"
                   and d.get("month")), None)
    directory = _coordination_directory()
    position = 0
    groups = [(a, assignment_units[i], "requested" if a.get("requested") else "lead")
              for i, a in enumerate(parsed.get("assignments", []))]
    groups = [(a, issuer_unit_ids, "lead") for a in parsed.get("activities", [])] + groups
    for group, unit_ids, role in groups:
        for item in group.get("tasks", []):
            position += 1
            task = Task(plan_id=plan.id, position=position, clause=item.get("clause"),
                        group_heading=group.get("heading"), text=item["text"],
                        subtasks=item.get("subtasks", []),
                        **_deadline_fields(item.get("deadline"), yearly))
            for upos, unit_id in enumerate(dict.fromkeys(unit_ids)):
                task.units.append(TaskUnit(unit_id=unit_id, role=role, position=upos))
            for upos, unit_id in enumerate(_coordinating(item["text"], directory, unit_ids)):
                task.units.append(TaskUnit(unit_id=unit_id, role="coordinating", position=upos))
            db.session.add(task)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("oà", "òa").replace("uỷ", "ủy")


def _coordination_directory() -> list[tuple[int, list[str]]]:
    units = db.session.scalars(db.select(OrgUnit).where(
        OrgUnit.is_active, OrgUnit.kind != "collective")).all()
    return [(u.id, [_fold(n) for n in [u.name, *u.alias_list] if len(n) > 6]) for u in units]


def _coordinating(text: str, directory, lead_ids) -> list[int]:
    """Units named after 'phối hợp' in a task's text coordinate it."""
    folded = _fold(text)
    at = folded.find("phối hợp")
    if at < 0:
        return []
    tail = folded[at:]
    return [uid for uid, names in directory
            if uid not in lead_ids and any(n in tail for n in names)]


def plans_overview() -> list[Plan]:
    """Every plan, newest first."""
    return db.session.scalars(db.select(Plan).order_by(Plan.issued_on.desc(), Plan.id.desc())).all()


# What pages show of a plan around its tasks and documents: the body's JSON columns (sections
# run to tens of kilobytes) stay unread until something renders them.
HEADER = (Plan.number, Plan.symbol, Plan.doc_type, Plan.title, Plan.issued_on, Plan.issuers)
_PLAN_HEADER = db.select(Plan).where(Plan.id == bindparam("plan_id")).options(load_only(*HEADER))


def plan_header(plan_id: int) -> Plan | None:
    """A plan with its header columns only (the rest loads on first use). The select is built
    once: pages ask on every request, and building it each time was two fifths of its cost."""
    return db.session.scalar(_PLAN_HEADER, {"plan_id": plan_id})


def load_plan(plan_id: int) -> Plan | None:
    """A plan with its deadlines, targets and their milestones, in one statement.

    The join multiplies rows (deadlines × milestones), a few dozen for a real plan; one round trip
    less than loading targets apart, on the plan page whose other parts are mostly cached.
    """
    return db.session.execute(db.select(Plan).where(Plan.id == plan_id).options(
        joinedload(Plan.deadlines), joinedload(Plan.targets).joinedload(Target.milestones),
    )).unique().scalar_one_or_none()


def task_counts(plan_id: int) -> dict[str, int]:
    """Number of tasks of a plan per state."""
    rows = db.session.execute(db.select(Task.state, db.func.count()).where(
        Task.plan_id == plan_id).group_by(Task.state)).all()
    return dict(rows)
