"""Migrations on SQLite and PostgreSQL: empty → head, head → base → head, and no drift."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from intranet.extensions import db


def _fresh(make_app, backend):
    app = make_app()
    with app.app_context():
        db.drop_all()
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
    return app


def test_upgrade_from_empty_matches_the_models(make_app, backend):
    app = _fresh(make_app, backend)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []


def test_downgrade_to_base_and_back(make_app, backend):
    app = _fresh(make_app, backend)
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert "task" in inspect(db.engine).get_table_names()
        db.drop_all()
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.create_all()  # leave the schema the next PostgreSQL test expects
