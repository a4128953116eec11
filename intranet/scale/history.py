"""The workflow history of a generated task: which moves took it to its state, and who made them."""
from __future__ import annotations

import random
from collections import Counter
from datetime import datetime

from workflows import TASK

# Share of tasks per state, for plans issued in the last two years and for older ones.
STATE_MIX = {
    "recent": {"assigned": 16, "drafting": 26, "awaiting_head": 10, "submitted": 10,
               "under_review": 8, "approved": 28, "cancelled": 2},
    "old": {"assigned": 5, "drafting": 15, "awaiting_head": 6, "submitted": 6,
            "under_review": 5, "approved": 60, "cancelled": 3},
}
FORWARD = ["drafting", "awaiting_head", "submitted", "under_review", "approved"]
STEP_TO = {"awaiting_head": "submit", "submitted": "send", "under_review": "start_review",
           "approved": "approve"}
RETURNS = {"awaiting_head": "return_to_staff", "submitted": "return_to_unit",
           "under_review": "return_to_unit", "approved": "reopen"}
ACTORS = {"start_draft": "staff", "edit_draft": "staff", "submit": "staff", "reopen": "staff",
          "send": "head", "return_to_staff": "head", "start_review": "reviewer",
          "return_to_unit": "reviewer", "approve": "reviewer", "cancel": "admin"}


def walk(final: str, rng: random.Random) -> list[str]:
    """Triggers (and draft edits) that take a new task to `final`, with some returns on the way."""
    if final == "assigned":
        return []
    if final == "cancelled":
        before = rng.choice(TASK.transition("cancel", "assigned").source)
        return walk(before, rng) + ["cancel"]
    steps = ["start_draft", "edit_draft"]
    for _ in range(rng.choices((0, 1, 2), (70, 22, 8))[0]):
        point = rng.choices(list(RETURNS), (40, 10, 45, 5))[0]
        steps += _forward(point) + [RETURNS[point], "edit_draft"]
    return steps + _forward(final)


def _forward(state: str) -> list[str]:
    """Triggers from drafting up to `state`."""
    return [STEP_TO[s] for s in FORWARD[1:FORWARD.index(state) + 1]]


def with_edits(rng: random.Random, steps: list[str], extra: int) -> list[str]:
    """Repeat `extra` draft edits within the task's drafting phases."""
    if not extra:
        return steps
    spots = [i for i, step in enumerate(steps) if step == "edit_draft"]
    repeats = Counter(rng.choice(spots) for _ in range(extra))
    return [step for i, step in enumerate(steps) for _ in range(1 + repeats[i])]


def apply_move(row: dict, trigger: str, dest: str, actor: int, moment: datetime) -> None:
    """The task columns a move sets, as tasks.services._apply_side_effects does."""
    if trigger == "submit":
        row["submitted_by_id"] = actor
    elif trigger == "send":
        row["sent_by_id"] = actor
    elif trigger == "approve":
        row["completed_at"] = moment
    if dest == "drafting":
        row["submitted_by_id"] = row["sent_by_id"] = row["completed_at"] = None
