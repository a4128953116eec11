"""The import page: upload → preview with unit matches → confirm, for admin and reviewer only."""
import io
import re

import pytest
from docx import Document

from intranet.extensions import db
from intranet.imports.services import name_key
from intranet.plans.models import Plan
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit


PAGE = "/nhap-ke-hoach/"
PREVIEW = "/nhap-ke-hoach/xem-truoc"
CONFIRM = "/nhap-ke-hoach/luu"

# An invented plan: one unit by its full name, one by its abbreviation, one body merged in 2025
# (a suggestion, never applied by itself) and one body the directory does not know.
PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 77/KH-UBND
Quảng Ninh, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY TRONG HỌC SINH, SINH VIÊN NĂM 2025

Căn cứ Kế hoạch số 112/KH-UBND ngày 25/4/2024 của Ủy ban nhân dân tỉnh về triển khai Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030;
Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền phòng, chống ma túy trong học sinh, sinh viên năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của học sinh, sinh viên về tác hại của ma túy.
2. Chỉ tiêu
- Đến năm 2025, trên 85% học sinh, sinh viên được tuyên truyền về tác hại của ma túy.

II. PHÂN CÔNG NHIỆM VỤ
1. Công an tỉnh
- Chủ trì tổ chức tuyên truyền tại các trường học trên địa bàn tỉnh.
- Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 05/12 hằng năm.
2. Sở GD-ĐT
- Chỉ đạo các trường lồng ghép nội dung phòng, chống ma túy vào hoạt động ngoại khóa:
+ Tổ chức cuộc thi tìm hiểu pháp luật về ma túy.
+ Tổ chức cho học sinh ký cam kết không sử dụng ma túy.
3. Sở Kế hoạch và Đầu tư
- Tham mưu bố trí kinh phí thực hiện Kế hoạch.
4. Ban Quản lý Khu kinh tế Vân Đồn
- Tuyên truyền phòng, chống ma túy cho người lao động trẻ trong khu kinh tế.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành căn cứ nội dung Kế hoạch xây dựng kế hoạch thực hiện (chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành)./.

Nơi nhận:
- Công an tỉnh;
- Sở Giáo dục và Đào tạo;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Thử
"""
PLANNING = "Sở Kế hoạch và Đầu tư"
UNKNOWN = "Ban Quản lý Khu kinh tế Vân Đồn"
DRAFT = re.compile(r'name="draft" value="([^"]+)"')


def htmx_get(client, path: str):
    return client.get(path, headers={"HX-Request": "true"})


def upload(auth, data: bytes | str = PLAN, filename: str = "kh77.txt", htmx: bool = False):
    """POST a file to the preview, as the page's form does."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return auth.post(PREVIEW, {"file": (io.BytesIO(raw), filename)}, htmx=htmx,
                     content_type="multipart/form-data")


def draft_of(response) -> str:
    match = DRAFT.search(response.get_data(as_text=True))
    assert match, "no signed draft in the preview"
    return match.group(1)


def header(**changes) -> dict:
    fields = {"number": "77", "symbol": "KH-UBND", "issued_on": "2025-03-15",
              "title": "TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY TRONG HỌC SINH, SINH VIÊN NĂM 2025"}
    return {**fields, **changes}


def unit_id(name: str) -> int:
    return db.session.scalar(db.select(OrgUnit.id).where(OrgUnit.name == name))


def counts() -> tuple[int, int, int, int]:
    """Plans, tasks, task units and units stored."""
    return tuple(db.session.scalar(db.select(db.func.count()).select_from(model))
                 for model in (Plan, Task, TaskUnit, OrgUnit))


def select_of(html: str, name: str) -> str:
    match = re.search(rf'<select name="unit-{name_key(name)}".*?</select>', html, re.S)
    assert match, f"no unit choice for {name}"
    return match.group(0)


ROLES = {"admin": 200, "ca.thuongtruc": 200, "sgd.chuyenvien": 403, "syt.lanhdao": 403,
         "lanhdao.tinh": 403, "ca.lanhdao": 403}


@pytest.mark.parametrize("username,status", ROLES.items())
def test_only_admin_and_reviewer_reach_the_import_page(app, client, auth, username, status):
    auth.login(username)
    page = client.get(PAGE)
    assert page.status_code == status
    fragment = htmx_get(client, PAGE)
    assert fragment.status_code == status
    assert "<html" not in fragment.get_data(as_text=True)
    assert upload(auth).status_code == status
    if status == 403:
        assert "Không có quyền truy cập" in page.get_data(as_text=True)
        assert auth.post(CONFIRM, {"draft": "x", **header()}).status_code == 403
    else:
        assert 'action="/nhap-ke-hoach/xem-truoc"' in page.get_data(as_text=True)


def test_plans_list_offers_the_import_button_to_importers_only(app, client, auth):
    auth.login("ca.thuongtruc")
    assert "Nhập kế hoạch" in client.get("/ke-hoach/").get_data(as_text=True)
    auth.login("sgd.chuyenvien")
    assert PAGE not in client.get("/ke-hoach/").get_data(as_text=True)


