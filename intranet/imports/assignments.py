"""Who does what: assignees and their tasks, joint activities, general provisions."""
from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block
from .deadlines import find_deadlines
from .text import fold
from .units import read_units, split_assignee

# Section titles that hand out tasks. The first three are unambiguous; "tổ chức thực hiện"
# hands out tasks only when the plan has no such section before it.
_ASSIGNING = ("phân công", "nhiệm vụ cụ thể", "trách nhiệm", "giao nhiệm vụ")
_IMPLEMENTING = "tổ chức thực hiện"
_GENERAL = ("tổ chức thực hiện", "chế độ báo cáo", "thông tin báo cáo", "báo cáo", "sơ kết",
            "tổng kết", "kiểm tra", "khen thưởng")
_ACTIVITIES = ("nội dung", "các hoạt động", "hoạt động")


@dataclass
class Section:
    """A Roman-numbered part of the body with its blocks."""

    number: str
    title: str
    blocks: list[Block] = field(default_factory=list)


def assignment_section(sections: list[Section]) -> int | None:
    """Index of the section that assigns tasks, if any."""
    for i, section in enumerate(sections):
        if any(word in fold(section.title) for word in _ASSIGNING):
            return i
    for i, section in enumerate(sections):
        if _IMPLEMENTING in fold(section.title) and _has_assignee(section):
            return i
    return None


def _has_assignee(section: Section) -> bool:
    return any(b.kind in ("numbered", "lettered") and split_assignee(b.text)
               for b in section.blocks)


def read_assignments(section: Section, issued_on: str | None) -> tuple[list[dict], list[Block]]:
    """Assignees of a section with their tasks, and the blocks that assign nothing."""
    assignments: list[dict] = []
    leftovers: list[Block] = []
    current: dict | None = None
    for block in section.blocks:
        if block.kind in ("numbered", "lettered"):
            found = split_assignee(block.text)
            if found:
                current = _assignee(found[0], section.number, block.number)
                assignments.append(current)
                if found[1]:
                    current["tasks"].append(_task(found[1], _clause(current), issued_on))
                continue
            if current is not None and block.kind == "lettered":
                if not block.heading_open:  # "a) Chủ trì ..." under an assignee is a task
                    current["tasks"].append(_task(block.text, _clause(current), issued_on))
                continue
            current = None
        if current is None:
            leftovers.append(block)
        else:
            _add_to_tasks(current["tasks"], block, _clause(current), issued_on)
    return assignments, leftovers


def _assignee(heading: str, section: str, number: str | None) -> dict:
    return {"heading": heading, **read_units(heading), "section": section, "number": number,
            "tasks": []}


def _add_to_tasks(tasks: list[dict], block: Block, clause: str, issued_on: str | None) -> None:
    """A "+" bullet belongs to the task before it; any other block is a task of its own."""
    if block.kind == "plus" and tasks:
        task = tasks[-1]
        task["subtasks"].append(block.text)
        _set_deadlines(task, issued_on)
    else:
        tasks.append(_task(block.text, clause, issued_on))


def _task(text: str, clause: str, issued_on: str | None) -> dict:
    task = {"text": text, "subtasks": [], "clause": clause, "deadline": None, "deadlines": []}
    _set_deadlines(task, issued_on)
    return task


def _set_deadlines(task: dict, issued_on: str | None) -> None:
    found = find_deadlines(" ".join([task["text"], *task["subtasks"]]), issued_on)
    task["deadlines"] = found
    task["deadline"] = found[0] if found else None


def read_activities(section: Section, issued_on: str | None) -> list[dict]:
    """Content groups of a joint plan ("II. NỘI DUNG"): the issuers carry them out together."""
    groups: list[dict] = []
    for block in section.blocks:
        if block.kind == "numbered" and block.heading_open:
            groups.append(_group(block.text, section.number, block.number))
            continue
        if not groups:
            groups.append(_group(None, section.number, None))
        group = groups[-1]
        _add_to_tasks(group["tasks"], block, _clause(group), issued_on)
    return [g for g in groups if g["tasks"] or g["heading"]]


def _group(heading: str | None, section: str, number: str | None) -> dict:
    return {"heading": heading, "section": section, "number": number, "tasks": []}


def _clause(group: dict) -> str:
    return f"{group['section']}.{group['number']}" if group["number"] else group["section"]


def is_activity_section(section: Section) -> bool:
    """A section of joint content: "NỘI DUNG", "NỘI DUNG PHỐI HỢP", "CÁC HOẠT ĐỘNG"."""
    return fold(section.title).startswith(_ACTIVITIES)


def is_general_section(section: Section) -> bool:
    """A section of general provisions (implementation, reporting, reviews)."""
    return any(word in fold(section.title) for word in _GENERAL)
