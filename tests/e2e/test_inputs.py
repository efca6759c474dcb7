"""Dates typed and picked dd/mm/yyyy, and a Vietnamese file picker, in a browser whose language is English
(Chromium's native date input would read "12/06/2026" as 6 December there)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "timezone_id": "America/New_York"}


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
def test_an_officer_types_and_picks_dates_dd_mm_yyyy_in_an_english_browser(
    org_demo, page, browser_errors, viewport
):
    from congdoan.members.models import Member

    page.set_viewport_size(viewport)
    log_in(page, org_demo.url, "coso")
    page.goto(f"{org_demo.url}/members/new/")
    expect(page.locator("input[name][type=date], input[name][type=number]")).to_have_count(0)

    # Typed as digits only: the mask writes the slashes; 12/06 is June the 12th, not December the 6th.
    page.type("#id_date_of_birth", "12061990")
    expect(page.locator("#id_date_of_birth")).to_have_value("12/06/1990")

    # Picked: the calendar speaks Vietnamese whatever the browser's language, and writes dd/mm/yyyy.
    page.fill("#id_admitted_on", "")
    page.click("#id_admitted_on")
    calendar = page.locator(".flatpickr-calendar.open")
    expect(calendar).to_be_visible()
    expect(calendar.locator(".flatpickr-weekday").first).to_contain_text("T2")
    calendar.locator(
        ".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)", has_text=re.compile(r"^3$")
    ).click()
    expect(page.locator("#id_admitted_on")).to_have_value(re.compile(r"^03/(0[1-9]|1[0-2])/20\d\d$"))
    page.keyboard.press("Escape")

    page.select_option("#id_unit", index=1)
    page.fill("#id_full_name", "Nguyễn Thị Ngày Tháng")
    page.fill("#id_decision_no", "15/QĐ-CĐCS")
    page.click("form button[type=submit]")
    expect(page.locator(".alert-success, .alert-info")).to_be_visible()
    member = Member.objects.get(full_name="Nguyễn Thị Ngày Tháng")
    assert member.date_of_birth == dt.date(1990, 6, 12)
    assert browser_errors() == []


def test_a_wrong_date_is_kept_and_named_in_vietnamese(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "coso")
    page.goto(f"{org_demo.url}/members/new/")
    page.fill("#id_full_name", "Trần Văn Sai Ngày")
    page.fill("#id_decision_no", "16/QĐ-CĐCS")
    page.fill("#id_date_of_birth", "31/02/1990")
    page.click("#id_full_name")  # leaving the field must not wipe what was typed
    expect(page.locator("#id_date_of_birth")).to_have_value("31/02/1990")
    page.click("form button[type=submit]")
    expect(page.locator("main form")).to_contain_text(
        "Ngày sinh: ngày “31/02/1990” không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."
    )
    expect(page.locator("#id_date_of_birth")).to_have_value("31/02/1990")
    assert browser_errors() == []


def test_the_file_picker_reads_chon_tep_and_shows_the_file_chosen(org_demo, page, browser_errors, tmp_path):
    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/members/excel/import/")
    picker = page.locator(".file-picker").first
    expect(picker.locator("label")).to_have_text("Chọn tệp")
    expect(picker.locator(".file-picker-name")).to_have_text("Chưa chọn tệp nào")
    path = tmp_path / "doan_vien.xlsx"
    path.write_bytes(b"PK\x03\x04")
    picker.locator("input[type=file]").set_input_files(str(path))
    expect(picker.locator(".file-picker-name")).to_have_text("doan_vien.xlsx")
    assert browser_errors() == []
