"""Official documents: open, review, sign (register number + PAdES), verify. Flush, never commit."""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from datetime import datetime
from typing import Callable
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import bindparam

from workflows import DOCUMENT, WorkflowError

from ..audit.services import record_event
from ..errors import ValidationError
from ..extensions import db
from ..formatting import to_vn, utcnow, vn_date
from ..plans.models import Plan
from ..versioning import check_version, flush_or_conflict
from . import certificates, register, signing, stamps
from .models import OutgoingDocument
from .permissions import actor_for, facts_for, issuing_unit_ids
from .plan_document import render_plan_pdf, signer_block_index

NUMBER_TAKEN = ("Số văn bản vừa được cấp cho văn bản khác hoặc văn bản đã được ký. "
                "Vui lòng tải lại trang và thử lại.")
_PRINTED_NUMBER = re.compile(r"Số\s*:\s*(\d+\s*/\s*[0-9A-ZĐ][0-9A-ZĐ\-]*)")


_PLAN_DOCUMENT = db.select(OutgoingDocument).where(
    OutgoingDocument.kind == "plan", OutgoingDocument.source_id == bindparam("plan_id"))


def document_for_plan(plan: Plan) -> OutgoingDocument | None:
    """The plan's outgoing document, if one was opened (the plan page asks on every request: the
    select is built once)."""
    return db.session.scalar(_PLAN_DOCUMENT, {"plan_id": plan.id})


def open_document(kind: str, source_id: int, *, issuing_unit_id: int, doc_type: str, symbol: str,
                  title: str, recipients, plan_id: int | None = None, user=None) -> OutgoingDocument:
    """Open a draft outgoing document for a plan or a report; `recipients` as printed (ô 9b)."""
    recipients, archive = register.split_recipients(recipients)
    doc = OutgoingDocument(
        kind=kind, source_id=source_id, plan_id=plan_id, issuing_unit_id=issuing_unit_id,
        doc_type=doc_type, symbol=symbol, title=title, recipients=recipients,
        archive_holder=archive, created_by_id=user.id if user else None)
    db.session.add(doc)
    flush_or_conflict()
    return doc


def ensure_plan_document(plan: Plan, user) -> OutgoingDocument:
    """The plan's outgoing document, opened as a draft on first use."""
    doc = document_for_plan(plan)
    if doc is not None:
        return doc
    unit_id = next((i.get("unit_id") for i in plan.issuers if i.get("unit_id")), None)
    if unit_id is None:
        raise ValidationError("Kế hoạch chưa gắn cơ quan ban hành với một đơn vị trong danh bạ.")
    return open_document(
        "plan", plan.id, plan_id=plan.id, issuing_unit_id=unit_id,
        doc_type=plan.doc_type or "KẾ HOẠCH", symbol=plan.symbol or _default_symbol(unit_id),
        title=plan.title, recipients=plan.recipients, user=user)


def _default_symbol(unit_id: int) -> str:
    """'KH-CAT' for a plan without a symbol: the ký hiệu is the body's to configure."""
    from ..units.models import OrgUnit

    unit = db.session.get(OrgUnit, unit_id)
    return f"KH-{unit.code.upper()}"


def fire_transition(doc: OutgoingDocument, trigger: str, user, *, reason: str | None = None,
                    expected_version=None) -> OutgoingDocument:
    """Move `doc` by `trigger` as `user`, with its audit event; signing and issuing do more."""
    if trigger == "sign":
        return sign_document(doc, user, expected_version=expected_version)
    if trigger == "issue":
        from .dispatch import issue_document

        return issue_document(doc, user, expected_version=expected_version)
    check_version(doc, expected_version)
    reason = (reason or "").strip()[:2000] or None
    before = doc.state
    doc.state = DOCUMENT.fire(trigger, before, actor_for(user, doc), reason=reason,
                              facts=facts_for(user, trigger))
    record_event("document", doc.id, trigger, DOCUMENT.transition(trigger, before).label, user,
                 from_state=before, to_state=doc.state, reason=reason)
    flush_or_conflict()
    return doc


# kind -> function(doc, qr_url) returning (pdf bytes, signature boxes); reports register theirs.
RENDERERS: dict[str, Callable] = {}


def register_renderer(kind: str, renderer: Callable) -> None:
    """Let another package print its documents for signing (e.g. the consolidated report)."""
    RENDERERS[kind] = renderer


def _render_plan(doc: OutgoingDocument, qr_url: str | None):
    # The block the signer signs in carries the signer's own name (ô 7b), not the draft's.
    signers = [dict(s) for s in doc.plan.signers or []]
    index = signer_block_index(doc.plan, doc.signer)
    if index < len(signers):
        signers[index].update(name=doc.signer.full_name, rank=None)
    return render_plan_pdf(doc.plan, qr_url=qr_url, with_boxes=True,
                           number=f"{doc.number:02d}", symbol=doc.symbol,
                           issued_on=doc.issued_on.isoformat(), signers=signers)


register_renderer("plan", _render_plan)


