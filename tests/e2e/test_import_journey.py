"""A Công an reviewer imports a plan file, maps the names the directory lacks, and opens the plan."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_journeys import log_in

# Its own number and units no demo account belongs to, so the shared demo data other journeys
# use stays as they expect it.
PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 157/KH-UBND
Bắc Giang, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Kiểm soát ma túy tại khu vực biên giới và khu kinh tế năm 2024

I. MỤC ĐÍCH, YÊU CẦU
Ngăn chặn ma túy thẩm lậu qua biên giới vào địa bàn tỉnh.

II. NHIỆM VỤ CỤ THỂ
1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh: Chủ trì tuần tra, kiểm soát các đường mòn, lối mở
trên tuyến biên giới (Hoàn thành trong tháng 6/2024).
2. Sở Kế hoạch và Đầu tư: Tham mưu bố trí vốn đầu tư trang thiết bị kiểm soát ma túy.
3. Ban Dân tộc tỉnh
- Tuyên truyền phòng, chống ma túy cho đồng bào dân tộc thiểu số vùng biên giới.

III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả trước ngày 05/12 hằng năm./.

Nơi nhận:
- Như mục II;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Mai Sơn
"""


def assignee(page: Page, name: str):
    """The block where a flagged name gets its unit."""
    return page.locator(".import-assignee[id]").filter(
        has=page.locator("strong", has_text=re.compile(f"^{re.escape(name)}$")))


@pytest.mark.e2e
def test_reviewer_imports_a_plan_maps_flagged_units_and_sees_its_tasks(page: Page, tmp_path):
    path = tmp_path / "kh-157-bac-giang.txt"
    path.write_text(PLAN, encoding="utf-8")
    log_in(page, "ca.thuongtruc")
    page.locator(".mainnav").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="Nhập kế hoạch").click()
    expect(page.get_by_role("heading", name="Nhập kế hoạch từ văn bản đã ban hành")).to_be_visible()

    page.set_input_files("#import-file", str(path))
    page.get_by_role("button", name="Đọc và xem trước").click()
    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("3 mục phân công với 3 nhiệm vụ")
    expect(page.locator("#import-unresolved")).to_contain_text("Còn 2 tên đơn vị chưa xác định")
    expect(page.locator("input[name=number]")).to_have_value("157")
    expect(preview).to_contain_text("Hạn 30/06/2024")

    planning = assignee(page, "Sở Kế hoạch và Đầu tư")
    expect(planning).to_contain_text("Gợi ý: Sở Tài chính")
    planning.locator("select[name^=unit-]").select_option(label="Sở Tài chính")
    ethnic = assignee(page, "Ban Dân tộc tỉnh")
    ethnic.locator("select[name^=unit-]").select_option("new")
    expect(ethnic.locator("input[name^=new-name-]")).to_be_visible()
    expect(ethnic.locator("input[name^=new-name-]")).to_have_value("Ban Dân tộc tỉnh")
    ethnic.locator("select[name^=new-kind-]").select_option(label="Sở, ban, ngành")

    page.get_by_role("button", name="Lưu kế hoạch").click()
    expect(page).to_have_url(re.compile(r"/ke-hoach/\d+$"))
    expect(page.locator("#flash")).to_contain_text("Đã nhập kế hoạch 157/KH-UBND với 3 nhiệm vụ.")
    table = page.locator("#task-table")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table).to_contain_text("Sở Tài chính")
    expect(table).to_contain_text("Ban Dân tộc tỉnh")
    expect(table).to_contain_text("Bộ Chỉ huy Bộ đội Biên phòng tỉnh")

    table.get_by_role("link", name=re.compile("^Tham mưu bố trí vốn đầu tư")).click()
    expect(page.locator("h1")).to_contain_text("(mục II.2)")
