"""Writing audit events inside the caller's transaction, and reading an item's history."""
from __future__ import annotations

from sqlalchemy import bindparam

from ..auth.models import User
from ..extensions import db
from .models import AuditEvent


def record_event(entity_type: str, entity_id: int, action: str, label: str, actor, *,
                 from_state: str | None = None, to_state: str | None = None,
                 reason: str | None = None) -> AuditEvent:
    """Add an audit event to the session; the request's commit makes it durable."""
    event = AuditEvent(
        entity_type=entity_type, entity_id=entity_id, action=action, action_label=label,
        from_state=from_state, to_state=to_state, reason=(reason or None),
        actor_id=actor.id if actor else None, unit_id=actor.unit_id if actor else None)
    db.session.add(event)
    return event


# What a history list shows of each event, with the actor's name: plain rows, built once. Loading
# the events and their actors as objects cost four times as much for a task's twenty to fifty.
_HISTORY = (
    db.select(AuditEvent.action_label, AuditEvent.from_state, AuditEvent.to_state, AuditEvent.reason,
              AuditEvent.created_at, User.full_name.label("actor_name"))
    .outerjoin(User, User.id == AuditEvent.actor_id)
    .where(AuditEvent.entity_type == bindparam("entity_type"), AuditEvent.entity_id == bindparam("entity_id"))
    .order_by(AuditEvent.id))


def history(entity_type: str, entity_id: int) -> list:
    """The events of one item, oldest first: rows with action_label, from_state, to_state,
    reason, created_at and actor_name (None for the system)."""
    return db.session.execute(_HISTORY, {"entity_type": entity_type, "entity_id": entity_id}).all()
