"""Who may see and act on a task: one place for the buttons and the POSTs."""
from __future__ import annotations

from workflows import TASK, Actor


def actor_for(user, task) -> Actor:
    """Describe `user` relative to `task` for the workflow's checks."""
    relations = set()
    if user.unit_id in task.unit_ids("lead"):
        relations.add("lead_unit")
    if user.unit_id in task.unit_ids("coordinating"):
        relations.add("coordinating_unit")
    if user.unit.is_standing_agency:
        relations.add("standing_agency")
    if user.id in (task.submitted_by_id, task.sent_by_id):
        relations.add("submitter")
    return Actor(roles=user.roles, relations=frozenset(relations))


def facts_for(task) -> dict:
    """Facts about the task that guards read."""
    return {"draft": task.draft}


def can_view_task(user, task) -> bool:
    """Units on the task, the standing agency, signers, admins and viewers see it."""
    return user.sees_all_units or user.unit_id in task.unit_ids()


def can_edit_draft(user, task) -> bool:
    """Staff and head of a lead unit edit the draft while it is being drafted."""
    return (task.state in ("assigned", "drafting")
            and user.has_role("staff", "unit_head")
            and user.unit_id in task.unit_ids("lead"))


def can_comment(user, task) -> bool:
    """Anyone who sees the task and is not a read-only viewer may comment."""
    return can_view_task(user, task) and bool(user.roles - {"viewer"})


def allowed_transitions(user, task):
    """The transitions `user` may fire on `task` now."""
    return TASK.allowed(task.state, actor_for(user, task), facts_for(task))
