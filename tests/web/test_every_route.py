"""Every route of the app, read from its URL map, so a route added later is covered too: only
the public ones open without signing in, and no POST is taken without its CSRF token."""
import pytest
from sqlalchemy import func, select, text

from intranet.audit.models import AuditEvent
from intranet.extensions import db

from ..conftest import csrf_token

# Open without signing in: the login form, the load balancer's probe and the static files.
PUBLIC = {"auth.login", "health.healthz", "static"}
SAMPLE_ARGUMENTS = {"trigger": "submit", "filename": "css/app.css"}
CSRF_MESSAGE = "thiếu mã bảo mật (CSRF)"


def _rules(app, method: str) -> list[tuple[str, str]]:
    """(endpoint, path) of each rule taking `method`, its parameters filled with sample values."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if method in rule.methods:
                values = {name: SAMPLE_ARGUMENTS.get(name, 1) for name in rule.arguments}
                found.append((rule.endpoint, app.url_for(rule.endpoint, **values)))
    return sorted(found)


def _written(app) -> tuple:
    """What any write would have moved: the data generation and the number of audit events."""
    with app.app_context():
        generation = db.session.execute(text("SELECT value FROM data_generation WHERE id = 1")).scalar()
        events = db.session.scalar(select(func.count()).select_from(AuditEvent))
        db.session.remove()
        return generation, events


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
    before = _written(app)
    for endpoint, path in _rules(app, "POST"):
        if endpoint in PUBLIC:
            continue
        response = client.post(path, data={"csrf_token": token})
        assert _to_login(response), (endpoint, path, response.status_code)
    assert _written(app) == before


@pytest.mark.parametrize("username", ["admin", "ca.thuongtruc", "sgd.chuyenvien"])
def test_no_post_is_taken_without_its_csrf_token(app, client, auth, username):
    auth.login(username)
    before = _written(app)
    for endpoint, path in _rules(app, "POST"):
        for headers in ({}, {"HX-Request": "true"}):
            response = client.post(path, data={"reason": "x", "body": "x", "draft": "x"}, headers=headers)
            assert response.status_code == 400, (endpoint, path, headers, response.status_code)
            assert CSRF_MESSAGE in response.get_data(as_text=True), (endpoint, headers)
        wrong = client.post(path, data={"csrf_token": "not-the-token"})
        assert wrong.status_code == 400, (endpoint, path, "wrong token")
    assert _written(app) == before
    assert client.get("/").status_code == 200  # still signed in: the refusals ended nothing
