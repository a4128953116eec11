"""Every route of the app, read from its URL map, so a route added later is covered too: only
the public ones open without signing in, no POST is taken without its CSRF token, a viewer's
POSTs change nothing, and every account opens every page without a failure."""
import pytest
from sqlalchemy import func, select, text

from intranet import fragments
from intranet.budget.models import BudgetLine
from intranet.budget.permissions import budget_year
from intranet.documents.models import OutgoingDocument
from intranet.extensions import db
from intranet.notifications.models import Notification
from workflows import WORKFLOWS

from ..conftest import csrf_token
from ..reports.helpers import PNG, open_annual, period_of, report_of, upload
from .helpers import first_task_of, plan_112, unit
from .test_access import ROLES  # the ten demo accounts

# Open without signing in: the login form, the load balancer's probe and the static files.
PUBLIC = {"auth.login", "health.healthz", "static"}
SAMPLE_ARGUMENTS = {"trigger": "submit", "filename": "css/app.css"}
CSRF_MESSAGE = "thiếu mã bảo mật (CSRF)"


def _rules(app, method: str, ids: dict | None = None) -> list[tuple[str, str]]:
    """(endpoint, path) of each rule taking `method`, its parameters filled from `ids`, else
    with sample values."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if method in rule.methods:
                values = {name: (ids or {}).get(name, SAMPLE_ARGUMENTS.get(name, 1)) for name in rule.arguments}
                found.append((rule.endpoint, app.url_for(rule.endpoint, **values)))
    return sorted(found)


def _rows(app) -> dict:
    """Rows per table and the data generation: all a write could move but a notification."""
    with app.app_context():
        tables = [t for t in db.metadata.sorted_tables if t.name != Notification.__tablename__]
        counts = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in tables}
        counts["generation"] = db.session.execute(text(fragments.GENERATION_SQL)).scalar()
        db.session.remove()
        return counts


def _to_login(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith("/dang-nhap")


def test_the_map_has_the_routes_this_test_expects(app):
    gets, posts = _rules(app, "GET"), _rules(app, "POST")
    assert len(gets) > 40 and len(posts) > 30
    assert {"auth.login", "health.healthz", "static"} <= {endpoint for endpoint, _ in gets}


def test_every_page_but_the_public_ones_asks_to_sign_in(app, client):
    for endpoint, path in _rules(app, "GET"):
        response = client.get(path)
        if endpoint in PUBLIC:
            assert not _to_login(response), endpoint
        else:
            assert _to_login(response), (endpoint, path, response.status_code)
            assert _to_login(client.get(path, headers={"HX-Request": "true"})), (endpoint, "htmx")


def test_every_post_asks_to_sign_in_even_with_a_valid_token(app, client):
    token = csrf_token(client)  # the anonymous session's own token, as the login page gives it
    before = _rows(app)
    for endpoint, path in _rules(app, "POST"):
        if endpoint in PUBLIC:
            continue
        response = client.post(path, data={"csrf_token": token})
        assert _to_login(response), (endpoint, path, response.status_code)
    assert _rows(app) == before


@pytest.mark.parametrize("username", ["admin", "ca.thuongtruc", "sgd.chuyenvien"])
def test_no_post_is_taken_without_its_csrf_token(app, client, auth, username):
    auth.login(username)
    before = _rows(app)
    for endpoint, path in _rules(app, "POST"):
        for headers in ({}, {"HX-Request": "true"}):
            response = client.post(path, data={"reason": "x", "body": "x", "draft": "x"}, headers=headers)
            assert response.status_code == 400, (endpoint, path, headers, response.status_code)
            assert CSRF_MESSAGE in response.get_data(as_text=True), (endpoint, headers)
        wrong = client.post(path, data={"csrf_token": "not-the-token"})
        assert wrong.status_code == 400, (endpoint, path, "wrong token")
    assert _rows(app) == before
    assert client.get("/").status_code == 200  # still signed in: the refusals ended nothing


def _world(app, auth) -> dict:
    """Something of every kind the POST routes act on, made through the pages by its owners:
    the annual report period of 112/KH-UBND with Sở GD&ĐT's report and an evidence file, a
    comment on a task, a budget line and the plan's document, reviewed; each parameter of a
    route gets a real id."""
    open_annual(app, auth)
    auth.login("sgd.chuyenvien")
    with app.app_context():
        upload(auth, report_of("sgd"), "a.png", PNG)
        task, plan, sgd = first_task_of("sgd").id, plan_112().id, unit("sgd").id
    assert auth.post(f"/nhiem-vu/{task}/binh-luan", {"body": "Đã triển khai."}).status_code == 302
    response = auth.post(f"/du-toan/{plan}/{budget_year()}/don-vi/{sgd}/dong", {
        "task_id": str(task), "content": "In tờ gấp", "amount": "1.000.000", "source": "provincial"})
    assert response.status_code in (200, 302)
    auth.login("ca.thuongtruc")
    assert auth.post(f"/van-ban/ke-hoach/{plan}/chuyen/review").status_code == 302
    with app.app_context():
        report = report_of("sgd")
        result = report.results[0]
        return {"task_id": task, "plan_id": plan, "unit_id": sgd, "year": budget_year(),
                "period_id": period_of().id, "report_id": report.id, "result_id": result.id,
                "figure_id": report.figures[0].id, "evidence_id": result.evidence[0].id,
                "line_id": db.session.scalar(select(func.min(BudgetLine.id))),
                "doc_id": db.session.scalar(select(func.min(OutgoingDocument.id)))}


def test_a_viewer_changes_nothing_whatever_they_post(app, client, auth, tmp_path):
    """lanhdao.tinh reads every dashboard and writes nothing: every POST route, on real rows,
    with every move of every workflow, with a valid token, leaves every table as it was."""
    app.config.update(FILES_DIR=tmp_path / "files", PKI_DIR=tmp_path / "pki")
    ids = _world(app, auth)
    triggers = sorted({t.trigger for workflow in WORKFLOWS.values() for t in workflow.transitions})
    auth.login("lanhdao.tinh")
    before = _rows(app)
    statuses = set()
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "POST" not in rule.methods or rule.endpoint in PUBLIC | {"auth.logout"}:
                continue
            for trigger in triggers if "trigger" in rule.arguments else [None]:
                values = {name: ids.get(name, 1) for name in rule.arguments if name != "trigger"}
                path = app.url_for(rule.endpoint, **values, **({"trigger": trigger} if trigger else {}))
                response = auth.post(path, {"reason": "Lý do", "body": "x", "draft": "x", "text": "x",
                                            "content": "x", "amount": "1", "username": "moi"})
                statuses.add(response.status_code)
                assert response.status_code != 500, path
    assert _rows(app) == before
    assert {403, 404} <= statuses  # refused, and unknown moves not found



def test_every_page_opens_or_refuses_cleanly_for_every_account(app, client, auth, tmp_path):
    """Each demo account GETs every page on real rows, in full and as htmx asks for it: each
    answers, refuses (403), finds nothing (404) or says what is missing (422), and none fails.
    Files (PDF, Excel) are asked for once: htmx never fetches them."""
    app.config.update(FILES_DIR=tmp_path / "files", PKI_DIR=tmp_path / "pki")
    ids = _world(app, auth)
    failures = []
    for username in ROLES:
        auth.login(username)
        for endpoint, path in _rules(app, "GET", ids):
            if endpoint in PUBLIC:
                continue
            is_file = path.endswith((".pdf", ".xlsx", "/pdf", ".png"))
            for headers in ({},) if is_file else ({}, {"HX-Request": "true"}):
                status = client.get(path, headers=headers).status_code
                if status not in (200, 302, 403, 404, 422):
                    failures.append((username, endpoint, path, headers, status))
    assert not failures
