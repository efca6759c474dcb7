"""Browser test of the member import: a grassroots officer downloads the template, fills it with one bad
row, uploads it, reads the error summary, downloads the workbook with the "Lỗi" column, fixes the row in
that same file, uploads it again and sees the members on their way to approval."""

import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import scenario

    scenario.build()


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def fill(path, rows):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Đoàn viên"]
    headers = [cell.value for cell in ws[1]]
    for row in rows:
        ws.append([row.get(h, "") for h in headers])
    wb.save(path)


def upload(page, live_server, path):
    page.goto(f"{live_server.url}/members/excel/import/")
    page.set_input_files("#id_file", str(path))
    page.click("#import-submit")


def test_import_with_a_bad_row_then_the_corrected_error_file(demo, page, live_server, tmp_path):
    from openpyxl import load_workbook

    from congdoan.members.models import AdmissionBatch, Member

    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/members/excel/import/")
    with page.expect_download() as download:
        page.click("#download-template")
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    assert template.name == "mau-nhap-doan-vien.xlsx"
    common = {"Giới tính": "Nữ", "Dân tộc": "Tày", "Mã đơn vị": "LCI.BT.001", "Ngày kết nạp": "02/03/2026"}
    common["Số quyết định kết nạp"] = "08/QĐ-CĐCS"
    fill(
        template,
        [
            common | {"Họ và tên": "Hoàng Thị Mai", "Ngày sinh": "12/08/1996", "Số CCCD": "010196001234"},
            common | {"Họ và tên": "Lù Thị Sen", "Ngày sinh": "03/11/1999", "Số CCCD": "01019900"},
        ],
    )

    upload(page, live_server, template)

    expect(page.locator("#job-state")).to_have_text("Không thành công")
    expect(page.locator("#job-message")).to_contain_text("1/2 dòng chưa đúng")
    expect(page.locator("#job-errors")).to_contain_text("Số CCCD")
    expect(page.locator("#job-errors tbody tr")).to_have_count(1)
    assert not Member.objects.exists()
    with page.expect_download() as download:
        page.click("#job-result-file")
    error_file = tmp_path / "da-sua.xlsx"
    download.value.save_as(error_file)
    wb = load_workbook(error_file)
    ws = wb["Đoàn viên"]
    headers = [cell.value for cell in ws[1]]
    assert "12 chữ số" in ws.cell(row=3, column=headers.index("Lỗi") + 1).value
    ws.cell(row=3, column=headers.index("Số CCCD") + 1, value="010199001235")
    wb.save(error_file)

    upload(page, live_server, error_file)

    expect(page.locator("#job-state")).to_have_text("Hoàn thành")
    expect(page.locator("#job-table")).to_contain_text("Hoàng Thị Mai")
    expect(page.locator("#job-table")).to_contain_text("Lù Thị Sen")
    expect(page.locator("#job-table")).to_contain_text("Chờ duyệt kết nạp")
    batch = AdmissionBatch.objects.get()
    assert (batch.unit.code, batch.status, batch.members.count()) == ("LCI.BT.001", "draft", 2)
