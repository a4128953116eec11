"""Command-line commands: `flask --app wsgi <command>`."""
from __future__ import annotations

import click

from .extensions import db


def register(app) -> None:
    """Attach every command to the app."""
    from .imports.commands import import_plan
    app.cli.add_command(import_plan)
    from .scale.commands import register_commands as register_scale_commands
    register_scale_commands(app)
    from .documents.commands import register_commands as register_document_commands
    register_document_commands(app)
    from .notifications.commands import remind_command
    app.cli.add_command(remind_command)

    @app.cli.command("load-demo")
    def load_demo_command():
        """Load demo units, accounts and both seed plans (once)."""
        from .demo.loader import load_demo

        result = load_demo()
        db.session.commit()
        if result.get("skipped"):
            click.echo("Dữ liệu mẫu đã có sẵn, không nạp lại.")
        else:
            click.echo(f"Đã nạp dữ liệu mẫu: {result['units']} đơn vị, {result['users']} tài khoản, "
                       f"{result['plans']} kế hoạch.")
