"""Browser test of a congress round (issue 16 §1): tinh plans the 2025–2030 round and reminds the late units;
coso plans and records its congress and the chair it elected; tinh sees the progress — desktop and phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.congress.tests.conftest import make_member
    from congdoan.demo import scenario
    from congdoan.org.models import Unit

    scenario.build()
    unit = {u.code: u for u in Unit.objects.all()}
    chair = make_member(unit["LCI.BT.001"], "Phạm Thị Mai")
    return live_server.url, unit, chair


def _no_sideways_scroll(page, phone: bool) -> None:
    if phone:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_plan_a_round_and_record_a_congress(demo, page, browser_errors, phone):
    url, unit, chair = demo
    if phone:
        page.set_viewport_size(PHONE)
    log_in(page, url, "tinh")
    page.goto(f"{url}/congress/")
    page.get_by_role("link", name="Lập kế hoạch đại hội").click()
    page.fill("#id_name", "Kế hoạch tổ chức đại hội công đoàn các cấp nhiệm kỳ 2025–2030")
    page.fill("#id_document_no", "22/KH-LĐLĐ")
    page.fill("#id_term_start", "2025")
    page.fill("#id_term_end", "2030")
    page.fill("#id_deadline_commune", "31/10/2025")
    page.fill("#id_deadline_grassroots", "31/12/2025")
    _no_sideways_scroll(page, phone)
    page.get_by_role("button", name="Lưu").click()
    progress = page.locator("#grassroots-progress")
    expect(progress).to_contain_text(re.compile(r"^0/\d+ công đoàn cơ sở đã tổ chức đại hội \(0,00 %\)$"))
    total = int(progress.inner_text().split("/")[1].split()[0])
    _no_sideways_scroll(page, phone)
    page.locator("#remind").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã gửi")
    plan_url = page.url

    log_in(page, url, "coso")
    page.goto(f"{url}/congress/units/{unit['LCI.BT.001'].pk}/")
    expect(page.locator("main")).to_contain_text("tổ chức xong trước 31/12/2025")
    page.get_by_role("link", name="Dự kiến đại hội").click()
    page.fill("#id_start_year", "2025")
    page.fill("#id_end_year", "2030")
    page.fill("#id_planned_on", "20/11/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#congress-summary")).to_contain_text("chưa tổ chức")
    page.get_by_role("link", name="Ghi nhận đại hội đã tổ chức").click()
    page.fill("#id_held_on", "22/11/2025")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#congress-summary")).to_contain_text("đã tổ chức ngày 22/11/2025")
    page.locator("#body-executive").get_by_role("link", name="Thêm người").click()
    page.select_option("#id_role", "chair")
    page.fill("#id_member", chair.code)
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#body-executive")).to_contain_text("Phạm Thị Mai")
    expect(page.locator("#body-executive")).to_contain_text("Chủ tịch")
    _no_sideways_scroll(page, phone)
    # More than the cap (a union of 1 member: 3) is refused, naming the cap.
    for name in ("Lê Văn Tám", "Đỗ Thị Hằng", "Người thứ tư"):
        page.locator("#body-executive").get_by_role("link", name="Thêm người").click()
        page.fill("#id_full_name", name)
        page.get_by_role("button", name="Lưu").click()
    expect(page.locator("main")).to_contain_text("tối đa 3 ủy viên")

    log_in(page, url, "tinh")
    page.goto(plan_url)
    expect(page.locator("#grassroots-progress")).to_contain_text(
        f"1/{total} công đoàn cơ sở đã tổ chức đại hội"
    )
    _no_sideways_scroll(page, phone)
    assert browser_errors() == []
