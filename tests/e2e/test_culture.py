"""Browser test of the culture standard (issue 16 §2): coso registers its union for the year and assesses
every criterion; xa records the commune People's Committee's recognition; tinh sees the figures — on a
desktop and on a 390×844 phone (no sideways scroll)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.core.dates import today
    from congdoan.culture.tests.conftest import register
    from congdoan.demo import scenario
    from congdoan.org.models import Unit

    scenario.build()
    union = Unit.objects.get(code="LCI.BT.001")
    register(union, today().year - 1)  # last year met every criterion: this year makes two in a row
    return union


def _no_sideways_scroll(page):
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url}: scrollWidth {width} > {inner}"


def _type_date(page, selector, day):
    """Typed as the officer writes it (the picker's mask adds the slashes), then the picker closed."""
    page.fill(selector, "")
    page.type(selector, day.strftime("%d%m%Y"))
    expect(page.locator(selector)).to_have_value(day.strftime("%d/%m/%Y"))
    page.press(selector, "Escape")
    page.press(selector, "Tab")
    expect(page.locator(".flatpickr-calendar.open")).to_have_count(0)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_register_assess_and_recognise(demo, page, live_server, browser_errors, viewport):
    from congdoan.core.dates import today
    from congdoan.culture.models import Recognition

    page.set_viewport_size(VIEWPORTS[viewport])
    year = today().year
    base = live_server.url

    log_in(page, base, "coso")
    page.goto(f"{base}/culture/")
    _no_sideways_scroll(page)
    expect(page.locator("#unions tr[data-code='LCI.BT.001'] .status")).to_have_text(
        re.compile("Chưa đăng ký")
    )
    page.click("#register-link")
    expect(page.locator("#id_unit")).to_have_value(str(demo.pk))
    page.fill("#id_year", str(year))
    page.select_option("#id_culture_type", "enterprise")
    _type_date(page, "#id_registered_on", dt.date(year, 2, 5))
    _no_sideways_scroll(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(f"Doanh nghiệp đạt chuẩn văn hoá {year}")
    expect(page.locator("#eligibility")).to_contain_text("mới đạt 0/4 tiêu chí")
    boxes = page.locator("#assessment input[type=checkbox]")
    expect(boxes).to_have_count(4)
    for i in range(4):
        boxes.nth(i).check()
    page.locator("#assessment textarea, #assessment input[name^=note_]").first.fill("Doanh thu tăng 12 %")
    _no_sideways_scroll(page)
    page.click("#assessment-save")
    expect(page.locator("h2").first).to_contain_text("đạt 4/4 tiêu chí")
    expect(page.locator("#eligibility")).to_contain_text("Đủ điều kiện đề nghị Công nhận lần đầu")
    expect(page.locator("#recognise-link")).to_have_count(0)  # a union never recognises itself

    log_in(page, base, "xa")
    page.goto(f"{base}/culture/?year={year}")
    _no_sideways_scroll(page)
    row = page.locator("#unions tr[data-code='LCI.BT.001']")
    expect(row.locator(".status")).to_contain_text("Đủ điều kiện đề nghị công nhận")
    row.get_by_role("link", name="Doanh nghiệp đạt chuẩn văn hoá").click()
    page.click("#recognise-link")
    page.select_option("#id_authority", label="Chủ tịch Ủy ban nhân dân cấp xã (từ 01/07/2025)")
    page.fill("#id_number", "128/QĐ-UBND")
    issued = today() - dt.timedelta(days=1) if today() > dt.date(year, 1, 1) else today()
    _type_date(page, "#id_issued_on", issued)
    _no_sideways_scroll(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#recognition")).to_contain_text("Công nhận lần đầu")
    expect(page.locator("#recognition")).to_contain_text("128/QĐ-UBND")
    recognition = Recognition.objects.get()
    assert recognition.unit == demo and recognition.number == "128/QĐ-UBND"

    log_in(page, base, "tinh")
    page.goto(f"{base}/culture/?year={year}")
    _no_sideways_scroll(page)
    expect(page.locator("#fig-recognised")).to_have_text("1")
    expect(page.locator("#unions tr[data-code='LCI.BT.001'] .status")).to_have_text(
        re.compile("Đã được công nhận")
    )
    assert browser_errors() == []
