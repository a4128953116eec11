"""`flask remind`: who gets which reminder, no duplicates on a second run, e-mail over real SMTP."""
from __future__ import annotations

import socket
from datetime import date
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from intranet.auth.models import User
from intranet.extensions import db
from intranet.notifications.models import Notification

from ..reports.helpers import open_annual

# The demo plan 112's yearly tasks are due before 05/12; 2026-12-01 is four days before.
DAY = "2026-12-01"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    """A real SMTP server on localhost for the test's duration."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def notes(username: str) -> list[Notification]:
    return db.session.scalars(db.select(Notification).join(User, User.id == Notification.user_id)
                             .where(User.username == username).order_by(Notification.id)).all()


def give_emails(*usernames: str) -> None:
    for user in db.session.scalars(db.select(User).where(User.username.in_(usernames))):
        user.email = f"{user.username}@so.example.vn"
    db.session.commit()


def test_remind_notifies_the_people_who_must_act_once_a_day(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["remind", "--date", DAY])
    assert first.exit_code == 0, first.output
    assert "Ngày 01/12/2026: tạo" in first.output
    assert "Chưa cấu hình SMTP_HOST" in first.output
    with app.app_context():
        sgd_staff = notes("sgd.chuyenvien")
        assert sgd_staff and {n.kind for n in sgd_staff} == {"task_due_soon"}
        assert all("Còn 4 ngày (hạn 05/12/2026)" in n.body for n in sgd_staff)
        assert all(n.url.startswith("/nhiem-vu/") for n in sgd_staff)
        assert len(notes("sgd.lanhdao")) == len(sgd_staff)
        assert notes("syt.chuyenvien") and not notes("lanhdao.tinh") and not notes("admin")
        total = db.session.scalar(db.select(db.func.count()).select_from(Notification))
    second = runner.invoke(args=["remind", "--date", DAY])
    assert second.exit_code == 0
    assert "tạo 0 thông báo" in second.output and f"bỏ qua {total} đã nhắc" in second.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Notification)) == total


def test_nothing_due_within_seven_days_means_no_task_reminder(app):
    result = app.test_cli_runner().invoke(args=["remind", "--date", "2026-06-01"])
    assert result.exit_code == 0
    with app.app_context():
        assert not [n for n in notes("sgd.chuyenvien") if n.kind.startswith("task")]


def test_overdue_unit_reports_remind_the_unit_not_the_units_that_sent(app, auth):
    assert open_annual(app, auth).status_code == 302
    app.test_cli_runner().invoke(args=["remind", "--date", DAY, "--no-email"])
    with app.app_context():
        overdue = [n for n in notes("syt.lanhdao") if n.kind == "report_overdue"]
        assert len(overdue) == 1
        assert overdue[0].title.startswith("Quá hạn: Báo cáo năm 2025")
        assert "Quá hạn 361 ngày (hạn 05/12/2025)" in overdue[0].body
        assert overdue[0].url.startswith("/bao-cao/don-vi/")


def test_reminders_are_emailed_over_smtp_once(app, smtp):
    controller, inbox = smtp
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, PUBLIC_URL="https://pcmt.example.vn")
    with app.app_context():
        give_emails("sgd.chuyenvien", "sgd.lanhdao")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["remind", "--date", DAY])
    assert result.exit_code == 0, result.output
    assert f"Đã gửi 2 thư điện tử qua 127.0.0.1:{controller.port}" in result.output
    assert sorted(rcpt for rcpts, _ in inbox.messages for rcpt in rcpts) == [
        "sgd.chuyenvien@so.example.vn", "sgd.lanhdao@so.example.vn"]
    _, message = inbox.messages[0]
    assert message["Subject"].startswith("[PCMT] Nhắc việc ngày 01/12/2026: ")
    assert "việc sắp đến hạn" in message["Subject"]
    body = message.get_content()
    assert "Kính gửi đồng chí" in body and "https://pcmt.example.vn/nhiem-vu/" in body
    with app.app_context():
        staff = notes("sgd.chuyenvien")
        assert staff and all(n.emailed_at is not None for n in staff)
        assert all(n.emailed_at is None for n in notes("syt.chuyenvien"))  # no address, no e-mail
    again = runner.invoke(args=["remind", "--date", DAY])
    assert again.exit_code == 0 and "Đã gửi 0 thư" in again.output
    assert len(inbox.messages) == 2


def test_a_failed_smtp_run_is_retried_by_the_next_run(app, smtp):
    controller, inbox = smtp
    with app.app_context():
        give_emails("sgd.chuyenvien")
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())  # nobody listens there
    failed = app.test_cli_runner().invoke(args=["remind", "--date", DAY])
    assert failed.exit_code == 1 and "Lỗi gửi thư" in failed.output
    with app.app_context():
        assert notes("sgd.chuyenvien") and all(n.emailed_at is None for n in notes("sgd.chuyenvien"))
    app.config.update(SMTP_PORT=controller.port)
    retried = app.test_cli_runner().invoke(args=["remind", "--date", DAY])
    assert retried.exit_code == 0 and "tạo 0 thông báo" in retried.output
    assert [rcpts for rcpts, _ in inbox.messages] == [["sgd.chuyenvien@so.example.vn"]]
