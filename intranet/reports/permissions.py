"""Who may see and act on periods, unit reports, contributions and consolidated reports."""
from __future__ import annotations

from workflows import DOCUMENT, UNIT_REPORT, Actor

EDITABLE_STATES = ("draft", "returned")


def can_open_period(user) -> bool:
    """Công an tỉnh's reviewers and admins open reporting periods."""
    return user.has_role("admin") or (user.has_role("reviewer") and user.unit.is_standing_agency)


def can_view_report(user, report) -> bool:
    """A unit sees its own reports; Công an tỉnh, signers, admins and viewers see all."""
    return user.sees_all_units or user.unit_id == report.unit_id


def can_edit_report(user, report) -> bool:
    """The unit's staff and head edit while the report is drafted or returned."""
    return (report.state in EDITABLE_STATES and user.unit_id == report.unit_id
            and user.has_role("staff", "unit_head"))


def report_actor(user, report) -> Actor:
    """Describe `user` relative to `report` for the workflow's checks."""
    relations = set()
    if user.unit_id == report.unit_id:
        relations.add("own_unit")
    if user.unit.is_standing_agency:
        relations.add("standing_agency")
    if user.id in (report.approved_by_id, report.submitted_by_id) and user.unit_id == report.unit_id:
        relations.add("submitter")
    return Actor(roles=user.roles, relations=frozenset(relations))


def report_facts(report) -> dict:
    """Facts the report's guards read."""
    missing = sum(1 for r in report.results if not r.status or not (r.text or "").strip())
    return {"missing_results": missing}


def report_transitions(user, report):
    """The moves `user` may make on `report` now."""
    return UNIT_REPORT.allowed(report.state, report_actor(user, report), report_facts(report))


def can_view_contribution(user, contribution) -> bool:
    """The sending unit, the lead unit and those who see all units."""
    return (user.sees_all_units or user.unit_id == contribution.unit_id
            or user.unit_id == contribution.result.report.unit_id)


def can_send_contribution(user, task, report) -> bool:
    """Staff and heads of a coordinating unit, while the lead unit's report is editable."""
    return (user.has_role("staff", "unit_head") and user.unit_id in task.unit_ids("coordinating")
            and user.unit_id != report.unit_id and report.state in EDITABLE_STATES)


def can_merge_contribution(user, contribution) -> bool:
    """The lead unit merges a contribution into its editable report, once."""
    return contribution.merged_at is None and can_edit_report(user, contribution.result.report)


def can_view_consolidated(user) -> bool:
    """Công an tỉnh, signers, admins and viewers read the consolidated report."""
    return user.sees_all_units


def can_edit_consolidated(user, consolidated) -> bool:
    """Công an tỉnh's reviewers (and admins) edit the narrative while it is a draft."""
    state = consolidated.state if consolidated else DOCUMENT.initial
    return state == "draft" and can_open_period(user)


def consolidated_actor(user) -> Actor:
    """Describe `user` relative to Công an tỉnh's consolidated report."""
    relations = set()
    if user.unit.is_standing_agency:
        relations.update({"standing_agency", "issuing_unit"})
    return Actor(roles=user.roles, relations=frozenset(relations))


def consolidated_transitions(user, consolidated, facts: dict):
    """The moves `user` may make on the consolidated report now."""
    state = consolidated.state if consolidated else DOCUMENT.initial
    return DOCUMENT.allowed(state, consolidated_actor(user), facts)
