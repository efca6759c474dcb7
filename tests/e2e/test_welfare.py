"""Browser test of a Tết programme: coso imports a list (one bad row, fixed), submits; xa approves; tinh sees
the totals by fund source."""

import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.core.scoping import Scope
    from congdoan.demo import scenario
    from congdoan.org.models import Unit
    from congdoan.welfare import services
    from congdoan.welfare.constants import FundKind, ProgrammeKind
    from congdoan.welfare.tests.conftest import make_member

    scenario.build()
    system = Scope.unrestricted()
    union = Unit.objects.get(code="LCI.BT.001")
    members = [
        make_member(union, name, code=f"LC26{i:04d}")
        for i, name in enumerate(["Nguyễn Thị Hoa", "Lù Văn Sáng", "Phạm Minh Tuấn"], start=1)
    ]
    programme = services.programme_create(
        scope=system,
        owner=Unit.objects.get(code="LCI.XBT"),
        kind=ProgrammeKind.TET_GIFTS,
        name="Tết Sum vầy 2026 - Công đoàn xã Bảo Thắng",
        start=dt.date(2026, 1, 5),
        end=dt.date(2026, 2, 15),
        standard_amount=1_000_000,
    )
    services.fund_add(scope=system, programme=programme, kind=FundKind.GRASSROOTS, budget=50_000_000)
    services.fund_add(
        scope=system,
        programme=programme,
        kind=FundKind.DONATION,
        donor_name="Công ty CP Apatit Việt Nam",
        budget=20_000_000,
    )
    return programme, members


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


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
            "name": "danh-sach-tet.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": workbook(rows),
        },
    )
    page.fill("#id_paid_on", "25/01/2026")
    page.get_by_role("button", name="Nhập danh sách").click()


def test_coso_imports_a_tet_list_xa_approves_and_tinh_sees_totals_by_fund_source(demo, page, live_server):
    programme, members = demo
    header = ["STT", "Mã đoàn viên", "Họ và tên", "Kinh phí công đoàn cơ sở", "Công ty CP Apatit Việt Nam"]

    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/welfare/")
    page.get_by_role("link", name=programme.name).click()
    page.get_by_role("link", name="Nhập từ Excel").click()
    upload(
        page,
        [
            header,
            [1, members[0].code, members[0].full_name, 700000, 300000],
            [2, "LC269999", "Không có trong sổ", 700000, 300000],
            [3, members[2].code, members[2].full_name, 1000000, None],
        ],
    )
    # The list is imported as a job: its page names the bad row, and nothing is saved.
    expect(page.locator("#job-errors")).to_contain_text("Dòng 3: không tìm thấy đoàn viên có mã “LC269999”.")
    page.get_by_role("link", name="Tải lên tệp đã sửa").click()
    upload(
        page,
        [
            header,
            [1, members[0].code, members[0].full_name, 700000, 300000],
            [2, members[1].code, members[1].full_name, 700000, 300000],
            [3, members[2].code, members[2].full_name, 1000000, None],
        ],
    )
    expect(page.locator("#job-message")).to_contain_text("Đã nhập 3 người")
    page.get_by_role("link", name="Về chương trình").click()
    expect(page.locator("#payments tbody tr")).to_have_count(3)
    page.get_by_role("button", name="Gửi duyệt danh sách").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã gửi duyệt 3 khoản chi")

    login(page, live_server, "xa")
    page.goto(f"{live_server.url}/welfare/programmes/{programme.pk}/")
    page.get_by_role("link", name="Duyệt chi").click()
    expect(page.locator("#pending-summary")).to_contain_text("3.000.000 đ")
    page.get_by_role("button", name="Duyệt danh sách").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã duyệt 3 khoản chi")

    login(page, live_server, "tinh")
    page.goto(f"{live_server.url}/welfare/figures/?start=2026-01-01&end=2026-12-31")
    expect(page.locator("#amount-total")).to_have_text("3.000.000 đ")
    by_fund = page.locator("#by-fund")
    expect(by_fund.get_by_role("row", name=re.compile("Kinh phí công đoàn cơ sở"))).to_contain_text(
        "2.400.000 đ"
    )
    expect(by_fund.get_by_role("row", name=re.compile("Công ty CP Apatit Việt Nam"))).to_contain_text(
        "600.000 đ"
    )
    expect(by_fund).to_contain_text("Xã hội hoá (20,0%)")
    expect(page.locator("#children")).to_contain_text("Công đoàn xã Bảo Thắng")
