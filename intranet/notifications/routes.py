"""The bell's count, the notifications page, and opening a notification (marks it read)."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user, login_required

from ..extensions import db
from ..web import get_or_404, is_fragment_request, render
from . import services
from .models import Notification

bp = Blueprint("notifications", __name__, url_prefix="/thong-bao")


@bp.app_context_processor
def _bell():
    """`unread_notifications()` for the header: counted along with the data generation when the
    user is loaded, or by one query when the page asks for it."""
    def unread_notifications() -> int:
        if not (current_user and current_user.is_authenticated):
            return 0
        return services.bell_count(current_user)
    return {"unread_notifications": unread_notifications}


@bp.route("/")
@login_required
def index():
    """My notifications, unread first."""
    return render("notifications/index.html", "notifications/_list.html",
                  notifications=services.notifications_of(current_user))


@bp.route("/<int:notification_id>/mo", methods=["POST"])
@login_required
def open(notification_id: int):
    """Mark the notification read and go to what it is about."""
    notification = get_or_404(Notification, notification_id)
    services.open_notification(notification, current_user)
    db.session.commit()
    target = notification.url or url_for("notifications.index")
    if is_fragment_request():
        return "", 204, {"HX-Redirect": target}
    return redirect(target)


@bp.route("/doc-tat-ca", methods=["POST"])
@login_required
def read_all():
    """Mark every notification read."""
    count = services.mark_all_read(current_user)
    db.session.commit()
    flash(f"Đã đánh dấu {count} thông báo là đã đọc." if count else "Không có thông báo chưa đọc.", "success")
    if is_fragment_request():
        return render("notifications/index.html", "notifications/_list.html",
                      notifications=services.notifications_of(current_user))
    return redirect(url_for("notifications.index"))
