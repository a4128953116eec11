"""Cached task tables: never stale after a write, wherever it was made, and never shared wrongly."""
import re
from datetime import date

import pytest
from sqlalchemy import event, select, update

from intranet import create_app, fragments
from intranet.extensions import db
from intranet.fragments import DataGeneration
from intranet.notifications.models import Notification
from intranet.tasks.models import Task

from ..conftest import Auth
from .helpers import first_task_of, plan_112, unit


def generation() -> int:
    return db.session.scalar(select(DataGeneration.value).where(DataGeneration.id == fragments.ROW_ID))


@pytest.fixture
def second_worker(app, tmp_path):
    """Another app on the same database, as a second gunicorn worker is: its own fragment store."""
    other = create_app("testing", SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
                       INSTANCE_DIR=str(tmp_path / "instance-2"))
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


class Statements:
    """Record the statements one request sends."""

    listens_to = {"before_cursor_execute": "_record"}

    def __init__(self, app):
        with app.app_context():
            self.engine = db.engine
        self.sent = []
        for name, method in self.listens_to.items():
            event.listen(self.engine, name, getattr(self, method))

    def _record(self, _conn, _cursor, statement, *_args):
        self.sent.append(" ".join(statement.split()))

    def of(self, call):
        self.sent = []
        response = call()
        return response, self.sent

    def close(self):
        for name, method in self.listens_to.items():
            event.remove(self.engine, name, getattr(self, method))


class Transactions(Statements):
    """Record each statement of a request with whether the driver's connection was inside a
    transaction once it had run (psycopg opens one with BEGIN; sqlite3 before a write)."""

    listens_to = {"after_cursor_execute": "_record", "commit": "_commit"}

    def _record(self, conn, _cursor, statement, *_args):
        driver = conn.connection.dbapi_connection
        status = getattr(driver, "info", None)  # psycopg; sqlite3 has in_transaction instead
        inside = status.transaction_status != 0 if status is not None else driver.in_transaction
        self.sent.append((" ".join(statement.split()), inside))

    def _commit(self, _conn):
        self.sent.append(("COMMIT", True))


def without_tokens(response) -> str:
    """The page without its CSRF tokens, which carry the second they were made in."""
    return re.sub(r'("X-CSRFToken": "|name="csrf_token" value=")[^"]+', r"\1", response.get_data(as_text=True))


def plan_url(app) -> str:
    with app.app_context():
        return f"/ke-hoach/{plan_112().id}"


def test_a_change_through_another_worker_shows_on_the_next_request(app, second_worker):
    url = plan_url(app)
    with app.app_context():
        task = first_task_of("sgd")
        task_id, text = task.id, task.text[:40]
    reader = second_worker.test_client()
    Auth(reader).login("ca.thuongtruc")
    counter = Statements(second_worker)
    try:
        first, cold = counter.of(lambda: reader.get(url))
        again, warm = counter.of(lambda: reader.get(url))
    finally:
        counter.close()
    assert without_tokens(first) == without_tokens(again)
    reads_tasks = [q for q in cold if "FROM task " in q]
    assert reads_tasks and not [q for q in warm if "FROM task " in q]  # the tables came from the store
    assert len(warm) < len(cold)
    row = f'id="task-{task_id}"'
    assert row in again.get_data(as_text=True) and text in again.get_data(as_text=True)

    with app.app_context():  # the first worker moves the task on
        db.session.get(Task, task_id).state = "submitted"
        db.session.commit()

    html = reader.get(url).get_data(as_text=True)
    after_row = html[html.index(row):html.index("</tr>", html.index(row))]
    assert "Đã gửi Công an tỉnh" in after_row


def test_the_generation_rises_once_per_writing_transaction(app):
    with app.app_context():
        start = generation()
        first, second = first_task_of("sgd"), first_task_of("syt")
        first.draft = "Bản thảo một"
        db.session.flush()
        second.draft = "Bản thảo hai"
        db.session.flush()
        db.session.commit()
        assert generation() == start + 1

        first.draft = "Bỏ đi"
        db.session.flush()
        assert generation() == start + 1  # raised at the commit, not at the flush
        db.session.rollback()
        assert generation() == start + 1
        assert db.session.get(Task, first.id).draft == "Bản thảo một"

        first.draft = "Chưa đẩy xuống"  # pending when commit() is called: the commit flushes it
        db.session.commit()
        assert generation() == start + 2

        db.session.execute(update(Task).where(Task.id == first.id).values(draft="Sửa hàng loạt"))
        db.session.commit()
        assert generation() == start + 3

        db.session.commit()  # nothing written: nothing raised
        assert generation() == start + 3

        first.draft = "Trước điểm lưu"
        db.session.flush()
        with db.session.begin_nested() as savepoint:  # as the register does around its insert
            second.draft = "Trong điểm lưu"
            db.session.flush()
            savepoint.rollback()
        db.session.commit()
        assert generation() == start + 4


