"""Role × route access matrix: each role reaches only what it should."""
import pytest

from intranet.extensions import db
from intranet.tasks.models import Task

from ..conftest import htmx_get
from .helpers import first_task_of, plan_112

ROLES = ["admin", "ca.thuongtruc", "ca.lanhdao", "sgd.chuyenvien", "sgd.lanhdao",
         "syt.chuyenvien", "syt.lanhdao", "tinhdoan.chuyenvien", "tinhdoan.lanhdao", "lanhdao.tinh"]
ALL = set(ROLES)
SEE_ALL = {"admin", "ca.thuongtruc", "ca.lanhdao", "lanhdao.tinh"}

# route -> who gets 200 (everyone else 403)
MATRIX = {
    "/": ALL,
    "/ke-hoach/": ALL,
    "/ke-hoach/{plan}": ALL,
    "/quy-trinh/": ALL,
    "/tham-dinh": SEE_ALL,
    "/quan-tri/nguoi-dung": {"admin"},
    "/quan-tri/don-vi": {"admin"},
    "/nhiem-vu/{sgd_task}": SEE_ALL | {"sgd.chuyenvien", "sgd.lanhdao"},
    "/nhiem-vu/{syt_task}": SEE_ALL | {"syt.chuyenvien", "syt.lanhdao"},
}


@pytest.fixture
def ids(app):
    with app.app_context():
        return {"plan": plan_112().id, "sgd_task": first_task_of("sgd").id,
                "syt_task": first_task_of("syt").id}


@pytest.mark.parametrize("username", ROLES)
def test_access_matrix(app, client, auth, ids, username):
    auth.login(username)
    for route, allowed in MATRIX.items():
        path = route.format(**ids)
        expected = 200 if username in allowed else 403
        full = client.get(path)
        assert full.status_code == expected, (username, path)
        fragment = htmx_get(client, path)
        assert fragment.status_code == expected, (username, path, "htmx")
        if expected == 403:
            assert "Không có quyền truy cập" in full.get_data(as_text=True)
            assert "<html" not in fragment.get_data(as_text=True)


def test_other_unit_cannot_act_on_a_draft_by_guessing_urls(app, client, auth, ids):
    task_id = ids["sgd_task"]
    auth.login("sgd.chuyenvien")
    auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Bản nháp của Sở GD&ĐT"})
    auth.login("syt.chuyenvien")
    assert "Bản nháp" not in client.get(f"/nhiem-vu/{task_id}").get_data(as_text=True)
    for path, data in [(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "ghi đè"}),
                       (f"/nhiem-vu/{task_id}/chuyen/submit", {}),
                       (f"/nhiem-vu/{task_id}/binh-luan", {"body": "x"})]:
        assert auth.post(path, data).status_code == 403
    with app.app_context():
        task = db.session.get(Task, task_id)
        assert task.draft == "Bản nháp của Sở GD&ĐT" and task.state == "drafting"


def test_viewer_sees_everything_but_cannot_act(app, client, auth, ids):
    auth.login("lanhdao.tinh")
    html = client.get(f"/nhiem-vu/{ids['sgd_task']}").get_data(as_text=True)
    assert 'data-trigger=' not in html and 'name="draft"' not in html
    assert auth.post(f"/nhiem-vu/{ids['sgd_task']}/chuyen/start_draft").status_code == 403


def test_htmx_post_without_csrf_header_is_refused(app, client, auth, ids):
    auth.login("sgd.chuyenvien")
    response = client.post(f"/nhiem-vu/{ids['sgd_task']}/noi-dung", data={"draft": "x"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 400
