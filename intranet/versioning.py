"""Optimistic locking shared by every versioned row: refuse stale copies, turn lost races into 409."""
from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from .errors import ConflictError, ValidationError
from .extensions import db


def check_version(row, expected_version) -> None:
    """Refuse a change made on a stale copy of `row` (its form sent the version it showed)."""
    if expected_version in (None, ""):
        return
    try:
        expected = int(expected_version)
    except (TypeError, ValueError):
        raise ValidationError("Phiên bản dữ liệu không hợp lệ.") from None
    if expected != row.version:
        raise ConflictError()


def flush_or_conflict(message: str | None = None) -> None:
    """Flush; a lost race (stale version, unique key taken meanwhile) becomes a conflict."""
    try:
        db.session.flush()
    except (StaleDataError, IntegrityError) as exc:
        raise ConflictError(message) from exc
