"""Browser test of the reporting cycle on the demo: enter, return, fix, approve, roll up, evaluate."""

import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario
    from congdoan.targets import demo as targets_demo

    scenario.build()
    targets_demo.load(scale="small")


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def value_input(page, code):
    return page.locator(f"tr[data-code='{code}'] input[name^='value_']")


def test_a_quarterly_report_goes_up_is_returned_fixed_approved_and_rolls_up(demo, page, live_server):
    from congdoan.org.models import Unit

    province = Unit.objects.get(code="LCI")

    # coso enters and submits the third-quarter report it has not made yet.
    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/targets/")
    page.locator("tr[data-period='2026-Q3']").get_by_role("button", name="Lập báo cáo").click()
    expect(page.locator("#report-status")).to_have_text("Đang nhập")
    value_input(page, "doi_thoai").fill("1")
    value_input(page, "tham_hoi").fill("6")
    value_input(page, "kinh_phi_tham_hoi").fill("3")  # fails the rule: VND below the number of people
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text("Kinh phí thăm hỏi")
    value_input(page, "kinh_phi_tham_hoi").fill("3.000.000")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator("h1")).to_have_text("Gửi báo cáo lên cấp trên?")  # saved, sent only once confirmed
    page.get_by_role("button", name="Xác nhận gửi báo cáo").click()
    expect(page.locator("#report-status")).to_have_text("Đã gửi")
    expect(page.locator(".alert-success")).to_contain_text("Báo cáo đang chờ cấp trên duyệt")
    report_url = page.url

    # xa returns it with a reason.
    login(page, live_server, "xa")
    page.goto(f"{live_server.url}/targets/inbox/")
    page.get_by_role("row", name=re.compile("Xưởng Tuyển Bắc Nhạc Sơn")).get_by_role(
        "link", name="Xem và duyệt"
    ).click()
    page.fill("#reason-return", "Thiếu số cuộc đối thoại quý III, đề nghị bổ sung.")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.locator("#report-status")).to_have_text("Bị trả lại")

    # coso sees the reason, fixes and resubmits.
    login(page, live_server, "coso")
    page.goto(report_url)
    expect(page.locator("#return-reason")).to_contain_text("Thiếu số cuộc đối thoại")
    value_input(page, "doi_thoai").fill("2")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.get_by_role("button", name="Xác nhận gửi báo cáo").click()
    expect(page.locator("#report-status")).to_have_text("Đã gửi")

    # xa approves: the report locks.
    login(page, live_server, "xa")
    page.goto(report_url)
    page.get_by_role("link", name="Duyệt báo cáo").click()
    expect(page.locator("h1")).to_have_text("Duyệt và khoá báo cáo?")
    page.get_by_role("button", name="Xác nhận duyệt").click()
    expect(page.locator("#report-status")).to_have_text("Đã duyệt (khoá)")
    expect(page.locator("input[name^='value_']")).to_have_count(0)

    # tinh sees the roll-up with drill-down and the "N/M" evaluation.
    login(page, live_server, "tinh")
    page.goto(f"{live_server.url}/targets/units/{province.pk}/rollup/?period=2026-Q3")
    row = page.locator("#rollup-table tr[data-code='doi_thoai']")
    expect(row.locator(".children-total")).to_contain_text("tạm tính")
    page.get_by_role("link", name="Công đoàn xã Bảo Thắng").click()
    # Bảo Thắng's only approved grassroots report this quarter is the one just approved.
    expect(page.locator("#rollup-table tr[data-code='doi_thoai'] .children-total")).to_have_text(
        re.compile(r"^2\s+tạm tính$")
    )
    page.goto(f"{live_server.url}/targets/units/{province.pk}/evaluation/?year=2026")
    expect(page.locator("#headline")).to_have_text(re.compile(r"^\d+/13 chỉ tiêu đạt và vượt \(năm 2026\)$"))
    expect(page.locator("#children-headlines")).to_contain_text("Công đoàn xã Bảo Thắng")
