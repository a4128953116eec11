"""The intranet application factory."""
from __future__ import annotations

import os

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from config import CONFIGS, BASE_DIR

from . import fragments
from .extensions import csrf, db, htmx, login_manager, migrate


def create_app(config_name: str | None = None, **overrides) -> Flask:
    """Build the app: configuration, extensions, blueprints, errors, commands."""
    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(overrides.pop("INSTANCE_DIR", None) or CONFIGS["development"].INSTANCE_DIR),
    )
    config_class = CONFIGS[config_name or os.environ.get("INTRANET_CONFIG", "development")]
    app.config.from_object(config_class)
    app.config["INSTANCE_DIR"] = app.instance_path
    app.config.update(overrides)
    config_class.init(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    fragments.init_app(app)

    from . import models  # noqa: F401  (every model registered before the first query)
    from .auth import services as auth_services
    from .tasks import routes as task_routes
    auth_services.init_app(app)
    task_routes.init_app(app)
    from .auth.routes import bp as auth_bp
    from .dashboard.routes import bp as dashboard_bp
    from .plans.routes import bp as plans_bp
    from .tasks.routes import bp as tasks_bp
    from .admin.routes import bp as admin_bp
    from .workflow_pages.routes import bp as workflow_bp
    from .reports.routes import bp as reports_bp
    from .imports.routes import bp as imports_bp
    from .documents.routes import bp as documents_bp
    from .budget.routes import bp as budget_bp
    from .stats.routes import bp as stats_bp
    from .exports.routes import bp as exports_bp
    from .notifications.routes import bp as notifications_bp
    from .health import bp as health_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(dashboard_bp)
    app.register_blueprint(plans_bp)
    app.register_blueprint(tasks_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(workflow_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(documents_bp)
    app.register_blueprint(budget_bp)
    app.register_blueprint(stats_bp)
    app.register_blueprint(exports_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(health_bp)

    from . import cli, errors, templating

    errors.register(app)
    templating.register(app)
    cli.register(app)
    return app


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """Enforce foreign keys and use WAL on SQLite, as PostgreSQL would behave."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
