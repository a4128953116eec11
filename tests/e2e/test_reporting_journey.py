"""The reporting cycle in the browser, as the issue's "Done means" walks it: the 2025 annual period of
112/KH-UBND, Sở GD&ĐT's report with target figures, acceptance, the roll-up, the signed consolidated
report verified, and the compiled budget estimate exported to .xlsx."""
from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from .test_journeys import log_in, log_out

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
       b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")
PLAN_ROW = "112/KH-UBND"


def open_annual_period(page: Page) -> None:
    log_in(page, "ca.thuongtruc")
    page.get_by_role("link", name="Báo cáo định kỳ").click()
    page.locator("tr", has_text=PLAN_ROW).get_by_role("link", name="Mở kỳ báo cáo").click()
    page.locator("#kind").select_option(label="Báo cáo năm")
    page.locator("#year").fill("2025")
    page.get_by_role("button", name="Mở kỳ báo cáo").click()
    expect(page.locator("#flash")).to_contain_text("Đã mở báo cáo năm 2025")
    expect(page.locator("tr", has_text="Sở Giáo dục và Đào tạo")).to_contain_text("Quá hạn")
    log_out(page)


def fill_sgd_report(page: Page) -> None:
    """Staff write every lead task's result, attach a photo and give the counselling figures."""
    log_in(page, "sgd.chuyenvien")
    page.get_by_role("link", name="Báo cáo định kỳ").click()
    page.locator("section", has_text="Báo cáo của Sở Giáo dục và Đào tạo").get_by_role(
        "link", name="Báo cáo năm 2025").click()
    rows = page.locator("#report-panel .rep-row:has(textarea[name=text])")
    expect(rows).to_have_count(7)
    for index in range(7):
        row_id = rows.nth(index).get_attribute("id")
        row = page.locator(f"#{row_id}")
        row.locator("textarea[name=text]").fill(f"Đã tổ chức 12 lớp tập huấn cho 1.460 lượt giáo viên ({index + 1}).")
        row.locator("select[name=status]").select_option("done")
        row.get_by_role("button", name="Lưu kết quả").click()
        expect(page.locator(f"#{row_id} .side small")).to_contain_text("Lưu ")
    first_id = rows.nth(0).get_attribute("id")
    first = page.locator(f"#{first_id}")
    first.locator("input[type=file]").set_input_files(
        {"name": "anh-tap-huan.png", "mimeType": "image/png", "buffer": PNG})
    first.get_by_role("button", name="Đính kèm minh chứng").click()
    expect(page.locator("#flash")).to_contain_text("Đã đính kèm tệp minh chứng")
    expect(page.locator(f"#{first_id} .rep-files")).to_contain_text("anh-tap-huan.png")
    figure = page.locator(".rep-fig:has(input[name=numerator])").first
    figure_id = figure.get_attribute("id")
    figure.locator("input[name=numerator]").fill("12")
    figure.locator("input[name=denominator]").fill("15")
    figure.get_by_role("button", name="Lưu số liệu").click()
    expect(page.locator(f"#{figure_id}")).to_contain_text("80,0%")
    log_out(page)


def press(page: Page, trigger: str, state: str) -> None:
    """Press a workflow button in the report's side panel and wait for the new state's badge."""
    page.locator(f"button[data-trigger='{trigger}']").click()
    expect(page.locator(".task-head .badge").first).to_have_text(state)


