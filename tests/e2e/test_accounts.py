"""Accounts in a real browser: a province administrator creates an account that must change its password at
first sign-in (desktop); a grassroots officer resets a forgotten password by e-mail on a phone."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, url: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


def test_a_province_administrator_creates_an_account_then_its_first_sign_in_changes_the_password(
    transactional_db, live_server, page, browser_errors
):
    from congdoan.core.roles import Role
    from tests.factories import PASSWORD, build_tree, officer

    tree = build_tree()
    officer(tree.lc, Role.ADMIN, username="qt.laocai", full_name="Quản trị Lào Cai")
    _sign_in(page, live_server.url, "qt.laocai", PASSWORD)
    page.get_by_role("link", name="Tài khoản", exact=True).click()
    expect(page.locator("h1")).to_have_text("Tài khoản người dùng")
    page.click("#account-create")
    page.fill("#id_username", "cs.apatit")
    page.fill("#id_full_name", "Nguyễn Thị Hoa")
    page.fill("#id_phone", "0912 345 678")
    page.select_option("#id_unit", label=f"{tree.g1.name} ({tree.g1.code})")
    page.select_option("#id_role", "officer")
    page.click("form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Đã tạo tài khoản")
    password = page.locator("#new-password").inner_text()
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", password)

    _sign_in(page, live_server.url, "cs.apatit", password)
    expect(page).to_have_url(re.compile(r"/profile/password/\?next="))
    expect(page.locator("#must-change")).to_be_visible()
    page.goto(f"{live_server.url}/members/")
    expect(page).to_have_url(re.compile(r"/profile/password/"))  # nothing else opens before the change
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "Hoa-sen-no-2026!")
    page.fill("#id_new_password2", "Hoa-sen-no-2026!")
    page.click("form button[type=submit]")
    expect(page.locator("#my-unit")).to_contain_text(tree.g1.name)
    expect(page.locator(".alert-success")).to_contain_text("Đã đổi mật khẩu")

    _sign_in(page, live_server.url, "cs.apatit", "Hoa-sen-no-2026!")
    expect(page.locator("#my-unit")).to_contain_text(tree.g1.name)
    assert browser_errors() == []


def test_a_forgotten_password_is_reset_by_email_on_a_phone(
    transactional_db, live_server, page, browser_errors, mailoutbox
):
    from congdoan.accounts.models import User
    from tests.factories import build_tree

    tree = build_tree()
    User.objects.filter(pk=tree.grassroots_officer.pk).update(email="coso@apatit.vn")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/login/")
    page.click("#forgot-password")
    page.fill("#id_email", "coso@apatit.vn")
    page.click("form button[type=submit]")
    expect(page.locator("#reset-sent")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert len(mailoutbox) == 1
    link = re.search(r"(/login/reset/\S+/)", mailoutbox[0].body).group(1)

    page.goto(f"{live_server.url}{link}")
    page.fill("#id_new_password1", "Moc-chau-2026!")
    page.fill("#id_new_password2", "Moc-chau-2026!")
    expect(page.locator("form button[type=submit]")).to_be_in_viewport()
    page.click("form button[type=submit]")
    expect(page.locator("#reset-complete")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    _sign_in(page, live_server.url, "coso", "Moc-chau-2026!")
    expect(page.locator("#my-unit")).to_contain_text(tree.g1.name)
    assert browser_errors() == []


def test_bulk_accounts_from_excel_give_a_downloadable_list_of_passwords(
    transactional_db, live_server, page, browser_errors, tmp_path
):
    from python_calamine import CalamineWorkbook

    from congdoan.accounts.models import User
    from congdoan.core.roles import Role
    from congdoan.core.xlsx import Workbook
    from tests.factories import PASSWORD, build_tree, officer

    tree = build_tree()
    officer(tree.lc, Role.ADMIN, username="qt.laocai")
    book = Workbook()
    sheet = book.add_sheet("Tài khoản")
    book.write_row(sheet, 0, ["Mã đơn vị", "Họ và tên", "Điện thoại", "Thư điện tử", "Vai trò"])
    book.write_row(sheet, 1, ["LCI.BT.001", "Nguyễn Văn An", "0912345678", "", "Cán bộ nghiệp vụ"])
    book.write_row(sheet, 2, ["LCI.CD.001", "Lê Thị Bình", "", "binh@example.vn", "Xem"])
    upload = tmp_path / "tai-khoan.xlsx"
    upload.write_bytes(book.close())

    _sign_in(page, live_server.url, "qt.laocai", PASSWORD)
    page.goto(f"{live_server.url}/accounts/bulk/")
    page.set_input_files("#id_file", str(upload))
    page.click("form button[type=submit]")
    expect(page.locator("#bulk-passwords tbody tr")).to_have_count(2)
    with page.expect_download() as info:
        page.click("#bulk-xlsx")
    saved = tmp_path / "mat-khau.xlsx"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "Mật khẩu ban đầu.xlsx"
    rows = CalamineWorkbook.from_path(str(saved)).get_sheet_by_index(0).to_python()
    assert [r[4] for r in rows[1:]] == ["lci.bt.001", "lci.cd.001"]
    assert User.objects.get(username="lci.cd.001").check_password(rows[2][5])
    assert browser_errors() == []