@pytest.mark.parametrize("htmx", [False, True])
def test_preview_shows_header_matches_and_tasks(app, auth, htmx):
    auth.login("ca.thuongtruc")
    response = upload(auth, htmx=htmx)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ("<html" in html) is not htmx
    assert 'id="import-preview"' in html
    assert 'name="number" value="77"' in html and 'name="symbol" value="KH-UBND"' in html
    assert 'value="2025-03-15"' in html and "TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY" in html
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" in html and "Quảng Ninh" in html
    assert "Căn cứ Kế hoạch số 112/KH-UBND" in html
    assert "Năm 2025: <strong>&gt;85%</strong>" in html
    assert "Khớp tên viết tắt</span> → Sở Giáo dục và Đào tạo" in html
    assert "Khớp đúng tên</span> → Công an tỉnh" in html
    assert "Gợi ý: <strong>Sở Tài chính</strong>" in html
    assert "Chưa có trong danh mục" in html and UNKNOWN in html
    assert "Còn <strong>2</strong> tên đơn vị chưa xác định" in html
    assert "II.2" in html and "+ Tổ chức cuộc thi tìm hiểu pháp luật về ma túy." in html
    assert "Hằng năm, trước ngày 05/12" in html
    assert "Nguyễn Văn Thử" in html and "Lưu: VT" in html
    # The suggestion is offered, never chosen for the person.
    assert "selected" not in select_of(html, PLANNING)
    assert "selected" not in select_of(html, UNKNOWN)
    with app.app_context():
        assert counts()[0] == 2  # only the demo plans: a preview saves nothing


def test_pasted_text_previews_like_a_file(app, auth):
    auth.login("admin")
    response = auth.post(PREVIEW, {"text": PLAN}, htmx=True)
    assert response.status_code == 200
    assert "Khớp tên viết tắt" in response.get_data(as_text=True)


def test_docx_upload_previews(app, auth):
    document = Document()
    for line in PLAN.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    auth.login("ca.thuongtruc")
    response = upload(auth, buffer.getvalue(), "ke-hoach-77.docx", htmx=True)
    assert response.status_code == 200, response.get_data(as_text=True)
    html = response.get_data(as_text=True)
    assert 'name="number" value="77"' in html and "ke-hoach-77.docx" in html
    assert "Khớp tên viết tắt</span> → Sở Giáo dục và Đào tạo" in html


@pytest.mark.parametrize("htmx", [False, True])
def test_confirm_saves_plan_tasks_clauses_and_new_unit(app, client, auth, htmx):
    auth.login("ca.thuongtruc")
    draft = draft_of(upload(auth))
    with app.app_context():
        before = counts()
        finance = unit_id("Sở Tài chính")
    response = auth.post(CONFIRM, {
        "draft": draft, **header(number="78", title="TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY NĂM 2025"),
        f"unit-{name_key(PLANNING)}": str(finance),
        f"unit-{name_key(UNKNOWN)}": "new",
        f"new-name-{name_key(UNKNOWN)}": UNKNOWN,
        f"new-kind-{name_key(UNKNOWN)}": "agency"}, htmx=htmx)
    with app.app_context():
        plan = db.session.scalar(db.select(Plan).where(Plan.number == "78"))
        assert plan is not None
        location = f"/ke-hoach/{plan.id}"
        if htmx:
            assert response.status_code == 200 and response.headers["HX-Redirect"] == location
        else:
            assert response.status_code == 302 and response.headers["Location"] == location
        assert plan.symbol == "KH-UBND" and plan.title == "TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY NĂM 2025"
        assert plan.issued_on.isoformat() == "2025-03-15"
        assert plan.source_filename == "kh77.txt" and "Sở GD-ĐT" in plan.source_text
        tasks = db.session.scalars(db.select(Task).where(Task.plan_id == plan.id)
                                   .order_by(Task.position)).all()
        assert [t.clause for t in tasks] == ["II.1", "II.1", "II.2", "II.3", "II.4"]
        assert len(tasks[2].subtasks) == 2
        leads = {t.clause: {tu.unit.name for tu in t.units if tu.role == "lead"} for t in tasks}
        assert leads["II.2"] == {"Sở Giáo dục và Đào tạo"}
        assert leads["II.3"] == {"Sở Tài chính"}
        assert leads["II.4"] == {UNKNOWN}
        created = db.session.scalar(db.select(OrgUnit).where(OrgUnit.name == UNKNOWN))
        assert created.kind == "agency" and created.is_active
        after = counts()
        assert (after[0], after[1], after[3]) == (before[0] + 1, before[1] + 5, before[3] + 1)
    page = client.get(location).get_data(as_text=True)
    assert "Đã nhập kế hoạch 78/KH-UBND với 5 nhiệm vụ." in page


