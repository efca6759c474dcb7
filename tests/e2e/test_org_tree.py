"""Browser tests of the organisation tree on the demo's Lào Cai 2025 restructure (Chromium, CSP on)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def tree(page):
    return page.locator("#tree")


def test_coso_sees_only_its_own_grassroots_union(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "coso")
    expect(page.locator("#my-unit")).to_contain_text("Xưởng Tuyển Bắc Nhạc Sơn")
    page.get_by_role("link", name="Tổ chức", exact=True).click()
    expect(tree(page)).to_contain_text("CĐCS Công ty TNHH MTV Apatit Việt Nam - Xưởng Tuyển Bắc Nhạc Sơn")
    expect(tree(page).locator(".tree-loading")).to_have_count(0)
    expect(tree(page)).not_to_contain_text("Liên đoàn Lao động tỉnh Lào Cai")
    expect(tree(page)).not_to_contain_text("Công đoàn xã Bảo Thắng")
    expect(tree(page)).not_to_contain_text("Cam Đường")
    # Search, without diacritics, finds only what is in scope.
    page.fill("input[name=q]", "lao cai")
    page.press("input[name=q]", "Enter")
    expect(page.locator("#search-results")).to_contain_text("Không tìm thấy đơn vị nào.")
    page.fill("input[name=q]", "tuyen bac nhac son")
    page.press("input[name=q]", "Enter")
    expect(page.locator("#search-results")).to_contain_text("Xưởng Tuyển Bắc Nhạc Sơn")
    # Another unit's page does not exist for this user.
    outside = f"/units/{org_demo.unit['LCI.PCD'].pk}/"
    page.goto(org_demo.url + outside)
    expect(page.locator("h1")).to_contain_text("Không tìm thấy")
    assert browser_errors(f"404 GET {org_demo.url}{outside}") == []


def test_tinh_sees_the_dissolved_district_federation_on_1_june_2025_and_not_today(
    org_demo, page, browser_errors
):
    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/units/")
    # The root branch loads its children over HTMX.
    expect(tree(page)).to_contain_text("Công đoàn xã Bảo Thắng")
    expect(tree(page)).not_to_contain_text("Liên đoàn Lao động huyện Bảo Thắng")
    expect(page.locator("#id_on")).to_have_value("")

    # Typed as the officer writes it, whatever the browser's locale (the field is text, not type=date).
    page.type("#id_on", "01062025")
    expect(page.locator("#id_on")).to_have_value("01/06/2025")
    page.press("#id_on", "Enter")
    expect(page.locator("#tree-date")).to_contain_text("Cơ cấu tổ chức tại ngày 01/06/2025")
    expect(page).to_have_url(re.compile(r"on=01%2F06%2F2025"))
    district = tree(page).locator(f"li.tree-node[data-unit='{org_demo.unit['LCI.BT'].pk}']")
    expect(district).to_contain_text("Liên đoàn Lao động huyện Bảo Thắng")
    expect(district).to_contain_text("Đã giải thể · đến hết 30/06/2025")
    expect(tree(page)).not_to_contain_text("Công đoàn xã Bảo Thắng")
    # Opening the district's branch loads its grassroots unions as they were, the state-budget one included.
    expect(district.locator(".tree-children")).to_be_hidden()
    district.locator("summary").first.click(position={"x": 4, "y": 8})
    expect(district).to_contain_text("CĐCS Phòng Giáo dục và Đào tạo huyện Bảo Thắng")
    expect(district).to_contain_text("CĐCS Công ty TNHH Vàng Phước Lộc")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "org_tree_2025-06-01.png"), full_page=True)

    page.get_by_role("link", name="Xem hiện nay").click()
    expect(page.locator("#tree-date")).to_contain_text("Cơ cấu tổ chức hiện nay")
    expect(tree(page)).to_contain_text("Công đoàn phường Yên Bái")
    expect(tree(page)).not_to_contain_text("Liên đoàn Lao động huyện Bảo Thắng")
    page.screenshot(path=str(SCREENSHOTS / "org_tree_today.png"), full_page=True)
    assert browser_errors() == []


def test_tinh_merges_two_commune_unions_through_the_pages(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/units/")
    tree(page).get_by_role("link", name="Công đoàn xã Phong Hải").click()
    expect(page.locator("h1")).to_contain_text("Công đoàn xã Phong Hải")
    page.locator("#unit-actions").get_by_role("link", name="Hợp nhất").click()

    expect(page.get_by_label("Công đoàn xã Phong Hải (LCI.XPH)")).to_be_checked()
    page.select_option("#id_target", label="Công đoàn xã Bảo Thắng (LCI.XBT)")
    page.fill("#id_effective_on", "01/01/2026")
    page.fill("#id_decision_no", "25/QĐ-LĐLĐ")
    page.fill("#id_decision_date", "20/12/2025")
    page.get_by_role("button", name="Thực hiện").click()

    expect(page.locator("h1")).to_contain_text("Công đoàn xã Bảo Thắng")
    expect(page.locator(".alert-success")).to_contain_text("Đã lưu")
    summary = "Hợp nhất “Công đoàn xã Phong Hải” vào “Công đoàn xã Bảo Thắng” từ 01/01/2026"
    expect(page.locator("#unit-events")).to_contain_text(summary)
    # The children table shows today's structure; on 01/01/2026 the moved union is there.
    page.goto(f"{org_demo.url}/units/{org_demo.unit['LCI.XBT'].pk}/?on=2026-01-01")
    expect(page.locator("#children-table")).to_contain_text("CĐCS Công ty TNHH Vàng Phước Lộc")
    page.goto(f"{org_demo.url}/units/{org_demo.unit['LCI.XPH'].pk}/")
    expect(page.locator("h1")).to_contain_text("Đã hợp nhất")

    page.get_by_role("link", name="Nhật ký", exact=True).click()
    row = page.locator("#audit-log tr", has_text=summary)
    expect(row).to_contain_text("Lê Thị Thu Hà")
    expect(row).to_contain_text("25/QĐ-LĐLĐ")
    assert browser_errors() == []


def test_a_refused_merge_shows_the_reason_in_vietnamese(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/units/{org_demo.unit['LCI.XPH'].pk}/merge/")
    page.select_option("#id_target", label="Công đoàn xã Bảo Thắng (LCI.XBT)")
    page.fill("#id_effective_on", "01/07/2025")
    page.fill("#id_decision_no", "26/QĐ")
    page.get_by_role("button", name="Thực hiện").click()
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_contain_text(
        "phải sau lần thay đổi gần nhất"
    )
    assert browser_errors() == []
