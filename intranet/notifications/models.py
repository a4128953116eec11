"""A notification for one user: what, where to go, and whether it was read and e-mailed."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..formatting import utcnow

KINDS = {
    "task_overdue": "Nhiệm vụ quá hạn",
    "task_due_soon": "Nhiệm vụ sắp đến hạn",
    "report_overdue": "Báo cáo quá hạn",
    "report_due_soon": "Báo cáo sắp đến hạn",
}


class Notification(db.Model):
    """One message to one user; `key` makes a reminder unique per item, status and day."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        Index("ix_notification_user_read", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    key: Mapped[str | None] = mapped_column(String(120))
    day: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    emailed_at: Mapped[datetime | None]

    @property
    def kind_label(self) -> str:
        """Vietnamese name of the kind."""
        return KINDS.get(self.kind, "Thông báo")

    @property
    def is_unread(self) -> bool:
        """Not opened yet."""
        return self.read_at is None
