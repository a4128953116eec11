"""Official documents: plan print preview and PDF, signing and issuing, register, incoming, verification."""
from __future__ import annotations

import re
import unicodedata

from flask import (Blueprint, abort, current_app, flash, make_response, redirect, request,
                   url_for)
from flask_login import current_user, login_required

from workflows import DOCUMENT

from ..audit.services import history
from ..auth.models import User
from ..errors import ValidationError
from ..extensions import db
from ..formatting import today_vn
from ..plans.models import Plan
from ..plans.services import load_plan
from ..units.models import OrgUnit
from ..web import get_or_404, is_fragment_request, render
from . import dispatch, pdf, register, services, stamps
from .models import Dispatch, OutgoingDocument, StampImage
from .permissions import (allowed_plan_transitions, allowed_transitions, can_view_document,
                          can_view_register, facts_for, plan_actor, sign_refusal)
from .plan_document import render_plan_html, render_plan_pdf

bp = Blueprint("documents", __name__, url_prefix="/van-ban")
bp.add_app_template_global(stamps.can_open_stamps_page, "can_open_stamps_page")


@bp.app_template_global()
def plan_document_view(plan: Plan) -> dict:
    """What the plan page's document links need: the document, and the moves I may make."""
    doc = services.document_for_plan(plan)
    if doc is None:
        # Not opened yet: it is a draft; the first move opens it.
        doc_state, actions, refusal = DOCUMENT.initial, allowed_plan_transitions(current_user, plan), None
    else:
        doc_state = doc.state
        actions = allowed_transitions(current_user, doc)
        refusal = sign_refusal(current_user, doc)
    return {"document": doc, "state": DOCUMENT.state(doc_state), "actions": actions,
            "refusal": refusal, "version": doc.version if doc else ""}


def _pdf_response(data: bytes, filename: str, *, etag: str | None = None):
    response = make_response(data)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    if etag:
        response.set_etag(etag)
    return response


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^A-Za-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")


def _load_plan(plan_id: int) -> Plan:
    plan = load_plan(plan_id)
    if plan is None:
        abort(404)
    return plan


def _load_document(doc_id: int) -> OutgoingDocument:
    """Load the document (404) and check the user may see it (403)."""
    doc = get_or_404(OutgoingDocument, doc_id)
    if not can_view_document(current_user, doc):
        abort(403)
    return doc


def _signed_pdf(doc: OutgoingDocument):
    return _pdf_response(services.stored_pdf(doc), f"{_ascii(doc.number_text)}.pdf", etag=doc.sha256)


@bp.route("/ke-hoach/<int:plan_id>/ban-in")
@login_required
def plan_preview(plan_id: int):
    """The plan as it prints, on a standalone page."""
    plan = _load_plan(plan_id)
    html = render_plan_html(plan, url_for("static", filename="css/pdf.css"))
    response = make_response(html)
    response.headers["Vary"] = "HX-Request"
    return response


@bp.route("/ke-hoach/<int:plan_id>/van-ban.pdf")
@login_required
def plan_pdf(plan_id: int):
    """The plan's PDF: the signed file once signed, else a fresh draft rendering."""
    plan = _load_plan(plan_id)
    doc = services.document_for_plan(plan)
    if doc is not None and doc.is_signed:
        return _signed_pdf(doc)
    return _pdf_response(render_plan_pdf(plan), f"du-thao-{_ascii(plan.reference)}.pdf")


@bp.route("/ke-hoach/<int:plan_id>/chuyen/<trigger>", methods=["POST"])
@login_required
def plan_transition(plan_id: int, trigger: str):
    """Move the plan's document (opening it on the first move)."""
    plan = _load_plan(plan_id)
    if not DOCUMENT.has_trigger(trigger):
        abort(404)
    doc = services.document_for_plan(plan)
    if doc is None:
        DOCUMENT.check(trigger, DOCUMENT.initial, plan_actor(current_user, plan),
                       facts_for(current_user, trigger))
        doc = services.ensure_plan_document(plan, current_user)
    _fire(doc, trigger)
    db.session.commit()
    flash(_done_message(doc, trigger), "success")
    if is_fragment_request():
        return render("documents/_plan_document.html", plan=plan, with_flash=True)
    return redirect(url_for("plans.detail", plan_id=plan.id))


