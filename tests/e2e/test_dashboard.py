"""The unit dashboard in a real browser: the province officer filters and drills down; the grassroots
officer reads their own dashboard on a phone."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_tinh_opens_the_dashboard_changes_the_period_and_drills_down(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "tinh")
    page.locator(".dashboard-link").first.click()
    expect(page.locator("h1")).to_contain_text("Lào Cai")
    expect(page.locator("#area-members")).to_be_visible()
    expect(page.locator("input[name][type=number], input[name][type=date]")).to_have_count(0)

    page.select_option("#id_period", "Q2")
    page.fill("#id_year", "2025")
    page.click("#period-form button")
    expect(page.locator("#period")).to_contain_text("01/04/2025")
    expect(page.locator("#period")).to_contain_text("30/06/2025")

    page.emulate_media(media="print")
    expect(page.locator("#print-title")).to_be_visible()
    expect(page.locator("#print-title")).to_contain_text("Từ ngày 01/04/2025 đến ngày 30/06/2025")
    expect(page.locator("nav.navbar")).to_be_hidden()
    expect(page.locator("#period-form")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = (float(x) for x in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in mm
    page.emulate_media(media="screen")

    page.locator("#area-members a.fact").first.click()
    expect(page).not_to_have_url(re.compile(r"/dashboard/"))
    assert browser_errors() == []


def test_coso_reads_its_dashboard_on_a_phone_without_sideways_scrolling(org_demo, page, browser_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, org_demo.url, "coso")
    page.locator(".dashboard-link").first.click()
    expect(page.locator("h1")).to_contain_text("Xưởng Tuyển Bắc Nhạc Sơn")
    expect(page.locator("#area-members")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".navbar a.navbar-brand")).to_be_visible()
    page.locator(".navbar-toggler").click()  # the menu sits behind its toggler on a phone
    expect(page.locator(".navbar-nav a").first).to_be_in_viewport()
    assert browser_errors() == []


def test_the_dashboard_draws_its_charts_under_the_strict_csp(
    transactional_db, live_server, page, browser_errors
):
    """Members in Lào Cai: the gender chart is drawn by the vendored Vega (no eval, no inline style) with its
    table beside it, numbers in the Vietnamese format."""
    from congdoan.members.tests.conftest import admit_active
    from tests.factories import PASSWORD, build_tree

    tree = build_tree()
    for i in range(3):
        admit_active(tree.g1, full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g1, full_name="Giàng A Páo", gender="M")
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "tinh")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/units/{tree.lc.pk}/dashboard/")
    chart = page.locator("#figure-members-gender")
    expect(chart.locator("svg").first).to_be_visible()
    expect(chart.locator("svg").first).to_contain_text("Nữ")
    chart.locator("svg path").first.hover()  # the tooltip, styled by app.css, not by an injected <style>
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(chart.locator("svg").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(chart.locator("table")).to_contain_text("3 người")
    assert browser_errors() == []
