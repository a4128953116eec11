"""My work and the review queue."""
import re

from intranet.extensions import db
from intranet.tasks.models import Task

from .helpers import first_task_of


def test_staff_sees_tasks_waiting_for_them_per_plan(client, auth):
    auth.login("sgd.chuyenvien")
    html = client.get("/").get_data(as_text=True)
    assert "Chờ tôi xử lý" in html and "Kế hoạch 112/KH-UBND" in html
    assert "Triển khai bộ tài liệu tuyên truyền" in html
    assert "Phát huy vai trò" not in html  # another unit's task


def test_head_sees_what_awaits_approval(app, client, auth):
    with app.app_context():
        task = first_task_of("sgd")
        task.state, task.draft = "awaiting_head", "Xong"
        db.session.commit()
    auth.login("sgd.lanhdao")
    html = client.get("/").get_data(as_text=True)
    assert "Chờ tôi xử lý <span class=\"count\">1</span>" in html


def test_reviewer_queue_lists_submitted_tasks_across_units(app, client, auth):
    with app.app_context():
        for code in ("sgd", "syt"):
            task = first_task_of(code)
            task.state, task.draft = "submitted", "Xong"
        db.session.commit()
    auth.login("ca.thuongtruc")
    html = client.get("/tham-dinh").get_data(as_text=True)
    assert "Sở Giáo dục và Đào tạo" in html and "Sở Y tế" in html
    assert client.get("/").get_data(as_text=True).count("Đã gửi Công an tỉnh") >= 2


def test_overdue_and_due_soon_are_listed(app, client, auth):
    from datetime import timedelta
    from intranet.formatting import today_vn
    with app.app_context():
        # The demo plans' own deadlines come near as the calendar moves on: put them far off.
        db.session.execute(db.update(Task).values(due_on=today_vn() + timedelta(days=365)))
        task = first_task_of("syt")
        task.due_on = today_vn() - timedelta(days=3)
        other = first_task_of("sgd")
        other.due_on = today_vn() + timedelta(days=2)
        db.session.commit()
    auth.login("syt.chuyenvien")
    html = client.get("/").get_data(as_text=True)
    assert "Quá hạn" in html and "Sắp đến hạn" not in html.split("Quá hạn và sắp đến hạn")[1]
    auth.login("ca.thuongtruc")
    html = client.get("/").get_data(as_text=True).split("Quá hạn và sắp đến hạn")[1]
    assert "Quá hạn" in html and "Sắp đến hạn" in html


def test_workflow_page_draws_the_diagram(client, auth):
    auth.login("sgd.chuyenvien")
    html = client.get("/quy-trinh/").get_data(as_text=True)
    assert "stateDiagram-v2" in html and "Chờ lãnh đạo đơn vị duyệt" in html
    assert "Quy trình xử lý nhiệm vụ" in html


def test_my_work_shows_a_few_tasks_per_plan_and_links_to_all_of_them(app, client, auth):
    from intranet.dashboard.services import PER_PLAN
    from intranet.tasks.models import Task, TaskUnit
    from .helpers import plan_112, unit
    with app.app_context():
        plan = plan_112()
        led = db.session.scalars(db.select(Task.id).join(TaskUnit).where(
            Task.plan_id == plan.id, TaskUnit.unit_id == unit("sgd").id, TaskUnit.role == "lead",
            Task.state.in_(("assigned", "drafting")))).all()
        plan_id = plan.id
    assert len(led) > PER_PLAN
    auth.login("sgd.chuyenvien")
    html = client.get("/").get_data(as_text=True)
    awaiting = html.split("Chờ tôi xử lý")[1].split("Quá hạn và sắp đến hạn")[0]
    group = awaiting.split(f'/ke-hoach/{plan_id}"')[1].split('class="plan-group"')[0]
    assert group.count('href="/nhiem-vu/') == PER_PLAN
    link = f'href="/ke-hoach/{plan_id}?viec=cho-toi#task-table">Xem tất cả {len(led)} nhiệm vụ'
    assert link in group
    table = client.get(f"/ke-hoach/{plan_id}?viec=cho-toi").get_data(as_text=True)
    assert f"{len(led)} nhiệm vụ phù hợp bộ lọc." in table
    assert '<option value="cho-toi" selected>' in table
    assert sorted(int(i) for i in re.findall(r'<tr id="task-(\d+)"', table)) == sorted(led)


def test_review_queue_counts_every_waiting_task_and_links_to_the_plan_view(app, client, auth):
    from .helpers import plan_112
    with app.app_context():
        plan_id = plan_112().id
        for code in ("sgd", "syt", "sldtbxh"):
            task = first_task_of(code)
            if task is not None:
                task.state, task.draft = "submitted", "Xong"
        db.session.commit()
        waiting = db.session.scalar(db.select(db.func.count()).select_from(Task).where(
            Task.state.in_(("submitted", "under_review"))))
    auth.login("ca.thuongtruc")
    html = client.get("/tham-dinh").get_data(as_text=True)
    assert f"{waiting} nhiệm vụ chờ thẩm định" in html
    table = client.get(f"/ke-hoach/{plan_id}?viec=tham-dinh").get_data(as_text=True)
    assert "Đã gửi Công an tỉnh" in table and "Đã duyệt</span>" not in table.split('id="task-table"')[1]
