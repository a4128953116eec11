"""Who may see, edit, send and compile estimates: one place for the buttons and the POSTs."""
from __future__ import annotations

from datetime import date

from workflows import Actor
from workflows.budget import BUDGET, EDITABLE

from ..formatting import today_vn


def budget_year(today: date | None = None) -> int:
    """Units estimate for next year."""
    return (today or today_vn()).year + 1


def can_view_estimate(user, unit_id: int) -> bool:
    """A unit sees its own estimate; Công an tỉnh, signers, admins and viewers see all."""
    return user.sees_all_units or user.unit_id == unit_id


def can_edit_estimate(user, unit_id: int, year: int, estimate=None) -> bool:
    """Staff and head of the unit edit next year's lines while the estimate is drafted or returned."""
    return (user.unit_id == unit_id and user.has_role("staff", "unit_head")
            and year >= budget_year()
            and (estimate is None or estimate.state in EDITABLE))


def can_compile(user) -> bool:
    """Who sees every unit's estimate and the compiled estimate for Sở Tài chính."""
    return user.sees_all_units


def actor_for(user, estimate) -> Actor:
    """Describe `user` relative to `estimate` for the workflow's checks."""
    relations = set()
    if user.unit_id == estimate.unit_id:
        relations.add("own_unit")
    if user.unit.is_standing_agency:
        relations.add("standing_agency")
    return Actor(roles=user.roles, relations=frozenset(relations))


def facts_for(estimate) -> dict:
    """Facts the guards read."""
    return {"lines": len(estimate.lines)}


def allowed_transitions(user, estimate):
    """The moves `user` may make on `estimate` now."""
    if estimate is None:
        return []
    return BUDGET.allowed(estimate.state, actor_for(user, estimate), facts_for(estimate))
