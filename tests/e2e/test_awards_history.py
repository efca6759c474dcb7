"""Browser tests of awards from outside the union and of past years (issue 16 §4, §6.1), on a desktop and on a
390×844 phone: the province records a decision received from the provincial People's Committee (signed in
January 2024 for 2023), which counts in 2023's figures by award year; then it enters the federation's own 2023
award, which shows on the member's award history, and a 1999 one is refused with “chưa áp dụng”."""

import datetime as dt
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": PHONE}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario
    from congdoan.emulation.models import AwardKind
    from congdoan.emulation.tests.helpers import make_member
    from congdoan.org.models import Unit

    scenario.build()
    grassroots = Unit.objects.get(code="LCI.BT.001")
    member = make_member(grassroots, "Đỗ Thị Thanh Hương", joined=dt.date(2012, 4, 1))
    kinds = {k.code: str(k.pk) for k in AwardKind.objects.filter(valid_to__isnull=True)}
    return SimpleNamespace(
        url=live_server.url, member=member, province=str(Unit.objects.get(code="LCI").pk), kinds=kinds
    )


def _fits(page) -> None:
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url}: scrollWidth {width} > {inner}"


def _type_date(page, selector: str, digits: str, shown: str) -> None:
    page.fill(selector, "")
    page.type(selector, digits)  # the picker's mask adds the slashes
    expect(page.locator(selector)).to_have_value(shown)
    page.press(selector, "Escape")


def _open_record_form(page, demo) -> None:
    page.goto(f"{demo.url}/emulation/decisions/")
    page.get_by_role("link", name="Ghi nhận quyết định đã có").click()
    page.select_option("#unit", demo.province)
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.locator("h1")).to_contain_text("Ghi nhận quyết định khen thưởng tại")
    _fits(page)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_province_records_a_decision_received_from_the_peoples_committee(
    demo, page, browser_errors, size
):
    base, member = demo.url, demo.member
    page.set_viewport_size(SIZES[size])
    log_in(page, base, "tinh")
    _open_record_form(page, demo)
    page.select_option("#id_issuer", "province_gov")
    page.fill("#id_issuer_name", "Ủy ban nhân dân tỉnh Lào Cai")
    page.fill("#id_number", "120/QĐ-UBND")
    _type_date(page, "#id_issued_on", "15012024", "15/01/2024")
    page.fill("#id_year", "2023")
    page.select_option("#id_award_kind", demo.kinds["bang_khen_ubnd"])
    page.fill("#id_recipients", f"{member.code}\nKHONGCO")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".invalid-feedback")).to_contain_text(
        "Dòng 2: không tìm thấy đoàn viên có mã “KHONGCO”"
    )
    page.fill("#id_recipients", member.code)
    page.get_by_role("button", name="Lưu").click()

    expect(page.locator(".alert-success")).to_contain_text("Đã ghi nhận quyết định")
    expect(page.locator("h1")).to_contain_text("Quyết định số 120/QĐ-UBND ngày 15/01/2024")
    expect(page.locator("main")).to_contain_text("Ủy ban nhân dân tỉnh Lào Cai")
    expect(page.locator("#award-year")).to_have_text("2023")
    expect(page.locator("#awards")).to_contain_text("Đỗ Thị Thanh Hương")
    _fits(page)

    # Counted in 2023 by award year; in 2024 only when counting by signing date.
    page.goto(f"{base}/emulation/figures/?unit={demo.province}&year=2023")
    expect(page.locator("#by-level tr[data-level='province_gov']")).to_contain_text("Ủy ban nhân dân tỉnh")
    _fits(page)
    page.goto(f"{base}/emulation/decisions/?year=2024")
    expect(page.locator("#decisions")).not_to_contain_text("120/QĐ-UBND")
    page.select_option("#by", "signed")
    page.locator("#decision-filter").get_by_role("button", name="Xem").click()
    expect(page.locator("#decisions")).to_contain_text("120/QĐ-UBND")
    _fits(page)
    assert browser_errors() == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_province_enters_a_2023_award_and_a_1999_one_is_refused_with_not_yet(
    demo, page, browser_errors, size
):
    base, member = demo.url, demo.member
    page.set_viewport_size(SIZES[size])
    log_in(page, base, "tinh")
    _open_record_form(page, demo)
    page.select_option("#id_issuer", "union")
    page.fill("#id_number", "1250/QĐ-LĐLĐ")
    _type_date(page, "#id_issued_on", "26122023", "26/12/2023")
    page.fill("#id_year", "2023")
    page.select_option("#id_award_kind", demo.kinds["bang_khen_ldld"])
    page.fill("#id_recipients", member.code)
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_contain_text("Quyết định số 1250/QĐ-LĐLĐ ngày 26/12/2023")
    expect(page.locator("#award-year")).to_have_text("2023")

    page.goto(f"{base}/emulation/history/member/{member.pk}/")
    expect(page.locator("main")).to_contain_text("1250/QĐ-LĐLĐ")
    _fits(page)

    # Before the catalogue's first version: the refusal says it did not apply yet, and offers the flag.
    _open_record_form(page, demo)
    page.select_option("#id_issuer", "union")
    page.fill("#id_number", "7/QĐ-LĐLĐ")
    _type_date(page, "#id_issued_on", "28121999", "28/12/1999")
    page.fill("#id_year", "1999")
    page.select_option("#id_award_kind", demo.kinds["bang_khen_ldld"])
    page.fill("#id_recipients", member.code)
    page.get_by_role("button", name="Lưu").click()
    error = page.locator(".invalid-feedback, .alert-danger")
    expect(error.first).to_contain_text("chưa áp dụng vào ngày 28/12/1999")
    expect(page.locator("main")).not_to_contain_text("không còn áp dụng")
    _fits(page)
    assert browser_errors() == []
