"""Users and their roles."""
from __future__ import annotations

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..units.models import OrgUnit

ROLES = {
    "staff": "Chuyên viên",
    "unit_head": "Lãnh đạo đơn vị",
    "reviewer": "Cán bộ thường trực",
    "signer": "Lãnh đạo ký văn bản",
    "admin": "Quản trị hệ thống",
    "viewer": "Lãnh đạo theo dõi",
}


class UserRole(db.Model):
    """One role held by one user."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))


class User(UserMixin, db.Model):
    """A person who logs in; belongs to one unit and holds one or more roles."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    post: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"), index=True)
    is_active_account: Mapped[bool] = mapped_column(default=True)

    unit: Mapped[OrgUnit] = relationship(lazy="joined")
    role_rows: Mapped[list[UserRole]] = relationship(
        lazy="selectin", cascade="all, delete-orphan")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.is_active_account

    @property
    def roles(self) -> frozenset[str]:
        """The user's role names."""
        return frozenset(r.role for r in self.role_rows)

    def has_role(self, *names: str) -> bool:
        """Tell whether the user holds any of `names`."""
        return bool(self.roles & set(names))

    @property
    def role_labels(self) -> str:
        """Vietnamese role names, comma separated."""
        return ", ".join(ROLES[r] for r in sorted(self.roles) if r in ROLES)

    def set_roles(self, names) -> None:
        """Replace the user's roles."""
        names = set(names)
        kept = [row for row in self.role_rows if row.role in names]
        held = {row.role for row in kept}
        self.role_rows = kept + [UserRole(role=n) for n in sorted(names - held)]

    def set_password(self, password: str) -> None:
        """Store a salted hash of `password` (scrypt unless configured otherwise)."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        """Compare `password` with the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def sees_all_units(self) -> bool:
        """Standing agency staff, signers, admins and viewers see every unit's work."""
        return self.has_role("reviewer", "signer", "admin", "viewer")

    def __repr__(self) -> str:
        return f"<User {self.username}>"
