"""Journeys people make in the browser: logging in, moving a task through review, filtering, refusals."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from intranet.demo.directory import USERS
from intranet.extensions import db
from intranet.tasks.models import Task

FULL_NAMES = {username: full_name for username, full_name, *_ in USERS}
ROLES = ["admin", "ca.thuongtruc", "ca.lanhdao", "sgd.chuyenvien", "sgd.lanhdao", "syt.chuyenvien",
         "tinhdoan.lanhdao", "lanhdao.tinh"]
TASK_TEXT = "Triển khai bộ tài liệu tuyên truyền"
REASON = "Đề nghị bổ sung số buổi tuyên truyền và số lượt học sinh tham dự năm 2026."


def log_in(page: Page, username: str) -> None:
    """Sign in through the login form and land on "Việc của tôi" with my name in the header."""
    page.goto("/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("demo123")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".userbox .who strong")).to_have_text(FULL_NAMES[username])


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/dang-nhap"))
    expect(page.locator("#flash")).to_contain_text("Bạn đã đăng xuất")


def act(page: Page, trigger: str, expected_state: str, reason: str | None = None) -> None:
    """Press a workflow button on the task page (with a reason when given) and wait for the new state."""
    form = page.locator(f"form:has(button[data-trigger='{trigger}'])")
    if reason is not None:
        form.locator("textarea[name=reason]").fill(reason)
    form.locator(f"button[data-trigger='{trigger}']").click()
    expect(page.locator(".task-head")).to_contain_text(expected_state)


def save_draft(page: Page, text: str) -> None:
    page.locator("textarea[name=draft]").fill(text)
    page.get_by_role("button", name="Lưu nội dung").click()
    expect(page.locator("#flash")).to_contain_text("Đã lưu nội dung thực hiện")


def sgd_task_id(live_app) -> int:
    with live_app.app_context():
        return db.session.scalar(db.select(Task.id).where(Task.text.startswith(TASK_TEXT)))


@pytest.mark.e2e
@pytest.mark.parametrize("username", ROLES)
def test_each_demo_role_logs_in_and_out(page: Page, username: str):
    log_in(page, username)
    expect(page.get_by_role("heading", name="Việc của tôi")).to_be_visible()
    log_out(page)
    expect(page.locator(".userbox")).to_have_count(0)


@pytest.mark.e2e
def test_wrong_password_is_refused_in_vietnamese(page: Page):
    page.goto("/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill("sgd.chuyenvien")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("#flash")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")


@pytest.mark.e2e
def test_task_goes_through_drafting_approval_review_return_and_approval(page: Page):
    # Staff of Sở GD&ĐT opens plan 112/KH-UBND and its task, writes the draft and submits it.
    log_in(page, "sgd.chuyenvien")
    page.locator(".mainnav").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="112/KH-UBND").first.click()
    expect(page.locator("h1.plan-title")).to_contain_text("PHÒNG, CHỐNG MA TÚY")
    page.locator("#task-table").get_by_role("link", name=re.compile(f"^{TASK_TEXT}")).click()
    task_url = page.url
    save_draft(page, "Đã tổ chức 12 buổi tuyên truyền cho 3.450 lượt học sinh, học viên.")
    act(page, "submit", "Chờ lãnh đạo đơn vị duyệt")
    log_out(page)

    # The head finds it in "Việc của tôi" and sends it to Công an tỉnh.
    log_in(page, "sgd.lanhdao")
    page.locator("#viec-cho-toi").get_by_role("link", name=re.compile(f"^{TASK_TEXT}")).click()
    act(page, "send", "Đã gửi Công an tỉnh")
    log_out(page)

    # The reviewer takes it from the review queue; a return needs a reason.
    log_in(page, "ca.thuongtruc")
    page.locator(".mainnav").get_by_role("link", name="Hàng đợi thẩm định").click()
    page.locator("#queue").get_by_role("link", name=re.compile(f"^{TASK_TEXT}")).click()
    act(page, "start_review", "Đang thẩm định")
    reason_box = page.locator("form:has(button[data-trigger='return_to_unit']) textarea[name=reason]")
    page.locator("button[data-trigger='return_to_unit']").click()  # empty: the browser keeps the form
    assert reason_box.evaluate("box => !box.checkValidity()")
    act(page, "return_to_unit", "Đang thẩm định", reason="   ")  # only spaces: the server refuses
    expect(page.locator("#flash")).to_contain_text("Vui lòng nhập lý do")
    act(page, "return_to_unit", "Đang soạn", reason=REASON)
    log_out(page)

    # Staff fixes the draft and resubmits; the head sends it again; the reviewer approves.
    log_in(page, "sgd.chuyenvien")
    page.goto(task_url)
    expect(page.locator(".history")).to_contain_text(REASON)
    save_draft(page, "Đã tổ chức 14 buổi tuyên truyền cho 3.980 lượt học sinh, học viên (bổ sung số liệu).")
    act(page, "submit", "Chờ lãnh đạo đơn vị duyệt")
    log_out(page)
    log_in(page, "sgd.lanhdao")
    page.goto(task_url)
    act(page, "send", "Đã gửi Công an tỉnh")
    log_out(page)
    log_in(page, "ca.thuongtruc")
    page.goto(task_url)
    act(page, "start_review", "Đang thẩm định")
    act(page, "approve", "Đã duyệt")

    # The history shows every step, oldest last, with the reason of the return.
    page.reload()
    labels = [text.strip() for text in page.locator(".history li > strong").all_inner_texts()]
    assert labels[::-1] == [
        "Bắt đầu soạn", "Cập nhật nội dung thực hiện", "Trình lãnh đạo đơn vị", "Duyệt và gửi Công an tỉnh",
        "Tiếp nhận thẩm định", "Trả lại đơn vị", "Cập nhật nội dung thực hiện", "Trình lãnh đạo đơn vị",
        "Duyệt và gửi Công an tỉnh", "Tiếp nhận thẩm định", "Phê duyệt"]
    returned = page.locator(".history li", has_text="Trả lại đơn vị")
    expect(returned).to_contain_text(f"Lý do: {REASON}")
    expect(returned).to_contain_text(FULL_NAMES["ca.thuongtruc"])


@pytest.mark.e2e
def test_plan_task_table_filters_by_unit_and_state_without_reloading(page: Page):
    log_in(page, "ca.thuongtruc")
    page.locator(".mainnav").get_by_role("link", name="Kế hoạch").click()
    page.get_by_role("link", name="112/KH-UBND").first.click()
    plan_url = page.url.split("?")[0]
    all_rows = page.locator("#task-table tbody tr").count()
    page.evaluate("window.__sameDocument = true")

    page.select_option("#filter-unit", label="Sở Giáo dục và Đào tạo")
    expect(page).to_have_url(re.compile(r"[?&]unit=\d+"))
    expect(page.locator("#task-table")).to_contain_text("phù hợp bộ lọc")
    rows = page.locator("#task-table tbody tr")
    assert 0 < rows.count() < all_rows
    for text in rows.all_inner_texts():
        assert "Sở Giáo dục và Đào tạo" in text

    page.select_option("#filter-state", value="assigned")
    expect(page).to_have_url(re.compile(r"[?&]state=assigned"))
    expect(page.locator("#task-table tbody tr").first).to_contain_text("Đã giao")
    for text in page.locator("#task-table tbody tr").all_inner_texts():
        assert "Đã giao" in text and "Sở Giáo dục và Đào tạo" in text
    assert page.evaluate("window.__sameDocument === true"), "the filter reloaded the page"
    assert page.url.startswith(plan_url)

    filtered = page.locator("#task-table").inner_text()
    page.reload()
    assert page.evaluate("window.__sameDocument === undefined")
    expect(page.locator("#filter-unit option:checked")).to_have_text("Sở Giáo dục và Đào tạo")
    expect(page.locator("#filter-state")).to_have_value("assigned")
    assert page.locator("#task-table").inner_text() == filtered


@pytest.mark.e2e
def test_staff_of_another_unit_cannot_open_the_task_by_url(page: Page, live_app):
    log_in(page, "syt.chuyenvien")
    response = page.goto(f"/nhiem-vu/{sgd_task_id(live_app)}")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", name="Không có quyền truy cập")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Bạn không có quyền xem hoặc thực hiện thao tác này")
    expect(page.locator("main")).not_to_contain_text(TASK_TEXT)
