"""Who may see and move an official document: one place for the buttons and the POSTs."""
from __future__ import annotations

from workflows import DOCUMENT, Actor

from . import certificates


def issuing_unit_ids(doc) -> set[int]:
    """The bodies that issue the document: every issuer of a joint plan, else the one body."""
    ids = {doc.issuing_unit_id}
    if doc.kind == "plan" and doc.plan is not None:
        ids |= {i["unit_id"] for i in doc.plan.issuers if i.get("unit_id")}
    return ids


def _actor(user, issuers: set[int]) -> Actor:
    relations = set()
    if user.unit.is_standing_agency:
        relations.add("standing_agency")
    if user.unit_id in issuers:
        relations.add("issuing_unit")
    return Actor(roles=user.roles, relations=frozenset(relations))


def actor_for(user, doc) -> Actor:
    """Describe `user` relative to `doc` for the workflow's checks."""
    return _actor(user, issuing_unit_ids(doc))


def plan_actor(user, plan) -> Actor:
    """Describe `user` relative to a plan whose document is not opened yet."""
    return _actor(user, {i["unit_id"] for i in plan.issuers if i.get("unit_id")})


def facts_for(user, trigger: str | None = None) -> dict:
    """Facts the guards read; the certificate is looked up only when signing is in question."""
    if trigger in (None, "sign") and user.has_role("signer"):
        return {"has_certificate": certificates.has_certificate(user)}
    return {}


def allowed_transitions(user, doc) -> list:
    """The moves `user` may make on `doc` now."""
    return DOCUMENT.allowed(doc.state, actor_for(user, doc), facts_for(user))


def allowed_plan_transitions(user, plan) -> list:
    """The moves `user` may make on a plan whose document is still an unopened draft."""
    return DOCUMENT.allowed(DOCUMENT.initial, plan_actor(user, plan), facts_for(user))


def sign_refusal(user, doc) -> str | None:
    """Why a signer of the issuing body cannot sign now (e.g. no certificate), for the page."""
    if doc.state != "reviewed" or not user.has_role("signer"):
        return None
    if "issuing_unit" not in actor_for(user, doc).relations:
        return None
    return DOCUMENT.refusal("sign", doc.state, actor_for(user, doc), facts_for(user, "sign"))


def can_view_document(user, doc) -> bool:
    """Plans are read by everyone; reports by their bodies, recipients and those who see all units."""
    if doc.kind == "plan" or user.sees_all_units:
        return True
    if user.unit_id in issuing_unit_ids(doc):
        return True
    return any(d.unit_id == user.unit_id for d in doc.dispatches)


def can_view_register(user, unit_id: int | None) -> bool:
    """Those who see all units read every body's register; others their own body's."""
    return user.sees_all_units or (unit_id is not None and unit_id == user.unit_id)
