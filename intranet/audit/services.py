"""Writing audit events inside the caller's transaction."""
from __future__ import annotations

from sqlalchemy.orm import joinedload, lazyload

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


def history(entity_type: str, entity_id: int) -> list[AuditEvent]:
    """Return the events of one item, oldest first."""
    return db.session.scalars(
        db.select(AuditEvent)
        .options(joinedload(AuditEvent.actor).options(lazyload(User.role_rows)))
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id)).all()
