"""A worker's kept copy of the signed-in user: no query while nothing changed, never stale."""
import pytest
from sqlalchemy import select, text, update

from intranet import create_app, fragments
from intranet.auth.models import User
from intranet.extensions import db
from intranet.fragments import DataGeneration

from ..conftest import Auth
from .helpers import first_task_of, unit
from .test_fragments import Statements, second_worker  # noqa: F401  (a fixture)


def user_reads(statements: list[str]) -> list[str]:
    return [q for q in statements if q.startswith("SELECT user.id") or q.startswith('SELECT "user".id')]


def set_user(app, username: str, **changes) -> None:
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == username))
        for name, value in changes.items():
            if name == "roles":
                user.set_roles(value)
            else:
                setattr(user, name, value)
        db.session.commit()


def test_the_user_is_read_again_after_any_account_is_written(app, second_worker):  # noqa: F811
    client = app.test_client()
    Auth(client).login("ca.thuongtruc")  # its last request loaded the user
    counter = Statements(app)
    try:
        first, warm = counter.of(lambda: client.get("/tham-dinh"))
        set_user(second_worker, "sgd.chuyenvien", post="Chuyên viên chính")  # anyone's, anywhere
        again, cold = counter.of(lambda: client.get("/tham-dinh"))
    finally:
        counter.close()
    assert first.status_code == again.status_code == 200
    assert not user_reads(warm) and len(user_reads(cold)) == 1
    html = first.get_data(as_text=True)
    assert "Công an tỉnh" in html and "Đăng xuất" in html  # the unit and the logout form


def test_a_task_moving_on_leaves_the_kept_user_but_not_the_pages(app, second_worker):  # noqa: F811
    client = app.test_client()
    Auth(client).login("sgd.chuyenvien")
    client.get("/")
    counter = Statements(app)
    try:
        with second_worker.app_context():  # through the other worker
            task = first_task_of("sgd")
            task.draft, title = "Đã cập nhật từ máy khác", task.text[:40]
            db.session.commit()
        page, sent = counter.of(lambda: client.get("/"))
    finally:
        counter.close()
    assert page.status_code == 200 and not user_reads(sent)
    assert len(sent) > 1  # my work was made again under the new data generation
    assert "Sở Giáo dục" in page.get_data(as_text=True) and title[:20] in page.get_data(as_text=True)


def test_a_unit_renamed_shows_on_the_next_request_in_every_worker(app, second_worker):  # noqa: F811
    client = second_worker.test_client()
    Auth(client).login("sgd.chuyenvien")
    assert client.get("/").status_code == 200
    with app.app_context():
        unit("sgd").name = "Sở Giáo dục và Đào tạo (tên mới)"
        db.session.commit()
    assert "Sở Giáo dục và Đào tạo (tên mới)" in client.get("/").get_data(as_text=True)


def people_generation() -> int:
    return db.session.scalar(select(DataGeneration.value).where(DataGeneration.id == fragments.PEOPLE_ROW_ID))


@pytest.mark.parametrize("write,raises", [
    (lambda: setattr(first_task_of("sgd"), "draft", "Nháp"), False),
    (lambda: db.session.execute(update(User).where(User.username == "sgd.chuyenvien")
                                .values(post="Chuyên viên chính")), True),
    (lambda: setattr(unit("syt"), "short_name", "SYT"), True),
    (lambda: db.session.execute(text("UPDATE org_unit SET short_name = short_name")), True),
])
def test_the_people_generation_moves_with_accounts_roles_and_units_only(app, write, raises):
    with app.app_context():
        before = people_generation()
        write()
        db.session.commit()
        assert people_generation() == before + (1 if raises else 0)


def test_a_locked_account_is_signed_out_on_its_next_request_in_every_worker(app, second_worker):  # noqa: F811
    client = second_worker.test_client()
    Auth(client).login("sgd.chuyenvien")
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200  # now from the kept copy
    set_user(app, "sgd.chuyenvien", is_active_account=False)  # through the other worker
    response = client.get("/")
    assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"]


def test_a_role_taken_away_is_gone_on_the_next_request(app, second_worker):  # noqa: F811
    client = second_worker.test_client()
    Auth(client).login("ca.thuongtruc")
    assert client.get("/tham-dinh").status_code == 200
    assert client.get("/tham-dinh").status_code == 200
    set_user(app, "ca.thuongtruc", roles={"staff"})
    assert client.get("/tham-dinh").status_code == 403
    set_user(app, "ca.thuongtruc", full_name="Nguyễn Văn Mới")
    assert "Nguyễn Văn Mới" in client.get("/").get_data(as_text=True)


def test_a_role_taken_away_without_another_given_is_gone_on_the_next_request(app, second_worker):  # noqa: F811
    """Only the role's row is deleted (an orphan of the user's roles): no column of the user moves."""
    client = second_worker.test_client()
    Auth(client).login("ca.thuongtruc")
    assert client.get("/tham-dinh").status_code == 200
    assert client.get("/tham-dinh").status_code == 200  # now from the kept copy
    with app.app_context():
        before = people_generation()
        user = db.session.scalar(db.select(User).where(User.username == "ca.thuongtruc"))
        assert "reviewer" in user.roles
        user.set_roles(user.roles - {"reviewer"})
        db.session.commit()
        assert people_generation() == before + 1
    assert client.get("/tham-dinh").status_code == 403


def test_without_caching_the_user_is_read_every_time(app, tmp_path):
    uncached = create_app("testing", SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
                          INSTANCE_DIR=str(tmp_path / "instance-2"), FRAGMENT_CACHE_CHARS=0)
    client = uncached.test_client()
    Auth(client).login("ca.thuongtruc")
    counter = Statements(uncached)
    try:
        reads = [user_reads(counter.of(lambda: client.get("/tham-dinh"))[1]) for _ in range(2)]
    finally:
        counter.close()
        with uncached.app_context():
            db.session.remove()
            db.engine.dispose()
    assert [len(r) for r in reads] == [1, 1]
