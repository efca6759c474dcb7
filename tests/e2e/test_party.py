"""Browser test of a Party introduction: coso introduces a member of their union (member picker, the union's
resolution, the Party cell and mentor), records the training, then the admission with the Party committee's
decision; the pipeline, the member's record and the figures show it — on a desktop and on a phone."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario
    from congdoan.org.models import Unit
    from congdoan.party.tests.conftest import make_member

    scenario.build()
    return make_member(Unit.objects.get(code="LCI.BT.001"), "Lù Thị Hoa", joined=dt.date(2016, 5, 1))


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_introduce_a_member_then_admit_them(demo, page, live_server, browser_errors, viewport):
    from congdoan.members.models import Member

    if viewport == "phone":
        page.set_viewport_size(PHONE)
    member = demo
    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/members/{member.pk}/")
    page.click("#party-record")
    expect(page.locator("h1")).to_contain_text("Hồ sơ giới thiệu cho Đảng")
    page.get_by_role("link", name="Giới thiệu cho Đảng").click()
    expect(page.locator("#id_member")).to_have_value(member.code)
    page.fill("#id_resolution_no", "07/NQ-CĐCS")
    page.fill("#id_introduced_on", "02/03/2025")
    page.fill("#id_party_cell", "Chi bộ Phân xưởng Tuyển quặng")
    page.fill("#id_mentors", "Hoàng Văn Thụ, Lò Thị Mai")
    fits(page)
    page.press("#id_mentors", "Enter")  # the date picker's calendar may cover the button
    expect(page.locator("#status")).to_have_text("Đã giới thiệu")
    page.select_option("#id_to", value="training")
    page.fill("#id_on", "01/04/2025")
    page.press("#id_decision_no", "Enter")  # the date picker's calendar covers the button
    expect(page.locator("#status")).to_have_text("Đang bồi dưỡng, thử thách")
    page.select_option("#id_to", value="admitted")
    page.fill("#id_on", "03/02/2026")
    page.press("#id_decision_no", "Enter")  # the date picker's calendar covers the button
    expect(page.locator(".invalid-feedback")).to_contain_text("số quyết định kết nạp")
    page.fill("#id_decision_no", "112-QĐ/ĐU")
    page.press("#id_decision_no", "Enter")
    expect(page.locator("#status")).to_have_text("Đã được kết nạp")
    expect(page.locator("#admitted")).to_contain_text("112-QĐ/ĐU")
    fits(page)
    assert Member.objects.get(pk=member.pk).party_admitted_on == dt.date(2026, 2, 3)

    page.goto(f"{live_server.url}/party/?status=admitted")
    expect(page.locator("#pipeline")).to_contain_text("Lù Thị Hoa")
    fits(page)
    page.goto(f"{live_server.url}/party/figures/?start=01/01/2026&end=31/12/2026")
    expect(page.locator("#admitted")).to_have_text("1")
    fits(page)
    assert browser_errors() == []