@pytest.mark.e2e
def test_unit_report_to_signed_consolidated_report(page: Page, live_app, signer_certificate, tmp_path):
    open_annual_period(page)
    fill_sgd_report(page)

    log_in(page, "sgd.lanhdao")
    page.get_by_role("link", name="Báo cáo định kỳ").click()
    page.get_by_role("link", name="Báo cáo năm 2025").first.click()
    press(page, "approve_unit", "Lãnh đạo đơn vị đã duyệt")
    press(page, "submit", "Đã gửi Công an tỉnh")
    expect(page.locator("#report-panel")).to_contain_text("Báo cáo đã gửi nên không sửa được")
    expect(page.locator("textarea[name=text]")).to_have_count(0)
    report_url = page.url
    log_out(page)

    log_in(page, "ca.thuongtruc")
    page.goto(report_url)
    press(page, "start_review", "Đang thẩm định")
    press(page, "accept", "Đã tiếp nhận")
    page.get_by_role("link", name="Báo cáo năm 2025").click()
    page.get_by_role("link", name="Báo cáo tổng hợp").click()
    first_target = page.locator("#rollup-table tbody tr").first
    expect(first_target).to_contain_text("12/15 (80%)")
    expect(first_target.locator("[data-verdict]")).to_have_text("Không đạt")  # milestone is "> 80%"
    expect(page.locator("#targets-chart svg")).to_have_attribute("role", "img")
    expect(page.locator("#missing-units")).not_to_contain_text("Sở Giáo dục và Đào tạo")
    page.locator("#assessment").fill("Các sở, ngành triển khai nghiêm túc Kế hoạch.")
    page.get_by_role("button", name="Lưu nội dung").click()
    expect(page.locator("#flash")).to_contain_text("Đã lưu nội dung báo cáo tổng hợp")
    press(page, "review", "Đã thẩm định")
    consolidated_url = page.url
    log_out(page)

    log_in(page, "ca.lanhdao")
    page.goto(consolidated_url)
    page.locator("button[data-trigger='sign']").click()
    expect(page.locator("#flash")).to_contain_text(re.compile(r"Đã ký số, cấp số \d{2}/BC-CAT"))
    number = re.search(r"\d{2}/BC-CAT", page.locator("#flash").inner_text()).group(0)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải bản đã ký số (PDF)").click()
    signed = tmp_path / "bao-cao-tong-hop.pdf"
    download_info.value.save_as(signed)
    assert signed.read_bytes().startswith(b"%PDF")

    page.get_by_role("link", name="Kiểm tra chữ ký số").click()
    page.set_input_files("#verify-file", str(signed))
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator("#verify-result")).to_contain_text("Văn bản hợp lệ.")
    expect(page.locator("#verify-result")).to_contain_text(number)
    expect(page.locator("#verify-result")).to_contain_text(
        re.compile(r"\d{2}:\d{2} ngày \d{2}/\d{2}/20\d{2} \(giờ Việt Nam\)"))
    page.goto(consolidated_url)
    press(page, "issue", "Đã phát hành")


@pytest.mark.e2e
def test_budget_estimate_compiled_and_exported(page: Page, tmp_path):
    log_in(page, "sgd.chuyenvien")
    page.get_by_role("link", name="Dự toán").click()
    page.locator("tr", has_text=PLAN_ROW).get_by_role("link", name="Lập dự toán").click()
    page.locator("#task-new").select_option(index=1)
    page.locator("#content-new").fill("In 5.000 tờ gấp tuyên truyền cho học sinh")
    page.locator("#amount-new").fill("12.500.000")
    page.locator("#source-new").select_option(label="Ngân sách tỉnh")
    page.get_by_role("button", name="Thêm dòng").click()
    expect(page.locator("[data-total]")).to_have_text("12.500.000 đ")
    log_out(page)

    log_in(page, "sgd.lanhdao")
    page.get_by_role("link", name="Dự toán").click()
    page.locator("tr", has_text=PLAN_ROW).get_by_role("link", name="Xem dự toán").click()
    page.locator("button[data-trigger='submit']").click()
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "submitted")
    log_out(page)

    log_in(page, "ca.thuongtruc")
    page.get_by_role("link", name="Dự toán").click()
    page.locator("tr", has_text=PLAN_ROW).get_by_role("link", name="Tổng hợp").click()
    expect(page.locator("main")).to_contain_text("12.500.000 đ")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Xuất Excel").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.name.startswith("du-toan-") and path.suffix == ".xlsx"
    rows = list(load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert ("I", "Sở Giáo dục và Đào tạo", None, None, 12_500_000) in rows
    assert rows[-1] == (None, "TỔNG CỘNG", None, None, 12_500_000)
