"""`flask --app wsgi remind`: the daily reminder run, for cron."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db
from ..formatting import vn_date
from .mail import MailSettings
from .services import email_new, not_emailed, remind


@click.command("remind")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Ngày nhắc (mặc định hôm nay, giờ Việt Nam).")
@click.option("--no-email", is_flag=True, help="Chỉ tạo thông báo trong hệ thống, không gửi thư.")
@with_appcontext
def remind_command(day, no_email):
    """Nhắc việc quá hạn và sắp đến hạn (7 ngày): thông báo trong hệ thống và thư điện tử."""
    app = current_app._get_current_object()
    settings = MailSettings.from_config(app.config)
    # Links are stored as paths; e-mails prefix them with PUBLIC_URL.
    with app.test_request_context("/"):
        result = remind(day.date() if day else None, app.config.get("DUE_SOON_DAYS", 7))
        db.session.commit()
        if not no_email and settings.host:
            result.emailed, result.mail_error = email_new(not_emailed(result.day), settings)
            db.session.commit()
    click.echo(f"Ngày {vn_date(result.day)}: tạo {len(result.created)} thông báo cho {result.people} "
               f"người ({result.count('task')} về nhiệm vụ, {result.count('report')} về báo cáo); "
               f"bỏ qua {result.skipped} đã nhắc trong ngày.")
    if no_email:
        click.echo("Không gửi thư điện tử (--no-email).")
    elif not settings.host:
        click.echo("Chưa cấu hình SMTP_HOST: không gửi thư điện tử.")
    else:
        click.echo(f"Đã gửi {result.emailed} thư điện tử qua {settings.host}:{settings.port}.")
    if result.mail_error:
        click.echo(f"Lỗi gửi thư: {result.mail_error}", err=True)
        raise SystemExit(1)