def test_notifications_leave_the_generation_alone(app):
    with app.app_context():
        start = generation()
        notification = Notification(user_id=1, kind="task_overdue", day=date(2026, 1, 5),
                                    title="Nhiệm vụ quá hạn")
        db.session.add(notification)
        db.session.commit()
        notification.read_at = notification.created_at
        db.session.commit()
        assert generation() == start


def test_my_view_is_not_shown_to_someone_else(app):
    url = plan_url(app) + "?viec=cho-toi"
    sgd, syt = app.test_client(), app.test_client()
    Auth(sgd).login("sgd.chuyenvien")
    Auth(syt).login("syt.chuyenvien")
    with app.app_context():
        sgd_task, syt_task = first_task_of("sgd").id, first_task_of("syt").id
    for _ in range(2):  # the second round is served from the store
        sgd_html, syt_html = sgd.get(url).get_data(as_text=True), syt.get(url).get_data(as_text=True)
        assert f'id="task-{sgd_task}"' in sgd_html and f'id="task-{syt_task}"' not in sgd_html
        assert f'id="task-{syt_task}"' in syt_html and f'id="task-{sgd_task}"' not in syt_html


def test_my_work_follows_the_reviewers_queue(app):
    reviewer = app.test_client()
    Auth(reviewer).login("ca.thuongtruc")
    assert "Không có nhiệm vụ nào chờ thẩm định." in reviewer.get("/tham-dinh").get_data(as_text=True)
    before = reviewer.get("/").get_data(as_text=True)
    with app.app_context():
        task = first_task_of("sgd")
        task.state, task.draft = "submitted", "Đã hoàn thành"
        text = task.text[:40]
        db.session.commit()
    assert text in reviewer.get("/tham-dinh").get_data(as_text=True)
    after = reviewer.get("/").get_data(as_text=True)
    assert text not in before.split("Quá hạn và sắp đến hạn")[0]
    assert text in after.split("Quá hạn và sắp đến hạn")[0]


def test_deadline_badges_are_worked_out_again_the_next_day(app, monkeypatch):
    url = plan_url(app)
    with app.app_context():
        task = first_task_of("sgd")
        task.due_on, row = date(2030, 12, 31), f'id="task-{task.id}"'
        db.session.commit()
    client = app.test_client()
    Auth(client).login("ca.thuongtruc")

    def badge() -> str:
        html = client.get(url).get_data(as_text=True)
        cell = html[html.index(row):html.index("</tr>", html.index(row))]
        return cell.split('<span class="badge badge-')[1].split("</span>")[0]

    assert badge().endswith(">Trong hạn")
    later = date(2031, 1, 5)
    monkeypatch.setattr(fragments, "today_vn", lambda: later)
    monkeypatch.setattr("intranet.tasks.rows.today_vn", lambda: later)
    assert badge() == 'danger">Quá hạn'


def test_a_request_that_has_written_neither_reads_nor_keeps_fragments(app):
    built = []

    def build():
        built.append(1)
        return "<p>bảng</p>"

    with app.test_request_context():
        assert fragments.cached("thu", (1,), build) == "<p>bảng</p>"
        fragments.cached("thu", (1,), build)
        assert len(built) == 1  # kept, then read back
        first_task_of("sgd").draft = "Chưa lưu"
        db.session.flush()
        fragments.cached("thu", (1,), build)
        fragments.cached("thu", (2,), build)
        assert len(built) == 3
        db.session.rollback()
    with app.test_request_context():
        fragments.cached("thu", (2,), build)
        assert len(built) == 4  # (2,) was built inside the writing transaction and not kept


def test_the_store_forgets_the_least_recently_used_beyond_its_size():
    store = fragments.FragmentStore(max_chars=10)
    store.put(("a",), "x" * 6)
    store.put(("b",), "y" * 4)
    assert store.get(("a",)) == "x" * 6  # a is now the more recently used
    store.put(("c",), "z" * 3)
    assert store.get(("b",)) is None and store.get(("a",)) and store.get(("c",))
    store.put(("d",), "w" * 11)  # larger than the whole store: not kept, nothing evicted for it
    assert store.get(("d",)) is None and len(store) == 2


