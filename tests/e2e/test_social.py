"""Browser test of social work (issue 16 §5): the commune union (`xa`) imports a list of donors' gifts
(one row names a unit outside its scope and is refused, nothing saved), fixes it, and sees the gifts in the
welfare figures beside — not inside — member welfare; the province (`tinh`) sees them too. Desktop and
390×844 phone (no sideways scroll)."""

import io

import pytest
from playwright.sync_api import expect

from congdoan.core.dates import format_date, today

from .conftest import log_in

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
HEADER = [
    "Mã đơn vị",
    "Nhà tài trợ",
    "Loại nhà tài trợ",
    "Người, nơi nhận",
    "Đối tượng",
    "Hình thức",
    "Giá trị",
    "Ngày trao",
]


def workbook(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(page, rows):
    page.set_input_files(
        "#id_file",
        {
            "name": "qua-tang.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": workbook([HEADER, *rows]),
        },
    )
    page.get_by_role("button", name="Nhập danh sách").click()


def no_sideways_scroll(page):
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, (page.url, width, inner)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_commune_records_a_donor_gift_list_and_sees_it_in_the_figures(
    org_demo, page, viewport, browser_errors
):
    page.set_viewport_size(VIEWPORTS[viewport])
    day = format_date(today())
    rows = [
        [
            "LCI.BT.001",
            "Công ty CP Apatit Việt Nam",
            "Doanh nghiệp",
            "Trường PTDTBT Bản Phiệt",
            "Trường học",
            "Hiện vật",
            "30.000.000",
            day,
        ],
        [
            "LCI.PLC",
            "Bà Nguyễn Thị Hạnh",
            "Cá nhân",
            "Hộ bà Lò Thị Sảo",
            "Hộ gia đình",
            "Tiền mặt",
            "2.000.000",
            day,
        ],
        ["", "", "", "Gia đình liệt sĩ Vàng A Páo", "Gia đình chính sách", "Tiền mặt", "1.500.000", day],
    ]

    log_in(page, org_demo.url, "xa")
    page.goto(f"{org_demo.url}/welfare/social/")
    no_sideways_scroll(page)
    page.get_by_role("link", name="Nhập danh sách từ Excel").click()
    page.select_option("#id_unit", label="Công đoàn xã Bảo Thắng (LCI.XBT)")
    upload(page, rows)
    errors = page.locator("#form-errors")
    expect(errors).to_contain_text("Dòng 3: đơn vị “LCI.PLC” không có hoặc ngoài phạm vi của bạn.")
    no_sideways_scroll(page)

    rows[1][0] = "LCI.BT.001"
    page.select_option("#id_unit", label="Công đoàn xã Bảo Thắng (LCI.XBT)")
    upload(page, rows)
    expect(page.locator(".alert-success")).to_contain_text("Đã nhập danh sách quà tặng")
    expect(page.locator("#gifts tbody tr")).to_have_count(3)
    expect(page.locator("#social-value")).to_have_text("33.500.000 đ")
    expect(page.locator("#social-donated")).to_have_text("32.000.000 đ")

    page.goto(f"{org_demo.url}/welfare/figures/")
    expect(page.locator("#amount-total")).to_have_text("0 đ")  # member welfare is not touched
    expect(page.locator("#social-value")).to_have_text("33.500.000 đ")
    expect(page.locator("#social-by-donor")).to_contain_text("Công ty CP Apatit Việt Nam")
    expect(page.locator("#social-by-recipient")).to_contain_text("Gia đình chính sách")
    no_sideways_scroll(page)

    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/welfare/figures/")
    expect(page.locator("#social-value")).to_have_text("33.500.000 đ")
    expect(page.locator("#social-by-level")).to_contain_text("Công đoàn cơ sở")
    no_sideways_scroll(page)
    assert browser_errors() == []
