"""Authentication and role checks."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload

from ..extensions import db, login_manager
from .models import User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the logged-in user with unit and roles, in one statement."""
    try:
        return db.session.get(User, int(user_id), options=[joinedload(User.role_rows)])
    except ValueError:
        return None


login_manager.login_view = "auth.login"
login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
login_manager.login_message_category = "warning"


def authenticate(username: str, password: str) -> User | None:
    """Return the active user with these credentials, or None."""
    user = db.session.scalar(db.select(User).where(User.username == username.strip().lower()))
    if user is None or not user.is_active or not user.check_password(password):
        return None
    return user


def roles_required(*roles: str):
    """Allow the view only to users holding one of `roles` (403 otherwise)."""
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)
        return wrapper
    return decorator
