"""My work and the review queue."""
from intranet.extensions import db

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