def sign_document(doc: OutgoingDocument, user, *, now: datetime | None = None,
                  expected_version=None) -> OutgoingDocument:
    """Number, render, sign and store the document as `user`, in the caller's transaction."""
    check_version(doc, expected_version)
    if doc.is_signed:
        raise WorkflowError("Văn bản đã được ký; bản đã ký không thể ký lại.")
    renderer = RENDERERS.get(doc.kind)
    if renderer is None:
        raise ValidationError("Chưa hỗ trợ ký số loại văn bản này.")
    before = doc.state
    doc.state = DOCUMENT.fire("sign", before, actor_for(user, doc), facts=facts_for(user, "sign"))
    doc.signed_at, doc.signer_id = (now or utcnow()), user.id
    # Takes the document's row lock: a second signer of the same document stops here.
    flush_or_conflict()
    _assign_number(doc, to_vn(doc.signed_at).date())
    flush_or_conflict(NUMBER_TAKEN)
    unsigned, boxes = renderer(doc, verify_url(doc))
    box = _box_for(doc, user, boxes)
    signature_png, seal_png, seal_mm = stamps.stamp_images_for(user, issuing_unit_ids(doc))
    try:
        with certificates.open_user_signer(user) as signer:
            identity = signing.SignerIdentity.from_certificate(signer.signing_cert)
            font = current_app.config.get("TNR_FONT")
            stamp = signing.StampSpec(identity, signature_png=signature_png, seal_png=seal_png,
                                      seal_size_mm=seal_mm, font_path=font or None)
            signed = signing.sign_pdf(
                unsigned, signer, stamp=stamp,
                box=box.box if box else None, page=box.page_index if box else 0,
                reason=f"Ban hành văn bản số {doc.number_text}",
                location=(doc.plan.place if doc.plan else "") or "")
    except certificates.CertificateUnavailable as exc:
        raise WorkflowError(exc.message) from exc
    except signing.SigningError as exc:
        raise WorkflowError(str(exc)) from exc
    doc.signer_name, doc.signer_post = identity.name or user.full_name, identity.post or user.post
    _store_pdf(doc, signed)
    if doc.kind == "plan" and not doc.paper_number:
        _number_plan(doc)
    record_event("document", doc.id, "sign", f"Ký số, cấp số {doc.number_text}", user,
                 from_state=before, to_state=doc.state)
    flush_or_conflict(NUMBER_TAKEN)
    return doc


def _assign_number(doc: OutgoingDocument, today) -> None:
    """Give the document its register number: a plan numbered on paper keeps its number."""
    plan = doc.plan if doc.kind == "plan" else None
    if plan is not None and (plan.number or "").isdigit():
        # Seed plans were issued on paper: the signed PDF is the electronic form of the same
        # document, so it keeps that number and date (Điều 15: unified paper and electronic).
        number, issued_on = int(plan.number), plan.issued_on or today
        register.claim_number(doc.issuing_unit_id, issued_on.year, number)
        doc.paper_number = True
        doc.note = f"Số đã cấp trên bản giấy; bản điện tử ký số ngày {vn_date(today)}"
    else:
        issued_on = today
        number = register.next_number(doc.issuing_unit_id, today.year)
    doc.number, doc.year, doc.issued_on = number, issued_on.year, issued_on
    doc.number_text = register.format_number(number, doc.symbol)
    recipients = len(doc.recipients or []) + (1 if doc.archive_holder else 0)
    doc.copies = recipients or None


def _number_plan(doc: OutgoingDocument) -> None:
    """An unnumbered plan takes its register number, symbol and date."""
    plan = doc.plan
    plan.number, plan.symbol, plan.issued_on = f"{doc.number:02d}", doc.symbol, doc.issued_on
    plan.status = "issued"


def _box_for(doc: OutgoingDocument, user, boxes):
    """The signer's own signature block among the document's blocks."""
    if not boxes:
        return None
    index = signer_block_index(doc.plan, user) if doc.kind == "plan" and doc.plan else 0
    return boxes[index] if index < len(boxes) else boxes[0]


def _store_pdf(doc: OutgoingDocument, data: bytes) -> None:
    """Store the signed file once, with its SHA-256; it is never rewritten."""
    if doc.sha256 is not None:
        raise WorkflowError("Văn bản đã được ký; bản đã ký không thể thay đổi.")
    doc.pdf_data, doc.pdf_size = data, len(data)
    doc.sha256 = hashlib.sha256(data).hexdigest()


def stored_pdf(doc: OutgoingDocument) -> bytes:
    """The signed file exactly as stored, checked against its SHA-256."""
    data = doc.pdf_data
    if data is None or hashlib.sha256(data).hexdigest() != doc.sha256:
        raise RuntimeError(f"Signed file of document {doc.id} is missing or altered")
    return data


def verify_url(doc: OutgoingDocument) -> str:
    """The verification page of `doc` under PUBLIC_URL, for the QR code on page 1."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/",
                                       url_scheme=base.scheme or "http")
    return adapter.build("documents.verify_document", {"doc_id": doc.id}, force_external=True)


def printed_number(data: bytes) -> str | None:
    """The 'Số: 05/KH-CAT' printed on page 1 of a PDF, as '05/KH-CAT'."""
    try:
        from pypdf import PdfReader

        text = PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""
    except Exception:
        return None
    match = _PRINTED_NUMBER.search(unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", "", match.group(1)) if match else None


def verify_upload(data: bytes) -> dict:
    """Check a PDF's signature and compare it with the register (by SHA-256, then by number)."""
    from .verification import verify_pdf

    result = verify_pdf(data, certificates.trust_roots())
    stored = register.find_by_sha256(hashlib.sha256(data).hexdigest())
    printed = printed_number(data)
    same_number = [] if stored else register.find_by_number(printed) if printed else []
    return {
        "valid": result.valid,
        "intact": result.intact,
        "signer": result.signer,
        "signed_at": result.signed_at,
        "number": stored.number_text if stored else printed,
        "signed": result.signed,
        "trusted": result.trusted,
        "message": result.message_vi,
        "document": stored,
        "register_match": stored is not None,
        "same_number": same_number,
    }
