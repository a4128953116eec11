"""Fixtures: the app on SQLite and on a real PostgreSQL 15, a client, and logging in."""
from __future__ import annotations

import itertools
import os
import re
import shutil

import pytest
from jinja2 import FileSystemBytecodeCache
from sqlalchemy import text

from intranet import create_app
from intranet.extensions import db

from .postgres import ThrowawayCluster

BACKENDS = os.environ.get("TEST_BACKENDS", "sqlite,postgresql").split(",")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|"X-CSRFToken": "([^"]+)"')


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster for the whole run."""
    cluster = ThrowawayCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request):
    """The database kind every database test runs on: SQLite, then PostgreSQL."""
    return request.param


@pytest.fixture(scope="session")
def pg_test_url(backend, request):
    """A PostgreSQL database whose schema is created once; tests truncate it after use."""
    if backend != "postgresql":
        return None
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database("intranet_test")
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    return url


def _truncate_all() -> None:
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    db.session.commit()


@pytest.fixture
def make_app(backend, pg_test_url, tmp_path, template_cache):
    """Build an app on the current backend with an empty schema; `world` fills it."""
    apps = []

    def factory(**overrides):
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        else:
            url = pg_test_url
        app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, INSTANCE_DIR=str(tmp_path / "instance"),
                         **overrides)
        app.jinja_env.bytecode_cache = template_cache
        with app.app_context():
            if backend == "sqlite":
                db.create_all()
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            if backend == "postgresql":
                _truncate_all()
            db.engine.dispose()


@pytest.fixture(scope="session")
def template_cache(tmp_path_factory):
    """Compiled Jinja templates shared by every app of the run."""
    return FileSystemBytecodeCache(str(tmp_path_factory.mktemp("jinja")))


@pytest.fixture(scope="session")
def demo_template(backend, tmp_path_factory, request, template_cache):
    """A database with the demo province loaded once; each test gets a copy of it."""
    from intranet.demo.loader import load_demo

    if backend == "sqlite":
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
        url = f"sqlite:///{path}"
    else:
        cluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database("intranet_demo_template")
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url,
                     INSTANCE_DIR=str(tmp_path_factory.mktemp("demo-instance")))
    with app.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
        if backend == "sqlite":
            db.session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()
    return path if backend == "sqlite" else "intranet_demo_template"


_copies = itertools.count()


@pytest.fixture
def app(backend, demo_template, request, tmp_path, template_cache):
    """The app on a fresh copy of the demo province (units, accounts, both seed plans)."""
    if backend == "sqlite":
        target = tmp_path / "demo.sqlite3"
        shutil.copyfile(demo_template, target)
        url = f"sqlite:///{target}"
    else:
        cluster = request.getfixturevalue("pg_cluster")
        name = f"intranet_t{next(_copies)}"
        url = cluster.create_database(name, template=demo_template)
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url, INSTANCE_DIR=str(tmp_path / "instance"))
    app.jinja_env.bytecode_cache = template_cache
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if backend == "postgresql":
        cluster.drop_database(name)


@pytest.fixture
def client(app):
    """A test client of the demo app."""
    return app.test_client()


def csrf_token(client, path: str = "/dang-nhap") -> str:
    """Read a CSRF token from a page, as a browser would."""
    html = client.get(path).get_data(as_text=True)
    match = CSRF.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1) or match.group(2)


class Auth:
    """Log the test client in and out as a demo account."""

    def __init__(self, client):
        self.client = client
        self.token = None

    def login(self, username: str, password: str = "demo123"):
        self.client.post("/dang-xuat", data={"csrf_token": self.token or ""})
        token = csrf_token(self.client)
        response = self.client.post("/dang-nhap", data={
            "username": username, "password": password, "csrf_token": token})
        self.token = csrf_token(self.client, "/") if response.status_code == 302 else token
        return response

    def post(self, path: str, data: dict | None = None, htmx: bool = False, **kwargs):
        """POST with the CSRF token (as the form field, or as htmx's header)."""
        data = dict(data or {})
        headers = kwargs.pop("headers", {})
        if htmx:
            headers.update({"HX-Request": "true", "X-CSRFToken": self.token})
        else:
            data.setdefault("csrf_token", self.token)
        return self.client.post(path, data=data, headers=headers, **kwargs)


@pytest.fixture
def auth(client):
    """Login helper bound to the client."""
    return Auth(client)


def htmx_get(client, path: str):
    """GET as htmx does for a fragment."""
    return client.get(path, headers={"HX-Request": "true"})
