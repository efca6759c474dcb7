"""In a real browser: tinh reads the 2025 dashboard of Lào Cai for one month and as of a day, then downloads
the 2-HĐCĐ statistics form whose figures are the dashboard's; on a phone the page does not scroll sideways."""

import io

import openpyxl
from playwright.sync_api import expect

from .conftest import log_in


def _form_rows(path) -> dict:
    sheet = openpyxl.load_workbook(io.BytesIO(open(path, "rb").read())).worksheets[0]
    return {row[1]: row for row in sheet.iter_rows(values_only=True) if isinstance(row[1], str)}


def test_tinh_filters_by_month_and_as_of_and_downloads_form_2(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "tinh")
    page.locator(".dashboard-link").first.click()
    page.select_option("#id_period", "M3")
    page.fill("#id_year", "2025")
    page.click("#period-form button")
    expect(page.locator("#period")).to_contain_text("Số liệu từ ngày 01/03/2025 đến ngày 31/03/2025")

    page.select_option("#id_period", "year")
    page.fill("#id_as_of", "30/06/2025")
    page.press("#id_as_of", "Escape")
    page.click("#period-form button")
    expect(page.locator("#period")).to_contain_text("01/01/2025 đến ngày 30/06/2025")
    expect(page.locator("#period")).to_contain_text("tính đến ngày 30/06/2025")
    expect(page.locator("#legend")).to_contain_text("tạm tính")
    total = page.locator('[data-key="members.total"] .fact-value').inner_text()
    admitted = page.locator('[data-key="members.admitted"] .fact-value').inner_text()

    with page.expect_download() as download:
        page.click("#statistics-form")
    assert download.value.suggested_filename.startswith("mau-2-hdcd-LCI-20250101-20250630")
    rows = _form_rows(download.value.path())
    assert f"{rows['01'][3]:,}".replace(",", ".") == total
    assert f"{rows['05'][3]:,}".replace(",", ".") == admitted

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.locator("#statistics-form")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert browser_errors() == []
