"""Browser test of union finance: the coso treasurer imports a payroll (one bad row, then fixed), posts the
month, prints the receipt list and sends the settlement up; tinh, on a phone, sees the province's collection
against expected and approves the settlement."""

import io
import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario
    from congdoan.finance.tests.conftest import make_member
    from congdoan.org.models import Unit

    scenario.build()
    union = Unit.objects.get(code="LCI.BT.001")
    return [
        make_member(union, name, code=f"TC26{i:04d}")
        for i, name in enumerate(["Nguyễn Thị Hoa", "Lù Văn Sáng", "Phạm Minh Tuấn"], start=1)
    ]


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def payroll(rows) -> dict:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Mã đoàn viên", "Họ và tên", "Tiền lương"])
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return {
        "name": "bang-luong-11-2026.xlsx",
        "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "buffer": buffer.getvalue(),
    }


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_coso_posts_a_month_and_tinh_approves_the_settlement(demo, page, live_server, browser_errors):
    hoa, sang, tuan = demo
    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/finance/")
    page.fill("#id_month", "11")
    page.fill("#id_year", "2026")
    page.get_by_role("button", name="Mở bảng thu tháng").click()
    page.locator("#rolls").get_by_role("link", name="11/2026").click()
    expect(page.locator("#roll-lines tbody tr")).to_have_count(3)

    page.get_by_role("link", name="Nhập bảng lương").click()
    page.set_input_files("#id_file", payroll([[hoa.code, hoa.full_name, 10_000_000], ["TC269999", "Ai", 1]]))
    page.get_by_role("button", name="Nhập bảng lương").click()
    expect(page.locator("#form-errors")).to_contain_text("Dòng 3: không có đoàn viên mã TC269999.")
    rows = [
        [hoa.code, hoa.full_name, 10_000_000],
        [sang.code, sang.full_name, "8.000.000"],
        [tuan.code, tuan.full_name, 60_000_000],
    ]
    page.set_input_files("#id_file", payroll(rows))
    page.get_by_role("button", name="Nhập bảng lương").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã nhập bảng lương")
    # 0,5 %: 50.000 + 40.000 + the cap 253.000 (10 % of 2.530.000 from 01/07/2026)
    expect(page.locator("#roll-totals")).to_contain_text("343.000 đ")

    page.get_by_role("button", name="Ghi sổ tháng").click()
    expect(page.locator("#roll-status")).to_have_text("Đã ghi sổ")
    pdf = page.request.get(page.locator("#receipt-pdf").get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    page.goto(f"{live_server.url}/finance/")
    page.select_option("#id_kind", "settlement")
    page.fill("#id_year", "2026")
    page.get_by_role("button", name="Lập", exact=True).click()
    expect(page.locator("#statement-lines")).to_contain_text("343.000 đ")
    page.get_by_role("button", name="Gửi cấp trên").click()
    expect(page.locator("#statement-status")).to_have_text("Đã gửi cấp trên")

    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "tinh")
    page.goto(f"{live_server.url}/finance/?year=2026")
    expect(page.locator("#collection")).to_contain_text("343.000 đ")
    expect(page.locator("#children")).to_contain_text("100,00 %")
    no_sideways_scroll(page)
    page.locator("#awaiting").get_by_role("link").first.click()
    no_sideways_scroll(page)
    page.get_by_role("button", name="Duyệt").click()
    expect(page.locator("#statement-status")).to_have_text("Cấp trên đã duyệt")
    expect(page.locator("#statement-lines")).to_contain_text("343.000 đ")
    assert browser_errors() == []
