"""Notifications: daily reminders, reading them, and e-mailing new ones. They flush, never commit."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask import g, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from workflows import Forbidden

from ..auth.models import User
from ..extensions import db
from ..formatting import today_vn, utcnow
from .mail import MailSettings, reminder_message, send_messages
from .models import Notification
from .reminders import Directory, report_candidates, task_candidates

LIST_LIMIT = 200


@dataclass
class RemindResult:
    """What one run did."""

    day: date
    created: list[Notification] = field(default_factory=list)
    skipped: int = 0
    emailed: int = 0
    mail_error: str | None = None

    @property
    def people(self) -> int:
        """Number of users who got at least one new notification."""
        return len({n.user_id for n in self.created})

    def count(self, prefix: str) -> int:
        """New notifications whose kind starts with `prefix` ('task', 'report')."""
        return sum(1 for n in self.created if n.kind.startswith(prefix))


def remind(today: date | None = None, soon_days: int = 7, *, reports: bool = True) -> RemindResult:
    """Create today's reminders for due-soon and overdue items; run twice, create nothing new."""
    today = today or today_vn()
    directory = Directory()
    candidates = list(task_candidates(today, soon_days, directory))
    if reports:
        candidates += list(report_candidates(today, soon_days, directory))
    sent = set(db.session.execute(db.select(Notification.user_id, Notification.key)
                                  .where(Notification.day == today, Notification.key.is_not(None))))
    result = RemindResult(today)
    for c in candidates:
        if (c.user.id, c.key) in sent:
            result.skipped += 1
            continue
        sent.add((c.user.id, c.key))
        notification = Notification(user_id=c.user.id, kind=c.kind, title=c.title[:300], body=c.body,
                                    url=c.url, key=c.key, day=today)
        db.session.add(notification)
        result.created.append(notification)
    db.session.flush()
    return result


def not_emailed(day: date) -> list[Notification]:
    """The day's reminders not e-mailed yet: new ones, and those a failed SMTP run left behind."""
    return db.session.scalars(
        db.select(Notification).where(Notification.day == day, Notification.emailed_at.is_(None),
                                      Notification.key.is_not(None))
        .order_by(Notification.user_id, Notification.id)).all()


def email_new(notifications: list[Notification], settings: MailSettings) -> tuple[int, str | None]:
    """E-mail each user with an address one digest of their notifications; mark them e-mailed."""
    by_user: dict[int, list[Notification]] = {}
    for n in notifications:
        if n.emailed_at is None:
            by_user.setdefault(n.user_id, []).append(n)
    if not by_user or not settings.host:
        return 0, None
    users = db.session.scalars(db.select(User).where(User.id.in_(by_user), User.email.is_not(None),
                                                     User.email != "")).all()
    messages = [(reminder_message(user, by_user[user.id], settings), by_user[user.id]) for user in users]
    sent, error = send_messages(settings, [m for m, _ in messages])
    now = utcnow()
    for _message, items in messages[:sent]:
        for n in items:
            n.emailed_at = now
    db.session.flush()
    return sent, error


UNREAD_SQL = (f"SELECT count(*) FROM {Notification.__tablename__} "
              "WHERE user_id = :user_id AND read_at IS NULL")
_UNREAD = db.text(UNREAD_SQL)
_BELL = "unread_notifications"


def unread_count(user) -> int:
    """Number of the user's unread notifications (the bell on every page: plain SQL, which costs
    a fifth of building the same ORM select)."""
    return db.session.execute(_UNREAD, {"user_id": user.id}).scalar() or 0


def bell_count(user) -> int:
    """The bell's count for this request: counted with the data generation when the user was
    loaded (auth.services.load_user), else now."""
    known = g.get(_BELL)
    if known is None or known[0] != user.id:
        known = (user.id, unread_count(user))
        g.setdefault(_BELL, known)
    return known[1]


def remember_bell_count(user_id: int, count: int) -> None:
    """Keep the count read for `user_id` for this request's bell."""
    g.setdefault(_BELL, (user_id, count))


@event.listens_for(Session, "after_commit")
def _forget_bell_count(_session: Session) -> None:
    """A commit may have added or read notifications: count again if the page asks."""
    if has_app_context():
        g.pop(_BELL, None)


def notifications_of(user) -> list[Notification]:
    """The user's latest notifications, unread first, newest first."""
    return db.session.scalars(
        db.select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.read_at.is_not(None), Notification.id.desc()).limit(LIST_LIMIT)).all()


def open_notification(notification: Notification, user) -> Notification:
    """Mark one of the user's notifications read."""
    if notification.user_id != user.id:
        raise Forbidden("Thông báo này không phải của bạn.")
    if notification.read_at is None:
        notification.read_at = utcnow()
    db.session.flush()
    return notification


def mark_all_read(user) -> int:
    """Mark every unread notification of the user read; return how many."""
    result = db.session.execute(
        db.update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()))
    return result.rowcount or 0
