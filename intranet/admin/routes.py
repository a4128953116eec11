"""Administration: units and users."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import login_required

from ..auth.models import ROLES, User
from ..auth.services import roles_required
from ..extensions import db
from ..units.models import OrgUnit
from ..web import render
from .services import create_user

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")


@bp.route("/don-vi")
@login_required
@roles_required("admin")
def units():
    """List the units."""
    rows = db.session.scalars(db.select(OrgUnit).order_by(OrgUnit.kind, OrgUnit.name)).all()
    return render("admin/units.html", units=rows)


@bp.route("/nguoi-dung", methods=["GET", "POST"])
@login_required
@roles_required("admin")
def users():
    """List users and create one."""
    if request.method == "POST":
        user = create_user(request.form)
        db.session.commit()
        flash(f"Đã tạo tài khoản {user.username}.", "success")
        return redirect(url_for("admin.users"))
    rows = db.session.scalars(db.select(User).order_by(User.username)).all()
    units_ = db.session.scalars(db.select(OrgUnit).order_by(OrgUnit.name)).all()
    return render("admin/users.html", users=rows, units=units_, roles=ROLES)
