"""Authentication and role checks."""
from __future__ import annotations

from functools import wraps

from flask import abort, current_app
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.orm import joinedload

from .. import fragments
from ..extensions import db, login_manager
from ..notifications import services as notifications
from .models import User

SIGNED_IN_KEPT = 4096  # users whose loaded rows a worker keeps


def init_app(app) -> None:
    """Give the app its store of signed-in users (used only when caching is on).

    Every request needs its user, unit and roles. A kept copy is used only under the people
    generation it was loaded in: any write to an account, a role or a unit (a password, a
    locked account, a unit renamed) makes every copy stale; other writes (a task moving on) do
    not.
    """
    app.extensions["signed_in_users"] = fragments.KeptCopies(SIGNED_IN_KEPT)


# Every page needs the data generation (for its cached parts), the people generation (for this
# user's kept copy) and the user's unread count (the bell): one round trip for the three.
_REQUEST_START = text(f"SELECT ({fragments.GENERATION_SQL}), ({fragments.PEOPLE_GENERATION_SQL}), "
                      f"({notifications.UNREAD_SQL})")


def _generations_and_bell(user_id: int) -> int:
    """The people generation, read with the data generation and the bell's count for `user_id`
    if not read yet."""
    if not fragments.generation_known():
        value, people, unread = fragments.read_outside_transaction(_REQUEST_START, {"user_id": user_id})
        fragments.remember_generation(value, people)
        notifications.remember_bell_count(user_id, unread or 0)
    return fragments.people_generation()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the logged-in user with unit and roles: in one statement, or none from the kept copy."""
    try:
        ident = int(user_id)
    except ValueError:
        return None
    return current_app.extensions["signed_in_users"].fetch(
        ident, lambda: _generations_and_bell(ident),
        lambda: db.session.get(User, ident, options=[joinedload(User.role_rows)]))


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
