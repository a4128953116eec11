"""Dashboard pages: content, charts that parse, a constant number of SQL statements, access."""
import re
import xml.etree.ElementTree as ET
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from intranet.extensions import db

from ..conftest import htmx_get
from .helpers import lead_tasks, move, plan_112, unit

MAX_STATEMENTS = 10


@contextmanager
def counting(app):
    """Count the SQL statements the app sends while the block runs."""
    statements = []
    with app.app_context():
        engine = db.engine

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.fixture
def ids(app):
    with app.app_context():
        move(lead_tasks("sgd")[0], "approved", "sgd")
        move(lead_tasks("syt")[0], "submitted", "syt")
        db.session.commit()
        return {"plan": plan_112().id, "sgd": unit("sgd").id, "syt": unit("syt").id}


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg xmlns=.*?</svg>", html, re.S)]


def test_plan_dashboard_shows_figures_and_charts(client, auth, ids):
    auth.login("ca.thuongtruc")
    html = client.get(f"/thong-ke/ke-hoach/{ids['plan']}").get_data(as_text=True)
    assert "Thống kê thực hiện Kế hoạch 112/KH-UBND" in html
    charts = svgs(html)
    assert len(charts) == 4
    assert charts[3].get("aria-label") == "Kết quả các chỉ tiêu so với mốc"
    for label in ("Đã giao", "Đã duyệt", "Đã gửi Công an tỉnh", "Sở Giáo dục và Đào tạo"):
        assert label in html
    assert "Đến năm 2025" in html or "Năm 2025" in html  # targets with their milestones
    assert 'id="targets"' in html


def test_unit_dashboard_and_ranking(client, auth, ids):
    auth.login("sgd.chuyenvien")
    html = client.get(f"/thong-ke/don-vi/{ids['sgd']}").get_data(as_text=True)
    assert "Sở Giáo dục và Đào tạo" in html and "112/KH-UBND" in html and len(svgs(html)) == 3
    html = client.get("/thong-ke/xep-hang?nam=2026").get_data(as_text=True)
    assert "Xếp hạng đơn vị" in html and "Tỷ lệ hoàn thành đúng hạn năm 2026" in html
    fragment = htmx_get(client, "/thong-ke/xep-hang?nam=2025").get_data(as_text=True)
    assert fragment.startswith('<section class="card" id="ranking">') and "Năm 2025" in fragment


@pytest.mark.parametrize("path", ["/thong-ke/", "/thong-ke/ke-hoach/{plan}", "/thong-ke/don-vi/{sgd}",
                                  "/thong-ke/xep-hang", "/du-toan/", "/thong-bao/"])
def test_statements_per_page_stay_constant(app, client, auth, ids, path):
    auth.login("ca.thuongtruc")
    client.get("/")
    with counting(app) as small:
        assert client.get(path.format(**ids)).status_code == 200
    with app.app_context():  # ten times the work: every unit leads many more approved tasks
        for code in ("sgd", "syt", "tinhdoan"):
            for task in lead_tasks(code)[1:]:
                move(task, "approved" if task.position % 2 else "drafting", code)
        db.session.commit()
    client.get("/")  # as before the first count: the user is loaded again after a write
    with counting(app) as large:
        assert client.get(path.format(**ids)).status_code == 200
    assert len(small) == len(large) <= MAX_STATEMENTS, large


STAFF = ["sgd.chuyenvien", "sgd.lanhdao", "syt.chuyenvien"]
SEE_ALL = ["ca.thuongtruc", "lanhdao.tinh", "admin"]


@pytest.mark.parametrize("username", STAFF + SEE_ALL)
def test_access_matrix(client, auth, ids, username):
    auth.login(username)
    matrix = {
        "/thong-ke/": True,
        f"/thong-ke/ke-hoach/{ids['plan']}": True,
        f"/thong-ke/don-vi/{ids['sgd']}": username.startswith("sgd.") or username in SEE_ALL,
        "/thong-ke/xep-hang": True,
        "/thong-ke/ke-hoach/99999": None,
    }
    for path, allowed in matrix.items():
        expected = 404 if allowed is None else 200 if allowed else 403
        assert client.get(path).status_code == expected, (username, path)
        response = htmx_get(client, path)
        assert response.status_code == expected, (username, path, "htmx")
        if expected == 403:
            assert "<html" not in response.get_data(as_text=True)
    client.post("/dang-xuat", data={"csrf_token": auth.token})
    assert client.get("/thong-ke/").status_code == 302  # login first