def test_caching_can_be_turned_off(make_app):
    app = make_app(FRAGMENT_CACHE_CHARS=0)
    built = []
    with app.test_request_context():
        for _ in range(2):
            fragments.cached("thu", (), lambda: built.append(1) or "<p>bảng</p>")
    assert len(built) == 2


def test_a_units_dashboard_counts_a_task_the_moment_it_is_removed(app):
    client = app.test_client()
    Auth(client).login("sgd.lanhdao")
    with app.app_context():
        url = f"/thong-ke/don-vi/{unit('sgd').id}"

    def total() -> int:
        html = client.get(url).get_data(as_text=True)
        return int(re.search(r'Tổng số nhiệm vụ</span><span class="value">(\d+)', html).group(1))

    before = total()
    assert total() == before
    with app.app_context():
        db.session.delete(first_task_of("sgd"))
        db.session.commit()
    assert total() == before - 1


def test_a_deleted_counter_row_comes_back_with_the_next_write(app):
    with app.app_context():
        db.session.connection().execute(DataGeneration.__table__.delete())  # by hand, as psql would
        db.session.commit()
        assert generation() is None
        first_task_of("sgd").draft = "Sau khi xóa bộ đếm"
        db.session.commit()
        assert generation() == fragments._RESTART


FORM_TOKEN = re.compile(r'action="/van-ban/ke-hoach/\d+/chuyen/review".*?name="csrf_token" value="([^"]+)"', re.S)


def test_the_plan_page_comes_whole_from_the_store_with_each_sessions_own_token(app):
    """The document's moves are stored per user with a placeholder for the CSRF token: each
    session gets its own token, and the form posts with it."""
    url = plan_url(app)
    first, second = app.test_client(), app.test_client()
    Auth(first).login("ca.thuongtruc")
    Auth(second).login("ca.thuongtruc")  # the same reviewer in another browser: another session
    counter = Statements(app)
    try:
        first.get(url)
        page, sent = counter.of(lambda: first.get(url))
        other, _ = counter.of(lambda: second.get(url))
    finally:
        counter.close()
    assert len(sent) == 1  # the data generation and the bell: everything else from the store
    tokens = FORM_TOKEN.search(page.get_data(as_text=True)).group(1), \
        FORM_TOKEN.search(other.get_data(as_text=True)).group(1)
    assert tokens[0] != tokens[1]
    stored = [html for key, html in app.extensions["fragments"]._lru.items() if key[0] == "plan-document"]
    assert stored and all(tokens[0] not in html and tokens[1] not in html for html in stored)
    assert all(fragments._CSRF_SLOT in html for html in stored)

    moved = second.post(url.replace("/ke-hoach/", "/van-ban/ke-hoach/") + "/chuyen/review",
                        data={"csrf_token": tokens[1], "version": ""})
    assert moved.status_code == 302
    assert "Đã thẩm định" in first.get(url).get_data(as_text=True)  # the write made it stale
    refused = first.post(url.replace("/ke-hoach/", "/van-ban/ke-hoach/") + "/chuyen/review",
                         data={"csrf_token": "not-a-token", "version": ""})
    assert refused.status_code == 400


def test_a_signers_document_moves_are_rendered_for_each_request(app):
    """Whether a signer can sign depends on a certificate outside the database."""
    client = app.test_client()
    Auth(client).login("ca.lanhdao")
    url = plan_url(app)
    client.get(url)
    assert "Văn bản ban hành" in client.get(url).get_data(as_text=True)
    assert not [key for key in app.extensions["fragments"]._lru.keys() if key[0] == "plan-document"]


def test_a_page_from_the_store_opens_no_transaction_and_a_write_stays_in_one(app):
    client = app.test_client()
    auth = Auth(client)
    auth.login("sgd.chuyenvien")
    client.get("/")  # my work is in the store
    with app.app_context():
        url = f"/nhiem-vu/{first_task_of('sgd').id}"
    watch = Transactions(app)
    try:
        page, stored = watch.of(lambda: client.get("/"))
        moved, written = watch.of(lambda: auth.post(url + "/chuyen/start_draft", htmx=True))
    finally:
        watch.close()
    assert page.status_code == 200 and [inside for _, inside in stored] == [False]
    assert moved.status_code == 200 and "Đang soạn" in moved.get_data(as_text=True)
    commit = [statement for statement, _ in written].index("COMMIT")
    first_write = next(n for n, (statement, _) in enumerate(written)
                       if statement.startswith(("UPDATE", "INSERT")))
    assert all(inside for _, inside in written[first_write:commit])  # one transaction to its commit
