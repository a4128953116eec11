"""Logging in and out, sessions and passwords."""
from intranet.auth.models import User
from intranet.extensions import db

from ..conftest import csrf_token


def test_login_page_is_vietnamese(client):
    html = client.get("/dang-nhap").get_data(as_text=True)
    assert "Đăng nhập" in html and 'name="csrf_token"' in html
    assert 'name="username"' in html and 'name="password"' in html


def test_login_then_logout(client, auth):
    response = auth.login("sgd.chuyenvien")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Lê Thị Giáo" in page and "Sở Giáo dục và Đào tạo" in page
    response = auth.post("/dang-xuat")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_wrong_password_is_refused_in_vietnamese(client, auth):
    response = auth.login("sgd.chuyenvien", "sai-mat-khau")
    assert response.status_code == 401
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)


def test_login_without_csrf_token_is_refused(client):
    response = client.post("/dang-nhap", data={"username": "admin", "password": "demo123"})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_session_cookie_is_httponly_and_samesite(client):
    token = csrf_token(client)
    response = client.post("/dang-nhap", data={"username": "admin", "password": "demo123",
                                               "csrf_token": token})
    cookie = response.headers.get("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_passwords_are_hashed(app):
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "admin"))
        assert "demo123" not in user.password_hash
        assert user.password_hash.startswith(("scrypt:", "pbkdf2:"))
        assert user.check_password("demo123") and not user.check_password("demo124")


def test_login_redirects_only_to_local_pages(client):
    token = csrf_token(client)
    response = client.post("/dang-nhap?next=https://evil.example/", data={
        "username": "admin", "password": "demo123", "csrf_token": token})
    assert response.headers["Location"] == "/"


def test_pages_need_login(client):
    for path in ["/", "/ke-hoach/", "/tham-dinh", "/quy-trinh/", "/quan-tri/nguoi-dung"]:
        response = client.get(path)
        assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"]


def test_secret_key_is_generated_into_instance(tmp_path):
    from intranet import create_app

    app = create_app("development", INSTANCE_DIR=str(tmp_path / "inst"),
                     SQLALCHEMY_DATABASE_URI="sqlite://")
    key_file = tmp_path / "inst" / "secret_key"
    assert key_file.exists() and app.config["SECRET_KEY"] == key_file.read_text().strip()
    assert oct(key_file.stat().st_mode)[-3:] == "600"


def test_healthz_answers_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok\n"
    assert "Set-Cookie" not in response.headers
