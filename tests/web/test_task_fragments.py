"""The task page from the fragment store, and a move's panel rendered after its commit."""
from sqlalchemy import event

from intranet import fragments
from intranet.extensions import db
from intranet.tasks.models import Comment

from ..conftest import Auth
from .helpers import first_task_of
from .test_fragments import Statements, generation, second_worker  # noqa: F401  (a fixture)


def task_url(app) -> str:
    with app.app_context():
        return f"/nhiem-vu/{first_task_of('sgd').id}"


def reads(statements: list[str], table: str) -> list[str]:
    return [q for q in statements if f"FROM {table} " in q]


def test_the_task_page_comes_from_the_store_with_each_users_own_forms(app):
    url = task_url(app)
    staff, reviewer = app.test_client(), app.test_client()
    Auth(staff).login("sgd.chuyenvien")
    Auth(reviewer).login("ca.thuongtruc")
    counter = Statements(app)
    try:
        _, cold = counter.of(lambda: staff.get(url))
        staff_page, warm = counter.of(lambda: staff.get(url))
        reviewer_page, shared = counter.of(lambda: reviewer.get(url))
    finally:
        counter.close()
    assert reads(cold, "comment") and reads(cold, "audit_event")
    for statements in (warm, shared):  # comments and history came from the store
        assert not reads(statements, "comment") and not reads(statements, "audit_event")
    staff_html, reviewer_html = staff_page.get_data(as_text=True), reviewer_page.get_data(as_text=True)
    with app.app_context():
        text = first_task_of("sgd").text[:40]
    assert text in staff_html and text in reviewer_html
    assert 'name="draft"' in staff_html and 'name="draft"' not in reviewer_html  # staff may edit
    assert "/chuyen/submit" not in reviewer_html


def test_a_comment_made_through_another_worker_shows_on_the_task_page(app, second_worker):  # noqa: F811
    url = task_url(app)
    reader = second_worker.test_client()
    Auth(reader).login("ca.thuongtruc")
    assert "Chưa có trao đổi." in reader.get(url).get_data(as_text=True)
    with app.app_context():
        task, author = first_task_of("sgd"), 1
        db.session.add(Comment(task_id=task.id, author_id=author, body="Đề nghị bổ sung số liệu quý III."))
        db.session.commit()
    html = reader.get(url).get_data(as_text=True)
    assert "Đề nghị bổ sung số liệu quý III." in html and "Chưa có trao đổi." not in html


def test_a_move_commits_before_its_panel_is_rendered(app):
    url = task_url(app)
    client = app.test_client()
    auth = Auth(client)
    auth.login("sgd.chuyenvien")
    client.get(url)  # the panel's fragments are in the store, under the old generation
    with app.app_context():
        before = generation()
        engine = db.engine
    order = []
    record = lambda _conn, _cursor, statement, *_: order.append(" ".join(statement.split()))  # noqa: E731
    commit = lambda _conn: order.append("COMMIT")  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    event.listen(engine, "commit", commit)
    try:
        response = auth.post(url + "/chuyen/start_draft", htmx=True)
    finally:
        event.remove(engine, "before_cursor_execute", record)
        event.remove(engine, "commit", commit)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<div id="task-panel"')
    assert "Đang soạn" in html and "Bắt đầu soạn" in html  # the new state and its history event
    writes = [n for n, q in enumerate(order) if q.startswith(("UPDATE task ", "INSERT INTO audit_event"))]
    history = [n for n, q in enumerate(order) if "FROM audit_event " in q]
    assert writes and history and order.index("COMMIT") > max(writes)
    assert min(history) > order.index("COMMIT")  # rendered after the write lock was let go
    with app.app_context():
        assert generation() == before + 1
    assert "Bắt đầu soạn" in client.get(url).get_data(as_text=True)


def test_fragments_rendered_from_objects_kept_over_a_commit_are_not_stored(app):
    built = []

    def build():
        built.append(1)
        return "<p>nhiệm vụ</p>"

    with app.test_request_context():
        before = fragments.generation()
        first_task_of("sgd").draft = "Bản thảo"
        fragments.commit_keeping_loaded()
        assert first_task_of("sgd").draft == "Bản thảo"
        assert fragments.generation() == before + 1  # read again after the commit
        fragments.cached("thu", (1,), build)
        fragments.cached("thu", (1,), build)
        assert len(built) == 2
    with app.test_request_context():
        fragments.cached("thu", (1,), build)
        fragments.cached("thu", (1,), build)
        assert len(built) == 3  # a new request stores again


def test_pages_served_from_the_store_leave_the_plan_body_unread(app):
    """The plan's sections (tens of kilobytes of JSON) are read only to render its text."""
    client = app.test_client()
    Auth(client).login("ca.thuongtruc")
    with app.app_context():
        task = first_task_of("sgd")
        urls = (f"/nhiem-vu/{task.id}", f"/ke-hoach/{task.plan_id}")
    counter = Statements(app)
    try:
        for url in urls:
            _, cold = counter.of(lambda: client.get(url))
            page, warm = counter.of(lambda: client.get(url))
            assert page.status_code == 200
            assert not [q for q in warm if ".sections" in q], url
    finally:
        counter.close()
    assert any(".sections" in q for q in cold)  # the plan page's first render reads its text


def test_the_task_is_kept_for_its_page_until_the_data_changes(app, second_worker):  # noqa: F811
    url = task_url(app)
    client = app.test_client()
    Auth(client).login("sgd.chuyenvien")
    client.get(url)
    counter = Statements(app)
    try:
        page, warm = counter.of(lambda: client.get(url))
        with second_worker.app_context():  # through the other worker
            task = first_task_of("sgd")
            task.state, task.draft = "submitted", "Nội dung gửi từ máy khác"
            db.session.commit()
        after, cold = counter.of(lambda: client.get(url))
    finally:
        counter.close()
    assert len(warm) == 1  # the request's start: the task and its parts came from the worker
    assert reads(cold, "task")
    assert 'name="draft"' in page.get_data(as_text=True)
    html = after.get_data(as_text=True)
    assert "Nội dung gửi từ máy khác" in html and 'name="draft"' not in html  # submitted: not editable


def test_a_move_reads_its_task_even_when_the_page_kept_it(app):
    url = task_url(app)
    client = app.test_client()
    auth = Auth(client)
    auth.login("sgd.chuyenvien")
    client.get(url)
    client.get(url)  # now kept
    counter = Statements(app)
    try:
        response, sent = counter.of(lambda: auth.post(f"{url}/binh-luan", {"body": "Đã rõ."}))
    finally:
        counter.close()
    assert response.status_code == 302 and reads(sent, "task")
    assert "Đã rõ." in client.get(url).get_data(as_text=True)
