"""Taking a task through the workflow over HTTP, as each role."""
from intranet.auth.models import User
from intranet.audit.models import AuditEvent
from intranet.extensions import db
from intranet.tasks.models import Task

from .helpers import first_task_of


def _task(app, code="sgd"):
    with app.app_context():
        return first_task_of(code).id


def _state(app, task_id):
    with app.app_context():
        return db.session.get(Task, task_id).state


def _version(app, task_id):
    with app.app_context():
        return db.session.get(Task, task_id).version


def _move(auth, task_id, trigger, **data):
    return auth.post(f"/nhiem-vu/{task_id}/chuyen/{trigger}", data)


def test_task_page_shows_text_units_deadline_and_only_my_actions(app, client, auth):
    task_id = _task(app)
    auth.login("sgd.chuyenvien")
    html = client.get(f"/nhiem-vu/{task_id}").get_data(as_text=True)
    assert "Triển khai bộ tài liệu tuyên truyền" in html
    assert "Sở Giáo dục và Đào tạo" in html
    assert "Hằng năm, trước ngày 05/12" in html
    assert "Đã giao" in html
    assert 'name="draft"' in html
    assert 'data-trigger="approve"' not in html and 'data-trigger="send"' not in html


def test_full_journey_with_one_return(app, client, auth):
    task_id = _task(app)
    auth.login("sgd.chuyenvien")
    auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Đã triển khai tài liệu tại 120 trường."})
    assert _state(app, task_id) == "drafting"
    assert _move(auth, task_id, "submit").status_code == 302
    auth.login("sgd.lanhdao")
    _move(auth, task_id, "send")
    auth.login("ca.thuongtruc")
    _move(auth, task_id, "start_review")
    refused = _move(auth, task_id, "return_to_unit", reason="")
    assert refused.status_code == 422
    assert "Vui lòng nhập lý do." in refused.get_data(as_text=True)
    assert _state(app, task_id) == "under_review"
    _move(auth, task_id, "return_to_unit", reason="Bổ sung số liệu học sinh được tuyên truyền.")
    assert _state(app, task_id) == "drafting"
    auth.login("sgd.chuyenvien")
    auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Đã triển khai tại 120 trường, 45.000 học sinh."})
    _move(auth, task_id, "submit")
    auth.login("sgd.lanhdao")
    _move(auth, task_id, "send")
    auth.login("ca.thuongtruc")
    _move(auth, task_id, "start_review")
    _move(auth, task_id, "approve")
    assert _state(app, task_id) == "approved"
    html = client.get(f"/nhiem-vu/{task_id}").get_data(as_text=True)
    assert "Lý do: Bổ sung số liệu học sinh được tuyên truyền." in html
    listed = html.split('<ol class="history">')[1].split("</ol>")[0]
    with app.app_context():
        names = {u.username: u.full_name for u in db.session.scalars(db.select(User).where(
            User.username.in_(("sgd.chuyenvien", "ca.thuongtruc"))))}
    assert listed.count(names["ca.thuongtruc"]) == 4  # two reviews begun, one return, one approval
    assert listed.count(names["sgd.chuyenvien"]) >= 2  # the two submissions
    with app.app_context():
        events = db.session.scalars(db.select(AuditEvent).where(
            AuditEvent.entity_type == "task", AuditEvent.entity_id == task_id,
            AuditEvent.to_state.is_not(None))).all()
        assert [e.action for e in events] == [
            "start_draft", "submit", "send", "start_review", "return_to_unit",
            "submit", "send", "start_review", "approve"]
        assert all(e.actor_id and e.created_at and e.unit_id for e in events)


def test_htmx_transition_returns_the_refreshed_panel(app, client, auth):
    task_id = _task(app)
    auth.login("sgd.chuyenvien")
    response = auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Nội dung"}, htmx=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<div id="task-panel"')
    assert "Đã lưu nội dung thực hiện." in html and "Đang soạn" in html


def test_submit_without_draft_is_refused(app, client, auth):
    task_id = _task(app)
    auth.login("sgd.lanhdao")
    auth.post(f"/nhiem-vu/{task_id}/chuyen/start_draft")
    auth.login("sgd.chuyenvien")
    response = _move(auth, task_id, "submit")
    assert response.status_code == 403
    assert "Chưa có nội dung" in response.get_data(as_text=True)
    assert _state(app, task_id) == "drafting"


def test_head_who_submitted_cannot_send(app, client, auth):
    task_id = _task(app)
    with app.app_context():
        from intranet.auth.models import User
        head = db.session.scalar(db.select(User).where(User.username == "sgd.lanhdao"))
        head.set_roles({"unit_head", "staff"})
        db.session.commit()
    auth.login("sgd.lanhdao")
    auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Tự soạn"})
    _move(auth, task_id, "submit")
    response = _move(auth, task_id, "send")
    assert response.status_code == 403
    assert "tự duyệt" in response.get_data(as_text=True)
    assert _state(app, task_id) == "awaiting_head"


def test_stale_version_is_a_409_conflict(app, client, auth):
    task_id = _task(app)
    auth.login("sgd.chuyenvien")
    old = _version(app, task_id)
    auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Bản 1", "version": old})
    response = auth.post(f"/nhiem-vu/{task_id}/noi-dung", {"draft": "Bản 2", "version": old}, htmx=True)
    assert response.status_code == 409
    assert "vừa được người khác thay đổi" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Task, task_id).draft == "Bản 1"


def test_admin_cancels_with_a_reason(app, client, auth):
    task_id = _task(app)
    auth.login("admin")
    assert _move(auth, task_id, "cancel").status_code == 422
    _move(auth, task_id, "cancel", reason="Nhiệm vụ trùng lặp")
    assert _state(app, task_id) == "cancelled"


def test_unknown_trigger_is_404_and_wrong_state_is_409(app, client, auth):
    task_id = _task(app)
    auth.login("ca.thuongtruc")
    assert _move(auth, task_id, "to_approved").status_code == 404
    response = _move(auth, task_id, "approve")
    assert response.status_code == 409
    assert "không hợp lệ ở trạng thái hiện tại" in response.get_data(as_text=True)


def test_comment(app, client, auth):
    task_id = _task(app)
    auth.login("ca.thuongtruc")
    assert auth.post(f"/nhiem-vu/{task_id}/binh-luan", {"body": "  "}).status_code == 422
    auth.post(f"/nhiem-vu/{task_id}/binh-luan", {"body": "Đề nghị gửi kèm danh sách trường."})
    assert "Đề nghị gửi kèm danh sách trường." in client.get(f"/nhiem-vu/{task_id}").get_data(as_text=True)
