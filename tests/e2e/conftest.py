"""Serve the demo intranet on a free port and drive it with Debian's Chromium through Playwright."""
from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from intranet import create_app
from intranet.demo.loader import load_demo
from intranet.extensions import db

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """The demo app on a temporary SQLite file (units, accounts, both seed plans); uploaded files
    and the demo PKI stay in the same temporary directory, never in the repository's instance/."""
    root = tmp_path_factory.mktemp("e2e")
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{root / 'demo.sqlite3'}",
                     INSTANCE_DIR=str(root / "instance"), FILES_DIR=root / "files", PKI_DIR=root / "pki")
    with app.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_url(live_app):
    """Base URL of the app served by werkzeug on 127.0.0.1 in a background thread."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; never downloaded, always Debian's."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_url):
    """A fresh browser context (no cookies) per test, with Vietnamese locale and time zone."""
    context = browser.new_context(base_url=live_url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
                                  viewport={"width": 1366, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Save a full-page screenshot of a failing test's page to tests/e2e/artifacts/<test>.png."""
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None and not page.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.name)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a broken page must not hide the test's own failure
            report.sections.append(("screenshot", f"could not save a screenshot: {exc}"))


@pytest.fixture
def signer_certificate(live_app):
    """ca.lanhdao holds a demo signing certificate (issued once per run)."""
    from intranet.auth.models import User
    from intranet.documents import certificates

    with live_app.app_context():
        signer = db.session.scalar(db.select(User).where(User.username == "ca.lanhdao"))
        certificates.issue_demo_certificate(signer)
        db.session.commit()