def _fire(doc: OutgoingDocument, trigger: str) -> None:
    services.fire_transition(doc, trigger, current_user, reason=request.form.get("reason"),
                             expected_version=request.form.get("version"))


def _done_message(doc: OutgoingDocument, trigger: str) -> str:
    if trigger == "sign":
        return f"Đã ký số văn bản, cấp số {doc.number_text}."
    if trigger == "issue":
        return f"Đã phát hành văn bản tới {len(doc.dispatches)} đơn vị trong hệ thống."
    return f"Đã chuyển sang trạng thái: {doc.state_def.label}."


@bp.route("/<int:doc_id>")
@login_required
def detail(doc_id: int):
    """One outgoing document: its register line, moves, dispatch and history."""
    return _detail_page(_load_document(doc_id))


def _detail_page(doc: OutgoingDocument):
    return render("documents/detail.html", "documents/_panel.html", doc=doc,
                  register_fields=_register_fields(doc),
                  actions=allowed_transitions(current_user, doc),
                  refusal=sign_refusal(current_user, doc),
                  recipients=dispatch.recipient_units(doc) if doc.state == "signed" else [],
                  outside=dispatch.outside_recipients(doc) if doc.is_signed else [],
                  events=history("document", doc.id))


def _register_fields(doc: OutgoingDocument) -> list[tuple[str, str]]:
    if not doc.number:
        return []
    return list(zip(register.COLUMNS, register.register_row(doc).cells))


@bp.route("/<int:doc_id>/chuyen/<trigger>", methods=["POST"])
@login_required
def transition(doc_id: int, trigger: str):
    """Review, return, sign or issue a document."""
    doc = _load_document(doc_id)
    if not DOCUMENT.has_trigger(trigger):
        abort(404)
    _fire(doc, trigger)
    db.session.commit()
    flash(_done_message(doc, trigger), "success")
    if is_fragment_request():
        return _detail_page(doc)
    return redirect(url_for("documents.detail", doc_id=doc.id))


@bp.route("/<int:doc_id>/ban-ky.pdf")
@login_required
def signed_pdf(doc_id: int):
    """The signed file, byte for byte as stored."""
    doc = _load_document(doc_id)
    if not doc.is_signed:
        abort(404)
    return _signed_pdf(doc)


def _register_filters() -> tuple[int, int | None]:
    """Year and body from the query; a user who does not see all units gets their own body."""
    year = request.args.get("year", type=int) or today_vn().year
    unit_id = request.args.get("unit", type=int)
    if not current_user.sees_all_units:
        unit_id = current_user.unit_id
    if not can_view_register(current_user, unit_id) and unit_id is not None:
        abort(403)
    return year, unit_id


@bp.route("/so-van-ban-di")
@login_required
def register_page():
    """The outgoing register (sổ văn bản đi) of a year, for one body or all."""
    year, unit_id = _register_filters()
    return render("documents/register.html", "documents/_register_table.html",
                  rows=register.register_rows(year, unit_id), columns=register.COLUMNS,
                  year=year, unit_id=unit_id,
                  years=sorted({*register.register_years(today_vn()), year}, reverse=True),
                  units=register.issuing_units())


@bp.route("/so-van-ban-di/in.pdf")
@login_required
def register_pdf():
    """Print one body's register for a year (Phụ lục IV)."""
    year, unit_id = _register_filters()
    if unit_id is None:
        raise ValidationError("Chọn cơ quan ban hành để in sổ văn bản đi.")
    unit = get_or_404(OrgUnit, unit_id)
    rows = register.register_rows(year, unit_id)
    data = pdf.render_pdf("pdf/register.html", register.print_context(unit, year, rows))
    return _pdf_response(data, f"so-van-ban-di-{_ascii(unit.code)}-{year}.pdf")


@bp.route("/den")
@login_required
def incoming():
    """Documents sent to my unit."""
    return render("documents/incoming.html", items=dispatch.incoming_for_unit(current_user.unit_id))


@bp.route("/den/<int:dispatch_id>")
@login_required
def open_incoming(dispatch_id: int):
    """Open a document sent to my unit; the first opening is recorded."""
    item = get_or_404(Dispatch, dispatch_id)
    if item.unit_id != current_user.unit_id:
        abort(403)
    dispatch.open_dispatch(item, current_user)
    db.session.commit()
    return render("documents/incoming_detail.html", item=item, doc=item.document)


