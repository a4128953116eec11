"""Two people acting on the same task at once: one wins, the other gets a conflict."""
import threading

from intranet.auth.models import User
from intranet.errors import ConflictError
from intranet.extensions import db
from intranet.tasks import services
from intranet.tasks.models import Task
from intranet.audit.models import AuditEvent

from .helpers import first_task_of


def _prepare(app) -> int:
    """A Sở GD&ĐT task waiting in Công an tỉnh's queue."""
    with app.app_context():
        task = first_task_of("sgd")
        task.state, task.draft = "submitted", "Nội dung đã gửi"
        db.session.commit()
        return task.id


def _user(username):
    return db.session.scalar(db.select(User).where(User.username == username))


def test_two_simultaneous_transitions_one_wins(app):
    task_id = _prepare(app)
    with app.app_context():
        second = User(username="ca.thuongtruc2", full_name="Cán bộ thường trực 2",
                      unit_id=_user("ca.thuongtruc").unit_id, password_hash="x")
        second.set_roles({"reviewer"})
        db.session.add(second)
        db.session.commit()
    loaded = threading.Barrier(2, timeout=10)
    results = {}

    def act(username, trigger, reason=None):
        with app.app_context():
            try:
                task = db.session.get(Task, task_id)
                user = _user(username)
                loaded.wait()
                if trigger == "return_to_unit":
                    loaded.wait()  # let the other one commit first
                services.fire_transition(task, trigger, user, reason=reason)
                db.session.commit()
                results[username] = "ok"
            except ConflictError:
                db.session.rollback()
                results[username] = "conflict"
            finally:
                if trigger == "start_review":
                    loaded.wait()
                db.session.remove()

    threads = [threading.Thread(target=act, args=("ca.thuongtruc", "start_review")),
               threading.Thread(target=act, args=("ca.thuongtruc2", "return_to_unit", "Thiếu"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == {"ca.thuongtruc": "ok", "ca.thuongtruc2": "conflict"}
    with app.app_context():
        task = db.session.get(Task, task_id)
        assert task.state == "under_review"
        events = db.session.scalars(db.select(AuditEvent).where(
            AuditEvent.entity_type == "task", AuditEvent.entity_id == task_id)).all()
        assert [e.action for e in events] == ["start_review"]


def test_conflict_over_http_is_409_for_htmx(app, client, auth):
    task_id = _prepare(app)
    with app.app_context():
        version = db.session.get(Task, task_id).version
    auth.login("ca.thuongtruc")
    first = auth.post(f"/nhiem-vu/{task_id}/chuyen/start_review", {"version": version})
    assert first.status_code == 302
    second = auth.post(f"/nhiem-vu/{task_id}/chuyen/return_to_unit",
                       {"version": version, "reason": "Thiếu số liệu"}, htmx=True)
    assert second.status_code == 409
    body = second.get_data(as_text=True)
    assert "vừa được người khác thay đổi" in body and "<html" not in body
