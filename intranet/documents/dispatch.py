"""Issuing a signed document to its recipients, and the incoming documents (văn bản đến) of a unit."""
from __future__ import annotations

from sqlalchemy.orm import selectinload

from workflows import DOCUMENT

from ..audit.services import record_event
from ..extensions import db
from ..formatting import utcnow
from ..tasks.models import Task, TaskUnit
from ..units.models import OrgUnit
from ..versioning import check_version, flush_or_conflict
from .models import Dispatch, OutgoingDocument
from .permissions import actor_for, facts_for, issuing_unit_ids
from .plan_document import fold
from .register import register_row


def recipient_units(doc: OutgoingDocument) -> list[OrgUnit]:
    """Units inside the intranet that receive `doc`: those named among its recipients and,
    for a plan, every unit its tasks are assigned to; never the issuing bodies themselves."""
    units = db.session.scalars(db.select(OrgUnit).where(
        OrgUnit.is_active, OrgUnit.kind != "collective").order_by(OrgUnit.name)).all()
    wanted = {fold(line) for line in doc.recipients or []}
    chosen = {u.id for u in units
              if wanted & {fold(n) for n in [u.name, u.short_name or "", *u.alias_list] if n}}
    if doc.kind == "plan" and doc.plan_id:
        chosen |= set(db.session.scalars(db.select(TaskUnit.unit_id).join(Task).where(
            Task.plan_id == doc.plan_id, Task.state != "cancelled")))
    chosen -= issuing_unit_ids(doc)
    return [u for u in units if u.id in chosen]


def outside_recipients(doc: OutgoingDocument) -> list[str]:
    """Printed recipients (ô 9b) that are not units of the intranet: sent on paper or by e-mail."""
    units = db.session.scalars(db.select(OrgUnit).where(OrgUnit.is_active)).all()
    inside = {fold(n) for u in units if not u.is_external
              for n in [u.name, u.short_name or "", *u.alias_list] if n}
    return [line for line in doc.recipients or [] if fold(line) not in inside]


def issue_document(doc: OutgoingDocument, user, *, expected_version=None) -> OutgoingDocument:
    """Issue a signed document: one dispatch per recipient unit, logged in the register."""
    check_version(doc, expected_version)
    before = doc.state
    doc.state = DOCUMENT.fire("issue", before, actor_for(user, doc), facts=facts_for(user, "issue"))
    now = utcnow()
    doc.dispatched_at, doc.dispatched_by_id = now, user.id
    for unit in recipient_units(doc):
        doc.dispatches.append(Dispatch(unit=unit, sent_at=now, sent_by_id=user.id))
    doc.copies = len(register_row(doc).recipients) + (1 if doc.archive_holder else 0)
    record_event("document", doc.id, "issue",
                 f"Phát hành tới {len(doc.dispatches)} đơn vị trong hệ thống", user,
                 from_state=before, to_state=doc.state)
    flush_or_conflict()
    return doc


def incoming_for_unit(unit_id: int) -> list[Dispatch]:
    """The documents sent to a unit, newest first."""
    return db.session.scalars(
        db.select(Dispatch).where(Dispatch.unit_id == unit_id)
        .options(selectinload(Dispatch.document))
        .order_by(Dispatch.sent_at.desc(), Dispatch.id.desc())).all()


def open_dispatch(dispatch: Dispatch, user) -> Dispatch:
    """Record the first time someone of the receiving unit opens the document."""
    if dispatch.opened_at is None:
        dispatch.opened_at, dispatch.opened_by_id = utcnow(), user.id
        record_event("document", dispatch.document_id, "open",
                     f"{dispatch.unit.name} mở văn bản đến", user)
        db.session.flush()
    return dispatch
