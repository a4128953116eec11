"""Reminder e-mails: a Vietnamese digest per user, sent over plain SMTP with UTF-8 headers."""
from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from ..formatting import vn_date

APP_NAME = "Hệ thống theo dõi Kế hoạch phòng, chống ma túy"


@dataclass(frozen=True)
class MailSettings:
    """SMTP_HOST (None: no e-mail), SMTP_PORT, MAIL_FROM and the PUBLIC_URL links point to."""

    host: str | None
    port: int
    sender: str
    public_url: str

    @classmethod
    def from_config(cls, config) -> MailSettings:
        """Read the app's configuration."""
        return cls(config.get("SMTP_HOST") or None, int(config.get("SMTP_PORT") or 25),
                   config.get("MAIL_FROM") or "intranet@localhost",
                   (config.get("PUBLIC_URL") or "").rstrip("/"))


def reminder_message(user, notifications, settings: MailSettings) -> EmailMessage:
    """One e-mail listing the user's new reminders, with links."""
    overdue = sum(1 for n in notifications if n.kind.endswith("overdue"))
    soon = len(notifications) - overdue
    parts = [f"{overdue} việc quá hạn" if overdue else "", f"{soon} việc sắp đến hạn" if soon else ""]
    day = notifications[0].day
    message = EmailMessage()
    message["Subject"] = f"[PCMT] Nhắc việc ngày {vn_date(day)}: " + ", ".join(p for p in parts if p)
    message["From"] = formataddr((APP_NAME, settings.sender))
    message["To"] = formataddr((user.full_name, user.email))
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or "localhost")
    lines = [f"Kính gửi đồng chí {user.full_name},", "",
             f"Hệ thống nhắc các việc cần xử lý tính đến ngày {vn_date(day)}:", ""]
    for number, n in enumerate(notifications, start=1):
        lines.append(f"{number}. {n.title}")
        lines.extend(f"   {line}" for line in (n.body or "").splitlines())
        if n.url:
            lines.append(f"   Xem chi tiết: {settings.public_url}{n.url}")
        lines.append("")
    lines += ["Trân trọng.", "", f"Thư gửi tự động từ {APP_NAME} trong thanh, thiếu niên. "
              "Vui lòng không trả lời thư này."]
    message.set_content("\n".join(lines), charset="utf-8")
    return message


def send_messages(settings: MailSettings, messages: list[EmailMessage]) -> tuple[int, str | None]:
    """Send over one SMTP connection; return how many went out and the error that stopped it, if any."""
    if not messages:
        return 0, None
    sent = 0
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=15) as smtp:
            for message in messages:
                smtp.send_message(message)
                sent += 1
    except (OSError, smtplib.SMTPException) as exc:
        return sent, f"{type(exc).__name__}: {exc}"
    return sent, None