@bp.route("/xac-thuc", methods=["GET", "POST"])
@login_required
def verify():
    """Upload a PDF and check its signature against the register."""
    result = None
    if request.method == "POST":
        upload = request.files.get("file")
        data = upload.read(current_app.config["UPLOAD_MAX_BYTES"] + 1) if upload else b""
        if not data:
            raise ValidationError("Vui lòng chọn tệp PDF cần kiểm tra.")
        if len(data) > current_app.config["UPLOAD_MAX_BYTES"]:
            abort(413)
        result = services.verify_upload(data)
        result["filename"] = upload.filename
    return render("documents/verify.html", "documents/_verify_result.html", result=result,
                  document=None)


@bp.route("/xac-thuc/<int:doc_id>")
@login_required
def verify_document(doc_id: int):
    """What the QR code on page 1 opens: the register record of the document, and the upload form."""
    doc = get_or_404(OutgoingDocument, doc_id)
    if not doc.is_signed:
        abort(404)
    return render("documents/verify.html", result=None, document=doc)


def _stamps_page(**extra):
    if not stamps.can_open_stamps_page(current_user):
        abort(403)
    signers = stamps.manageable_signers(current_user)
    units = stamps.manageable_units(current_user)
    return render("documents/stamps.html", signers=signers, units=units,
                  signatures={s.id: stamps.signature_of(s.id) for s in signers},
                  seals={u.id: stamps.seal_of(u.id) for u in units}, max_kb=stamps.MAX_BYTES // 1024,
                  **extra)


@bp.route("/anh-ky-so")
@login_required
def stamp_images():
    """Signature and seal images shown in signed documents' stamps."""
    return _stamps_page()


def _stamp_card(card: str, **context):
    if is_fragment_request():
        return render(f"documents/_{card}_card.html", **context)
    return redirect(url_for("documents.stamp_images"))


def _upload_bytes() -> bytes:
    upload = request.files.get("file")
    return upload.read(stamps.MAX_BYTES + 1) if upload else b""


@bp.route("/anh-ky-so/chu-ky/<int:user_id>", methods=["POST"])
@login_required
def upload_signature(user_id: int):
    """Upload (or replace) a signer's signature image."""
    owner = get_or_404(User, user_id)
    if not stamps.can_manage_signature(current_user, owner):
        abort(403)
    image = stamps.save_signature(owner, _upload_bytes(), current_user)
    db.session.commit()
    flash(f"Đã lưu ảnh chữ ký của {owner.full_name}.", "success")
    return _stamp_card("signature", signer=owner, image=image)


@bp.route("/anh-ky-so/con-dau/<int:unit_id>", methods=["POST"])
@login_required
def upload_seal(unit_id: int):
    """Upload (or replace) a unit's seal image with its real diameter."""
    unit = get_or_404(OrgUnit, unit_id)
    if not stamps.can_manage_seal(current_user, unit):
        abort(403)
    image = stamps.save_seal(unit, _upload_bytes(), request.form.get("size_mm"), current_user)
    db.session.commit()
    flash(f"Đã lưu ảnh con dấu của {unit.name}.", "success")
    return _stamp_card("seal", unit=unit, image=image)


def _load_stamp(image_id: int) -> StampImage:
    image = get_or_404(StampImage, image_id)
    allowed = (stamps.can_manage_signature(current_user, image.user) if image.kind == stamps.SIGNATURE
               else stamps.can_manage_seal(current_user, image.unit))
    if not allowed:
        abort(403)
    return image


@bp.route("/anh-ky-so/<int:image_id>/xoa", methods=["POST"])
@login_required
def delete_stamp_image(image_id: int):
    """Remove an image; later signatures use the text stamp."""
    image = _load_stamp(image_id)
    owner, unit, kind = image.user, image.unit, image.kind
    stamps.delete_image(image, current_user)
    db.session.commit()
    flash("Đã xóa ảnh; văn bản ký sau này dùng dấu chữ ký dạng chữ.", "success")
    if kind == stamps.SIGNATURE:
        return _stamp_card("signature", signer=owner, image=None)
    return _stamp_card("seal", unit=unit, image=None)


@bp.route("/anh-ky-so/<int:image_id>.png")
@login_required
def stamp_image_file(image_id: int):
    """The stored PNG, for those who may change it."""
    image = _load_stamp(image_id)
    response = make_response(image.data)
    response.headers["Content-Type"] = "image/png"
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.set_etag(image.sha256)
    return response
