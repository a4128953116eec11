"""Official documents in the browser: review, sign, download the signed PDF, and verify what was downloaded."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Page, expect

from intranet.auth.models import User
from intranet.documents import certificates
from intranet.documents.services import verify_upload
from intranet.extensions import db
from intranet.plans.models import Plan

from .test_journeys import log_in, log_out

JOINT_TITLE = "Hành động phòng, chống ma túy trong thanh thiếu niên"


@pytest.fixture
def joint_plan_id(live_app) -> int:
    """The joint plan Công an tỉnh and Tỉnh đoàn issue (no number yet); ca.lanhdao holds a demo certificate."""
    with live_app.app_context():
        signer = db.session.scalar(db.select(User).where(User.username == "ca.lanhdao"))
        certificates.issue_demo_certificate(signer)
        return db.session.scalar(db.select(Plan.id).where(Plan.title.startswith(JOINT_TITLE)))


def verify_outside_the_event_loop(live_app, data: bytes) -> dict:
    """Run the intranet's verification in a worker thread: pyHanko starts its own asyncio loop,
    which cannot nest inside the one Playwright's sync API keeps on this thread."""
    def run():
        with live_app.app_context():
            return verify_upload(data)

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result(timeout=30)


def press(page: Page, trigger: str) -> None:
    """Press a document move on the plan page and wait for the swapped panel."""
    page.locator(f"#plan-document button[data-trigger='{trigger}']").click()
    expect(page.locator(f"#plan-document button[data-trigger='{trigger}']")).to_have_count(0)


@pytest.mark.e2e
def test_signer_signs_a_plan_and_the_downloaded_pdf_verifies(page: Page, live_app, joint_plan_id, tmp_path):
    log_in(page, "ca.thuongtruc")
    page.goto(f"/ke-hoach/{joint_plan_id}")
    press(page, "review")
    log_out(page)

    log_in(page, "ca.lanhdao")
    page.goto(f"/ke-hoach/{joint_plan_id}")
    press(page, "sign")
    panel = page.locator("#plan-document")
    expect(panel).to_contain_text(re.compile(r"Số: \d{2}/KH-"))
    number = re.search(r"Số: (\d{2}/KH-[A-ZĐ-]+)", panel.inner_text()).group(1)
    expect(page.locator("#flash")).to_contain_text(f"cấp số {number}")

    with page.expect_download() as download_info:
        panel.get_by_role("link", name=re.compile("bản đã ký số")).click(modifiers=["Alt"])
    path = tmp_path / "signed.pdf"
    download_info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")

    result = verify_outside_the_event_loop(live_app, data)
    assert result["valid"] and result["intact"] and result["register_match"]
    assert result["signer"] == "Nguyễn Văn Lãnh" and result["number"] == number

    # The same bytes, uploaded on the verification page, read as valid in Vietnamese.
    page.goto("/van-ban/xac-thuc")
    page.set_input_files("#verify-file", str(path))
    page.get_by_role("button", name="Kiểm tra").click()
    result_box = page.locator("#verify-result")
    expect(result_box).to_contain_text("Văn bản hợp lệ.")
    expect(result_box).to_contain_text(number)
