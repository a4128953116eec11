"""The bell in the header: unread count, opening a notification, marking all read, CSRF, ownership."""
from __future__ import annotations

import re

import pytest

from intranet.auth.models import User
from intranet.extensions import db
from intranet.notifications.models import Notification

from intranet.notifications import services

from ..conftest import htmx_get
from ..web.test_fragments import Statements

BELL = re.compile(r'class="bell-count" data-unread="(\d+)"')


def add(username: str, number: int) -> list[int]:
    user = db.session.scalar(db.select(User).where(User.username == username))
    rows = [Notification(user_id=user.id, kind="task_overdue", title=f"Quá hạn: Nhiệm vụ {i}",
                         body="Quá hạn 3 ngày.", url="/bao-cao/", key=f"test:{i}") for i in range(number)]
    db.session.add_all(rows)
    db.session.commit()
    return [n.id for n in rows]


def unread(client) -> int | None:
    match = BELL.search(client.get("/").get_data(as_text=True))
    return int(match.group(1)) if match else None


@pytest.fixture
def mine(app):
    with app.app_context():
        return add("sgd.chuyenvien", 3)


def test_bell_shows_the_unread_count_and_opening_marks_read(app, auth, mine):
    auth.login("sgd.chuyenvien")
    assert unread(auth.client) == 3
    page = auth.client.get("/thong-bao/").get_data(as_text=True)
    assert "3 chưa đọc" in page and "Quá hạn: Nhiệm vụ 0" in page
    response = auth.post(f"/thong-bao/{mine[0]}/mo")
    assert response.status_code == 302 and response.headers["Location"] == "/bao-cao/"
    assert unread(auth.client) == 2
    response = auth.post(f"/thong-bao/{mine[1]}/mo", htmx=True)
    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/bao-cao/"
    assert unread(auth.client) == 1


def test_mark_all_read_as_page_and_fragment(app, auth, mine):
    auth.login("sgd.chuyenvien")
    fragment = auth.post("/thong-bao/doc-tat-ca", htmx=True)
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and body.startswith('<section class="card" id="notifications"')
    assert "Đã đánh dấu 3 thông báo là đã đọc." in body
    assert unread(auth.client) is None
    again = auth.post("/thong-bao/doc-tat-ca")
    assert again.status_code == 302


def test_posts_need_the_csrf_token(app, auth, mine):
    auth.login("sgd.chuyenvien")
    assert auth.client.post(f"/thong-bao/{mine[0]}/mo").status_code == 400
    assert auth.client.post("/thong-bao/doc-tat-ca").status_code == 400
    assert unread(auth.client) == 3


def test_nobody_opens_someone_elses_notification(app, auth, mine):
    auth.login("sgd.lanhdao")
    assert auth.post(f"/thong-bao/{mine[0]}/mo").status_code == 403
    assert auth.post("/thong-bao/999999/mo").status_code == 404
    auth.login("sgd.chuyenvien")
    assert unread(auth.client) == 3


def test_notifications_page_needs_login_and_works_as_fragment(app, client, auth, mine):
    assert client.get("/thong-bao/").status_code == 302
    auth.login("sgd.chuyenvien")
    fragment = htmx_get(auth.client, "/thong-bao/")
    assert fragment.status_code == 200
    assert "<html" not in fragment.get_data(as_text=True)


def test_a_page_counts_the_bell_with_the_data_generation_in_one_statement(app, auth, mine):
    auth.login("sgd.chuyenvien")
    auth.client.get("/")  # the worker keeps the user and the page's lists from here on
    counter = Statements(app)
    try:
        page, sent = counter.of(lambda: auth.client.get("/"))
        sent = list(sent)
        with app.app_context():  # as another worker would: the next page counts it
            user = db.session.scalar(db.select(User).where(User.username == "sgd.chuyenvien"))
            db.session.add(Notification(user_id=user.id, kind="task_overdue", title="Quá hạn: Nhiệm vụ 9",
                                        body="Quá hạn 1 ngày.", url="/", key="test:later"))
            db.session.commit()
        later, _ = counter.of(lambda: auth.client.get("/"))
    finally:
        counter.close()
    assert len(sent) == 1 and "data_generation" in sent[0] and "notification" in sent[0]
    assert BELL.search(page.get_data(as_text=True)).group(1) == "3"
    assert BELL.search(later.get_data(as_text=True)).group(1) == "4"


def test_a_commit_in_the_request_makes_the_bell_count_again(app, mine):
    with app.test_request_context("/"):
        user = db.session.scalar(db.select(User).where(User.username == "sgd.chuyenvien"))
        services.remember_bell_count(user.id, 3)
        assert services.bell_count(user) == 3
        services.mark_all_read(user)
        db.session.commit()
        assert services.bell_count(user) == 0
