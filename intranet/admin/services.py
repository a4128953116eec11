"""Account administration."""
from __future__ import annotations

import re

from ..auth.models import ROLES, User
from ..errors import ValidationError
from ..extensions import db
from ..units.models import OrgUnit

USERNAME = re.compile(r"^[a-z0-9._-]{3,80}$")


def create_user(form) -> User:
    """Create an account from the admin form, validating every field."""
    username = (form.get("username") or "").strip().lower()
    full_name = (form.get("full_name") or "").strip()
    password = form.get("password") or ""
    roles = [r for r in form.getlist("roles") if r in ROLES]
    unit = db.session.get(OrgUnit, form.get("unit_id", type=int) or 0)
    if not USERNAME.match(username):
        raise ValidationError("Tên đăng nhập gồm 3–80 ký tự: chữ thường không dấu, số, dấu chấm, gạch.")
    if db.session.scalar(db.select(User.id).where(User.username == username)):
        raise ValidationError(f"Tên đăng nhập {username} đã tồn tại.")
    if not full_name:
        raise ValidationError("Vui lòng nhập họ và tên.")
    if len(password) < 8:
        raise ValidationError("Mật khẩu phải có ít nhất 8 ký tự.")
    if unit is None:
        raise ValidationError("Vui lòng chọn đơn vị.")
    if not roles:
        raise ValidationError("Vui lòng chọn ít nhất một vai trò.")
    user = User(username=username, full_name=full_name, unit_id=unit.id,
                post=(form.get("post") or "").strip() or None)
    user.set_password(password)
    user.set_roles(roles)
    db.session.add(user)
    db.session.flush()
    return user
