"""Importing a plan from its issued text: upload, preview with unit matches, confirm."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user, login_required
from htmx_flask import make_response

from ..auth.services import roles_required
from ..extensions import db
from ..plans.services import task_counts
from ..units.models import UNIT_KINDS
from ..web import is_fragment_request, render
from . import forms, services

bp = Blueprint("imports", __name__, url_prefix="/nhap-ke-hoach")

IMPORTERS = ("admin", "reviewer")


@bp.route("/")
@login_required
@roles_required(*IMPORTERS)
def upload():
    """Show the form to upload or paste a plan."""
    return render("imports/upload.html", "imports/_form.html")


@bp.route("/xem-truoc", methods=["POST"])
@login_required
@roles_required(*IMPORTERS)
def preview():
    """Read the plan and show what would be saved, each assignee with its unit match."""
    result = services.preview_import(forms.read_source(request.files, request.form), current_user)
    return render("imports/upload.html", "imports/_preview.html", preview=result,
                  kinds=UNIT_KINDS)


@bp.route("/luu", methods=["POST"])
@login_required
@roles_required(*IMPORTERS)
def confirm():
    """Save the previewed plan with the person's fixes and unit choices, in one commit."""
    plan = services.confirm_import(request.form.get("draft", ""), forms.read_header(request.form),
                                   forms.read_choices(request.form), current_user)
    db.session.commit()
    tasks = sum(task_counts(plan.id).values())
    flash(f"Đã nhập kế hoạch {plan.reference} với {tasks} nhiệm vụ.", "success")
    target = url_for("plans.detail", plan_id=plan.id)
    if is_fragment_request():
        return make_response("", 200, redirect=target)
    return redirect(target)
