"""The import page on a plan from another province, with pre-2025 names, and on duplicates."""
import re

from intranet.extensions import db
from intranet.imports.services import name_key
from intranet.plans.models import Plan
from intranet.tasks.models import Task
from intranet.units.models import OrgUnit

from .conftest import BAC_GIANG, BEN_TRE  # noqa: F401
from .test_import_page import CONFIRM, PREVIEW, counts, draft_of, select_of, unit_id, upload

FLAGGED = ["Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải", "Sở Văn hóa, Thể thao và Du lịch",
           "Ban Dân tộc tỉnh", "Công an các huyện, thành phố",
           "Ủy ban nhân dân các huyện, thành phố"]


def block_of(html: str, name: str) -> str:
    """The assignee block that holds the choice for a flagged name."""
    match = re.search(rf'<div class="import-assignee is-open" id="assignee-{name_key(name)}".*?'
                      r'</details>', html, re.S)
    assert match, f"no open assignee block for {name}"
    return match.group(0)


def test_old_names_are_flagged_with_suggestions_never_chosen(app, auth):
    auth.login("ca.thuongtruc")
    response = upload(auth, BAC_GIANG.read_text(encoding="utf-8"), "bg156.txt", htmx=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Còn <strong>6</strong> tên đơn vị chưa xác định" in html
    for name in FLAGGED:
        assert "selected" not in select_of(html, name)
    planning = block_of(html, "Sở Kế hoạch và Đầu tư")
    assert "Gợi ý: <strong>Sở Tài chính</strong> — sắp xếp năm 2025" in planning
    assert '<optgroup label="Gợi ý"><option value="' in planning
    # The successor missing from the directory is what a new unit would be called.
    transport = block_of(html, "Sở Giao thông vận tải")
    assert "Gợi ý: <strong>Sở Xây dựng</strong> <span class=\"badge badge-light\">chưa có" in transport
    assert 'value="Sở Xây dựng"' in transport and '"department" selected' in transport
    district_police = block_of(html, "Công an các huyện, thành phố")
    assert 'value="Công an các xã, phường"' in district_police
    assert '"collective" selected' in district_police
    unknown = block_of(html, "Ban Dân tộc tỉnh")
    assert "Chưa có trong danh mục" in unknown and 'value="Ban Dân tộc tỉnh"' in unknown
    assert "Khớp tên viết tắt" not in html or "Sở GD&amp;ĐT" in html
    assert "Đề nghị (ngoài thẩm quyền giao)" in html


def test_confirm_maps_and_creates_units_in_one_go(app, client, auth):
    auth.login("admin")
    draft = draft_of(upload(auth, BAC_GIANG.read_text(encoding="utf-8"), "bg156.txt"))
    with app.app_context():
        before = counts()
        mapped = {"Sở Kế hoạch và Đầu tư": unit_id("Sở Tài chính"),
                  "Công an các huyện, thành phố": unit_id("Công an tỉnh"),
                  "Ủy ban nhân dân các huyện, thành phố":
                      unit_id("Ủy ban nhân dân các huyện, thị xã, thành phố")}
    form = {"draft": draft, "number": "156", "symbol": "KH-UBND", "issued_on": "2024-03-12",
            "title": "Thực hiện công tác phòng, chống ma túy năm 2024"}
    form |= {f"unit-{name_key(n)}": str(i) for n, i in mapped.items()}
    for name, new, kind in [("Sở Giao thông vận tải", "Sở Xây dựng", "department"),
                            ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch",
                             "department"),
                            ("Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh", "department")]:
        form |= {f"unit-{name_key(name)}": "new", f"new-name-{name_key(name)}": new,
                 f"new-kind-{name_key(name)}": kind}
    response = auth.post(CONFIRM, form, htmx=True)
    assert response.status_code == 200, response.get_data(as_text=True)
    with app.app_context():
        plan = db.session.scalar(db.select(Plan).where(Plan.number == "156"))
        assert response.headers["HX-Redirect"] == f"/ke-hoach/{plan.id}"
        assert plan.title == "Thực hiện công tác phòng, chống ma túy năm 2024"
        tasks = db.session.scalars(db.select(Task).where(Task.plan_id == plan.id)
                                   .order_by(Task.position)).all()
        assert len(tasks) == 14 and tasks[9].clause == "II.9" and tasks[3].clause == "II.4"
        leads = {t.clause: sorted(tu.unit.name for tu in t.units if tu.role == "lead")
                 for t in tasks}
        assert leads["II.3"] == ["Sở Tài chính"] and leads["II.4"] == ["Sở Xây dựng"]
        assert leads["II.11"] == ["Công an tỉnh"]
        assert db.session.scalar(db.select(OrgUnit.kind).where(OrgUnit.name == "Sở Xây dựng")) \
            == "department"
        after = counts()
        assert (after[0], after[1], after[3]) == (before[0] + 1, before[1] + 14, before[3] + 3)
    page = client.get(f"/ke-hoach/{plan.id}").get_data(as_text=True)
    assert "<strong>Hằng quý</strong> — định kỳ hằng quý" in page
    assert "Mục II.10" in page  # each task shows the clause it came from
    # The same plan again, creating yet another unit: the duplicate is refused and the unit
    # created on the way is rolled back with it.
    with app.app_context():
        again = {**form, f"new-name-{name_key('Ban Dân tộc tỉnh')}": "Ban Dân tộc"}
        for name, unit in [("Sở Giao thông vận tải", "Sở Xây dựng"),
                           ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")]:
            again[f"unit-{name_key(name)}"] = str(unit_id(unit))
    response = auth.post(CONFIRM, again, htmx=True)
    assert response.status_code == 422
    assert "Kế hoạch số 156/KH-UBND đã có trong hệ thống." in response.get_data(as_text=True)
    with app.app_context():
        assert counts() == after
        assert unit_id("Ban Dân tộc") is None


def test_a_plan_without_number_imported_twice_is_refused(app, auth):
    """The joint plan has no number: the same issue date and title make it a duplicate."""
    auth.login("ca.thuongtruc")
    response = auth.post(PREVIEW, {"text": BEN_TRE.read_text(encoding="utf-8")}, htmx=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="import-duplicate"' in html and "ban hành ngày 30/12/2021 đã có trong hệ thống" in html
    with app.app_context():
        before = counts()
    form = {"draft": draft_of(response), "number": "", "symbol": "", "issued_on": "2021-12-30",
            "title": "hành động phòng, chống  ma túy trong thanh thiếu niên giai đoạn 2021 - 2025 "
                     "trên địa bàn tỉnh Bến Tre"}
    response = auth.post(CONFIRM, form, htmx=True)
    assert response.status_code == 422
    assert "đã có trong hệ thống" in response.get_data(as_text=True)
    with app.app_context():
        assert counts() == before
