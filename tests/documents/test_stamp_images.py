"""Signature and seal images: who uploads them, checks read from the bytes, and their use when signing."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from intranet.auth.models import User
from intranet.documents import certificates
from intranet.documents.models import OutgoingDocument, StampImage
from intranet.documents.verification import verify_pdf
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.units.models import OrgUnit

from tests.conftest import htmx_get

PAGE = "/van-ban/anh-ky-so"


@pytest.fixture
def ids(app):
    with app.app_context():
        users = {u.username: u.id for u in db.session.scalars(db.select(User))}
        units = {u.code: u.id for u in db.session.scalars(db.select(OrgUnit))}
        joint = db.session.scalar(db.select(Plan).where(Plan.number.is_(None))).id
        return {"signer": users["ca.lanhdao"], "unit_head": users["sgd.lanhdao"], "cat": units["cat"], "sgd": units["sgd"], "joint": joint}


def _png(colour, *, size=(300, 100), transparent=True, dpi=None, ring=False) -> bytes:
    image = Image.new("RGBA" if transparent else "RGB", size, (0, 0, 0, 0) if transparent else "white")
    draw = ImageDraw.Draw(image)
    if ring:
        draw.ellipse([6, 6, size[0] - 6, size[1] - 6], outline=colour, width=14)
    else:
        draw.line([(10, size[1] - 20), (size[0] // 2, 15), (size[0] - 10, size[1] - 30)], fill=colour, width=10)
    out = io.BytesIO()
    image.save(out, "PNG", **({"dpi": dpi} if dpi else {}))
    return out.getvalue()


BLUE = (10, 40, 200, 255)
RED = (220, 0, 0, 255)


def _upload(auth, path, data: bytes, name="anh.png", **fields):
    return auth.post(path, {"file": (io.BytesIO(data), name), **fields},
                     content_type="multipart/form-data")


def _count(app, kind) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(StampImage).where(StampImage.kind == kind))


@pytest.mark.parametrize("username, expected", [
    ("admin", 200), ("ca.lanhdao", 200), ("sgd.lanhdao", 200),
    ("sgd.chuyenvien", 403), ("ca.thuongtruc", 403), ("lanhdao.tinh", 403),
])
def test_page_access(client, auth, username, expected):
    auth.login(username)
    assert client.get(PAGE).status_code == expected
    fragment = htmx_get(client, PAGE)
    assert fragment.status_code == expected
    if expected == 403:
        assert "<html" not in fragment.get_data(as_text=True)


def test_each_role_sees_only_what_it_manages(client, auth):
    auth.login("sgd.lanhdao")
    html = client.get(PAGE).get_data(as_text=True)
    assert "Sở Giáo dục" in html and "Ảnh con dấu của cơ quan" in html
    assert "Ảnh chữ ký của người ký" not in html
    auth.login("ca.lanhdao")
    html = client.get(PAGE).get_data(as_text=True)
    assert "Nguyễn Văn Lãnh" in html and "Công an tỉnh" in html and "Sở Giáo dục" not in html
    auth.login("admin")
    html = client.get(PAGE).get_data(as_text=True)
    assert "Nguyễn Văn Lãnh" in html and "Sở Giáo dục" in html and "Công an tỉnh" in html


def test_signer_uploads_a_blue_transparent_signature_and_only_managers_see_it(app, client, auth, ids):
    auth.login("ca.lanhdao")
    response = _upload(auth, f"{PAGE}/chu-ky/{ids['signer']}", _png(BLUE))
    assert response.status_code == 302
    with app.app_context():
        image = db.session.scalar(db.select(StampImage))
        assert (image.kind, image.user_id, image.width_px, image.height_px) == ("signature", ids["signer"], 300, 100)
        image_id = image.id
    served = client.get(f"{PAGE}/{image_id}.png")
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert served.data.startswith(b"\x89PNG")
    assert "Thay ảnh" in client.get(PAGE).get_data(as_text=True)
    auth.login("sgd.lanhdao")
    assert client.get(f"{PAGE}/{image_id}.png").status_code == 403
    auth.login("admin")
    assert client.get(f"{PAGE}/{image_id}.png").status_code == 200


def test_htmx_upload_swaps_the_card(app, client, auth, ids):
    auth.login("sgd.lanhdao")
    response = auth.post(f"{PAGE}/con-dau/{ids['sgd']}",
                         {"file": (io.BytesIO(_png(RED, size=(400, 400), ring=True)), "dau.png"), "size_mm": "36"},
                         htmx=True, content_type="multipart/form-data")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html and f'id="seal-{ids["sgd"]}"' in html and "Đường kính 36 mm" in html


def test_who_may_upload_what(app, auth, ids):
    auth.login("sgd.lanhdao")
    assert _upload(auth, f"{PAGE}/chu-ky/{ids['signer']}", _png(BLUE)).status_code == 403
    assert _upload(auth, f"{PAGE}/con-dau/{ids['cat']}", _png(RED, size=(400, 400), ring=True),
                   size_mm="40").status_code == 403
    auth.login("sgd.chuyenvien")
    assert _upload(auth, f"{PAGE}/con-dau/{ids['sgd']}", _png(RED, size=(400, 400), ring=True),
                   size_mm="40").status_code == 403
    auth.login("admin")
    assert _upload(auth, f"{PAGE}/chu-ky/{ids['unit_head']}", _png(BLUE)).status_code == 403  # not a signer
    assert _upload(auth, f"{PAGE}/chu-ky/{ids['signer']}", _png(BLUE)).status_code == 302
    assert _count(app, "signature") == 1 and _count(app, "seal") == 0


def test_csrf_is_required(app, client, auth, ids):
    auth.login("ca.lanhdao")
    response = client.post(f"{PAGE}/chu-ky/{ids['signer']}",
                           data={"file": (io.BytesIO(_png(BLUE)), "a.png")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert _count(app, "signature") == 0


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 100), (10, 40, 200)).save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize("data, message", [
    (_jpeg(), "không phải ảnh PNG"),
    (b"", "Vui lòng chọn tệp"),
    (_png(BLUE, transparent=False), "nền trong suốt"),
    (_png(RED), "phải màu xanh"),
    (_png(BLUE, size=(40, 20)), "Kích thước ảnh chữ ký"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "bị hỏng"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024 + 10), "quá lớn"),
])
def test_bad_signature_files_are_refused_from_their_bytes(app, auth, ids, data, message):
    auth.login("ca.lanhdao")
    response = _upload(auth, f"{PAGE}/chu-ky/{ids['signer']}", data, name="chu-ky.png")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _count(app, "signature") == 0


@pytest.mark.parametrize("data, size, message", [
    (_png(BLUE, size=(400, 400), ring=True), "40", "phải màu đỏ"),
    (_png(RED, size=(400, 400), ring=True), "", "Nhập đường kính thật"),
    (_png(RED, size=(400, 400), ring=True), "80", "từ 20 đến 60 mm"),
    (_png(RED, size=(400, 400), ring=True), "bốn mươi", "phải là một số"),
])
def test_bad_seals_are_refused(app, auth, ids, data, size, message):
    auth.login("admin")
    response = _upload(auth, f"{PAGE}/con-dau/{ids['cat']}", data, size_mm=size)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert _count(app, "seal") == 0


def test_seal_size_is_read_from_the_png_resolution_and_can_be_deleted(app, client, auth, ids):
    auth.login("admin")
    # 400 px at 254 dpi: a 40 mm seal.
    seal = _png(RED, size=(400, 400), ring=True, dpi=(254, 254))
    assert _upload(auth, f"{PAGE}/con-dau/{ids['cat']}", seal, size_mm="").status_code == 302
    with app.app_context():
        image = db.session.scalar(db.select(StampImage).where(StampImage.kind == "seal"))
        assert image.size_mm == pytest.approx(40.0) and image.unit_id == ids["cat"]
        image_id = image.id
    assert auth.post(f"{PAGE}/{image_id}/xoa").status_code == 302
    assert _count(app, "seal") == 0


def test_signing_shows_the_uploaded_signature_and_seal(app, client, auth, ids):
    auth.login("ca.lanhdao")
    assert _upload(auth, f"{PAGE}/chu-ky/{ids['signer']}", _png(BLUE, size=(600, 200))).status_code == 302
    seal = _png(RED, size=(400, 400), ring=True)
    assert _upload(auth, f"{PAGE}/con-dau/{ids['cat']}", seal, size_mm="40").status_code == 302

    auth.login("ca.thuongtruc")
    assert auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/review").status_code == 302
    auth.login("ca.lanhdao")
    html = client.get(f"/ke-hoach/{ids['joint']}").get_data(as_text=True)
    version = re.search(r'name="version" value="(\d*)"', html).group(1)
    assert auth.post(f"/van-ban/ke-hoach/{ids['joint']}/chuyen/sign", {"version": version}).status_code == 302

    with app.app_context():
        doc = db.session.scalar(db.select(OutgoingDocument).where(OutgoingDocument.source_id == ids["joint"]))
        doc_id = doc.id
    data = client.get(f"/van-ban/{doc_id}/ban-ky.pdf").data
    with app.app_context():
        assert verify_pdf(data, certificates.trust_roots()).valid
    reader = PdfReader(io.BytesIO(data))
    widgets = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []
               if a.get_object().get("/FT") == "/Sig"]
    assert len(widgets) == 1
    appearance = widgets[0]["/AP"]["/N"].get_object()
    images = [x.get_object() for x in appearance["/Resources"]["/XObject"].values()]
    assert len(images) == 2 and all("/SMask" in image for image in images)
    # The field holds the 40 mm seal at its real size (113.4 pt), wider than the signing space.
    x1, y1, x2, y2 = (float(v) for v in widgets[0]["/Rect"])
    assert y2 - y1 == pytest.approx(40 * 72 / 25.4, abs=0.5)
