"""Plan list and plan detail with its htmx-filtered task table."""
import re

from ..conftest import htmx_get
from intranet.extensions import db
from intranet.tasks.models import Task, TaskUnit

from .helpers import plan_112, unit


def _count_for_unit(plan_id, unit_id) -> int:
    """Tasks of the plan the unit is on, as lead or coordinating unit."""
    return db.session.scalar(db.select(db.func.count(db.distinct(Task.id))).join(TaskUnit).where(
        Task.plan_id == plan_id, TaskUnit.unit_id == unit_id))


def test_plan_list_shows_both_seed_plans(client, auth):
    auth.login("sgd.chuyenvien")
    html = client.get("/ke-hoach/").get_data(as_text=True)
    assert "112/KH-UBND" in html
    assert "PHÒNG, CHỐNG MA TÚY TRONG THANH, THIẾU NIÊN ĐẾN NĂM 2030" in html
    assert "Không số" in html  # the Bến Tre joint plan has no number


def test_plan_detail_has_header_sections_targets_and_tasks(app, client, auth):
    auth.login("sgd.chuyenvien")
    with app.app_context():
        plan_id = plan_112().id
    html = client.get(f"/ke-hoach/{plan_id}").get_data(as_text=True)
    assert "Số: 112/KH-UBND" in html
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" in html
    assert "ngày 25 tháng 4 năm 2024" in html
    assert "III. PHÂN CÔNG NHIỆM VỤ" in html
    assert "Năm 2025: <strong>&gt;80%</strong>" in html
    assert "48 nhiệm vụ." in html
    assert "Triển khai bộ tài liệu tuyên truyền" in html


def test_filter_by_unit_returns_only_the_table_fragment(app, client, auth):
    auth.login("sgd.chuyenvien")
    with app.app_context():
        plan_id, sgd = plan_112().id, unit("sgd").id
        expected = _count_for_unit(plan_id, sgd)
    assert expected == 8  # 7 led by Sở GD&ĐT, 1 of Công an tỉnh it coordinates
    response = htmx_get(client, f"/ke-hoach/{plan_id}?unit={sgd}")
    html = response.get_data(as_text=True)
    assert "HX-Request" in response.headers["Vary"]
    assert html.lstrip().startswith('<div id="task-table">')
    assert "<html" not in html
    assert f"{expected} nhiệm vụ phù hợp bộ lọc." in html


def test_reload_of_a_filtered_url_shows_the_same_view(app, client, auth):
    auth.login("sgd.chuyenvien")
    with app.app_context():
        plan_id, sgd = plan_112().id, unit("sgd").id
    html = client.get(f"/ke-hoach/{plan_id}?unit={sgd}&state=assigned").get_data(as_text=True)
    assert "<html" in html and "8 nhiệm vụ phù hợp bộ lọc." in html
    assert re.search(rf'<option value="{sgd}" selected>', html)
    assert '<option value="assigned" selected>' in html


def test_filter_by_state_and_unknown_state_is_ignored(app, client, auth):
    auth.login("ca.thuongtruc")
    with app.app_context():
        plan_id = plan_112().id
    html = htmx_get(client, f"/ke-hoach/{plan_id}?state=approved").get_data(as_text=True)
    assert "0 nhiệm vụ phù hợp bộ lọc." in html
    html = htmx_get(client, f"/ke-hoach/{plan_id}?state=bogus").get_data(as_text=True)
    assert "48 nhiệm vụ." in html


def test_boosted_request_gets_the_full_page(app, client, auth):
    auth.login("ca.thuongtruc")
    with app.app_context():
        plan_id = plan_112().id
    response = client.get(f"/ke-hoach/{plan_id}", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in response.get_data(as_text=True)


def test_unknown_plan_is_a_vietnamese_404(client, auth):
    auth.login("ca.thuongtruc")
    response = client.get("/ke-hoach/99999")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.get_data(as_text=True)
    fragment = htmx_get(client, "/ke-hoach/99999")
    assert fragment.status_code == 404 and "<html" not in fragment.get_data(as_text=True)