@pytest.mark.parametrize("htmx", [False, True])
def test_confirm_with_a_flagged_name_left_unmapped_saves_nothing(app, auth, htmx):
    auth.login("admin")
    draft = draft_of(upload(auth))
    with app.app_context():
        before = counts()
        finance = unit_id("Sở Tài chính")
    response = auth.post(CONFIRM, {"draft": draft, **header(),
                                   f"unit-{name_key(PLANNING)}": str(finance),
                                   f"unit-{name_key(UNKNOWN)}": ""}, htmx=htmx)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f"Chưa chọn đơn vị cho: {UNKNOWN}" in html
    assert ("<html" in html) is not htmx
    with app.app_context():
        assert counts() == before


def test_a_new_unit_whose_name_exists_is_refused(app, auth):
    auth.login("admin")
    draft = draft_of(upload(auth))
    with app.app_context():
        before = counts()
    response = auth.post(CONFIRM, {"draft": draft, **header(),
                                   f"unit-{name_key(PLANNING)}": "new",
                                   f"new-name-{name_key(PLANNING)}": "Sở Tài chính",
                                   f"new-kind-{name_key(PLANNING)}": "department",
                                   f"unit-{name_key(UNKNOWN)}": "new",
                                   f"new-name-{name_key(UNKNOWN)}": UNKNOWN,
                                   f"new-kind-{name_key(UNKNOWN)}": "agency"}, htmx=True)
    assert response.status_code == 422
    assert "đã có trong danh mục" in response.get_data(as_text=True)
    with app.app_context():
        assert counts() == before


def test_tampered_or_foreign_draft_is_refused(app, auth):
    auth.login("admin")
    draft = draft_of(upload(auth))
    with app.app_context():
        before = counts()
    payload, _, signature = draft.rpartition(".")
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + "." + signature
    for token in (tampered, "", "not-a-draft"):
        response = auth.post(CONFIRM, {"draft": token, **header()}, htmx=True)
        assert response.status_code == 422
        assert "không hợp lệ hoặc đã bị thay đổi" in response.get_data(as_text=True)
    auth.login("ca.thuongtruc")
    response = auth.post(CONFIRM, {"draft": draft, **header()})
    assert response.status_code == 422
    assert "không phải của bạn" in response.get_data(as_text=True)
    with app.app_context():
        assert counts() == before


def test_confirm_refuses_a_plan_number_that_exists(app, auth):
    auth.login("admin")
    with open("intranet/demo/seeds/qn_112_kh_ubnd_2024.txt", encoding="utf-8") as seed:
        response = upload(auth, seed.read(), "qn112.txt", htmx=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Kế hoạch số 112/KH-UBND đã có trong hệ thống" in html
    with app.app_context():
        before = counts()
    response = auth.post(CONFIRM, {"draft": draft_of(response), "number": "112",
                                   "symbol": "KH-UBND", "issued_on": "2024-04-25",
                                   "title": "TRIỂN KHAI CHƯƠNG TRÌNH"}, htmx=True)
    assert response.status_code == 422
    assert "112/KH-UBND đã có trong hệ thống" in response.get_data(as_text=True)
    with app.app_context():
        assert counts() == before


def test_confirm_refuses_bad_header_fields(app, auth):
    auth.login("admin")
    draft = draft_of(upload(auth))
    for changes, message in [({"title": "  "}, "Chưa nhập trích yếu"),
                             ({"issued_on": "2025-02-30"}, "Ngày ban hành không hợp lệ")]:
        response = auth.post(CONFIRM, {"draft": draft, **header(**changes)}, htmx=True)
        assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_confirm_needs_the_csrf_token(app, client, auth):
    auth.login("admin")
    draft = draft_of(upload(auth))
    response = client.post(CONFIRM, data={"draft": draft, **header()})
    assert response.status_code == 400


BAD_UPLOADS = [
    (b"", "trong.txt", "không có nội dung"),
    (b"   \n\n ", "trang.txt", "không có nội dung"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "anh.txt", "nhị phân"),
    ("Kế hoạch".encode("utf-16-le"), "utf16.txt", "nhị phân"),
    (b"K\xe9 ho\xe1ch", "latin.txt", "UTF-8"),
    (b"x" * (5 * 1024 * 1024 + 1), "lon.txt", "5 MB"),
    (b"PK\x03\x04 not really a zip", "gia.docx", ".docx"),
    (b"%PDF-1.7", "ke-hoach.pdf", "chỉ nhận tệp .txt hoặc .docx"),
    (b"\xd0\xcf\x11\xe0", "cu.doc", "lưu lại thành .docx"),
]


@pytest.mark.parametrize("data,filename,message", BAD_UPLOADS)
@pytest.mark.parametrize("htmx", [False, True])
def test_bad_uploads_get_a_vietnamese_422(app, auth, data, filename, message, htmx):
    auth.login("ca.thuongtruc")
    response = upload(auth, data, filename, htmx=htmx)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html and "Dữ liệu chưa hợp lệ" in html
    assert ("<html" in html) is not htmx
    assert 'name="draft"' not in html


def test_nothing_sent_gets_a_422(app, auth):
    auth.login("admin")
    response = auth.post(PREVIEW, {"text": "  "}, htmx=True)
    assert response.status_code == 422
    assert "Chưa chọn tệp hoặc dán nội dung kế hoạch." in response.get_data(as_text=True)
