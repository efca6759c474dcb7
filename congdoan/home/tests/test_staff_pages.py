"""The administrator's account pages: only their subtree, Vietnamese refusals, passwords shown once."""

import base64
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from congdoan.accounts.models import Assignment, User
from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.core.xlsx import Workbook
from tests.factories import officer


@pytest.fixture
def admins(tree):
    return {
        "lc": officer(tree.lc, Role.ADMIN, username="qt.laocai", full_name="Quản trị Lào Cai"),
        "bt": officer(tree.bt, Role.ADMIN, username="qt.baothang", full_name="Quản trị Bảo Thắng"),
        "dn": officer(tree.dn, Role.ADMIN, username="qt.danang", full_name="Quản trị Đà Nẵng"),
    }


def test_the_menu_link_shows_for_administrators_only(tree, admins, login):
    assert 'href="/accounts/"' in login(admins["lc"]).get("/").content.decode()
    assert 'href="/accounts/"' not in login(tree.province_officer).get("/").content.decode()
    assert login(tree.province_officer).get("/accounts/").status_code == 403


def test_the_list_shows_the_subtree_only_and_searches_without_diacritics(tree, admins, login):
    for user, name in ((tree.commune_officer, "Phạm Thị Hằng"), (tree.grassroots_officer, "Đỗ Văn Đức")):
        user.full_name = name
        user.save()
    client = login(admins["lc"])
    page = client.get("/accounts/").content.decode()
    assert "qt.baothang" in page and "coso" in page and "Công ty Apatit" in page
    assert "danang" not in page and "trunguong" not in page and "Đà Nẵng" not in page
    found = client.get("/accounts/", {"q": "pham thi hang"}).content.decode()
    assert "Phạm Thị Hằng" in found and "coso" not in found
    assert "Đỗ Văn Đức" in client.get("/accounts/", {"q": "do van duc"}).content.decode()
    by_unit = client.get("/accounts/", {"unit": tree.g1.pk}).content.decode()
    holders = by_unit.split('id="unit-holders"')[1].split("</ul>")[0]
    # Who has access to the grassroots union: its officer, and from above the commune and province roles.
    assert "Đỗ Văn Đức" in holders and "Quản trị Bảo Thắng" in holders and "Quản trị Lào Cai" in holders
    assert "trunguong" not in holders, "the national role lies above the administrator's own scope"


def test_a_province_administrator_cannot_see_or_touch_another_provinces_accounts(tree, admins, login):
    client = login(admins["lc"])
    danang = tree.other_province_officer
    role = danang.assignments.get()
    for url in (
        f"/accounts/{danang.pk}/",
        f"/accounts/{danang.pk}/edit/",
        f"/accounts/{admins['dn'].pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/accounts/{danang.pk}/deactivate/",
        f"/accounts/{danang.pk}/reset-password/",
        f"/accounts/{danang.pk}/unlock/",
        f"/accounts/{danang.pk}/roles/",
        f"/accounts/roles/{role.pk}/remove/",
    ):
        assert client.post(url, {"unit": tree.g1.pk, "role": Role.VIEWER}).status_code == 404, url
    danang.refresh_from_db()
    assert danang.is_active and danang.assignments.count() == 1
    # Giving a Lào Cai account a role in Đà Nẵng by a forged form is refused too.
    response = client.post(
        f"/accounts/{tree.commune_officer.pk}/roles/", {"unit": tree.hc.pk, "role": Role.VIEWER}
    )
    assert response.status_code == 200 and "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Assignment.objects.filter(unit=tree.hc, user=tree.commune_officer).exists()


def test_creating_an_account_shows_its_temporary_password_once(tree, admins, login):
    client = login(admins["bt"])
    form = client.get("/accounts/new/").content.decode()
    assert tree.g1.name in form and tree.lc.name not in form.split("<form", 1)[1], "units of the subtree only"
    response = client.post(
        "/accounts/new/",
        {"username": "cs.apatit", "full_name": "Nguyễn Văn An", "unit": tree.g1.pk, "role": Role.OFFICER},
    )
    page = response.content.decode()
    password = re.search(r'id="new-password">([^<]+)<', page).group(1)
    user = User.objects.get(username="cs.apatit")
    assert user.check_password(password) and user.must_change_password
    assert response["Cache-Control"] == "no-store"
    assert password not in client.get(f"/accounts/{user.pk}/").content.decode()


def test_a_role_above_ones_own_is_refused_with_a_vietnamese_message(tree, admins, login):
    client = login(admins["bt"])
    response = client.post(
        "/accounts/new/",
        {"username": "peer", "full_name": "Ngang cấp", "unit": tree.bt.pk, "role": Role.ADMIN},
    )
    assert (
        "Vai trò quản trị tại “Công đoàn xã Bảo Thắng” do cấp trên của đơn vị cấp"
        in response.content.decode()
    )
    assert not User.objects.filter(username="peer").exists()
    response = client.post(
        f"/accounts/{tree.grassroots_officer.pk}/roles/", {"unit": tree.bt.pk, "role": Role.ADMIN}
    )
    assert "do cấp trên của đơn vị cấp" in response.content.decode()
    assert tree.grassroots_officer.assignments.count() == 1


def test_the_detail_page_buttons_deactivate_reset_and_change_roles(tree, admins, login):
    client = login(admins["lc"])
    target = tree.commune_officer
    assert client.post(f"/accounts/{target.pk}/deactivate/").status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    assert "Đã khoá" in client.get(f"/accounts/{target.pk}/").content.decode()
    client.post(f"/accounts/{target.pk}/reactivate/")
    page = client.post(f"/accounts/{target.pk}/reset-password/").content.decode()
    password = re.search(r'id="new-password">([^<]+)<', page).group(1)
    target.refresh_from_db()
    assert target.is_active and target.check_password(password) and target.must_change_password
    client.post(f"/accounts/{target.pk}/roles/", {"unit": tree.cd.pk, "role": Role.VIEWER})
    role = target.assignments.get(unit=tree.cd)
    client.post(f"/accounts/roles/{role.pk}/remove/")
    assert not target.assignments.filter(unit=tree.cd).exists()
    last = client.post(f"/accounts/roles/{target.assignments.get().pk}/remove/", follow=True)
    assert "hãy khoá tài khoản thay vì bỏ vai trò cuối cùng" in last.content.decode()
    edited = client.post(
        f"/accounts/{target.pk}/edit/", {"full_name": "Tên Mới", "email": "sai", "phone": "", "position": ""}
    )
    assert "Thư điện tử: “sai” không phải là địa chỉ hợp lệ." in edited.content.decode()
    assert list(Event.objects.filter(actor=admins["lc"]).order_by("pk").values_list("action", flat=True)) == [
        "account.deactivate",
        "account.reactivate",
        "account.password_reset",
        "assignment.set",
        "assignment.revoke",
    ]


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.add_sheet("Tài khoản")
    book.write_row(sheet, 0, ["Mã đơn vị", "Họ và tên", "Điện thoại", "Thư điện tử", "Vai trò"])
    for i, row in enumerate(rows, start=1):
        book.write_row(sheet, i, row)
    return SimpleUploadedFile("tk.xlsx", book.close())


def test_bulk_creation_page_gives_a_printable_list_and_an_xlsx_of_passwords(tree, admins, login):
    client = login(admins["lc"])
    assert client.get("/accounts/bulk/template.xlsx")["Content-Disposition"].startswith("attachment")
    bad = client.post("/accounts/bulk/", {"file": _xlsx([["DNG.HC.001", "X", "", "", ""]])}).content.decode()
    assert "Dòng 2, cột “Mã đơn vị”: không có đơn vị mã “DNG.HC.001” trong phạm vi bạn quản trị." in bad
    response = client.post(
        "/accounts/bulk/",
        {"file": _xlsx([["LCI.BT.001", "An", "", "", ""], ["LCI.CD.001", "Bình", "", "", "Xem"]])},
    )
    page = response.content.decode()
    assert 'id="bulk-passwords"' in page and "data-print" in page and response["Cache-Control"] == "no-store"
    data = re.search(r'base64,([A-Za-z0-9+/=]+)" download', page).group(1)
    table = (
        CalamineWorkbook.from_filelike(io.BytesIO(base64.b64decode(data))).get_sheet_by_index(0).to_python()
    )
    assert [row[4] for row in table[1:]] == ["lci.bt.001", "lci.cd.001"]
    for row in table[1:]:
        assert User.objects.get(username=row[4]).check_password(row[5])
        assert f"<code>{row[5]}</code>" in page


def test_a_locked_out_officer_is_unlocked_and_a_lost_phone_reset_by_the_level_above(tree, admins, login):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    stranger = Client()
    for _ in range(5):
        stranger.post("/login/", {"username": "coso", "password": "sai"}, REMOTE_ADDR="10.0.0.7")
    client = login(admins["bt"])
    page = client.get(f"/accounts/{tree.grassroots_officer.pk}/").content.decode()
    assert 'id="locked-out"' in page and 'id="otp-reset"' not in page
    client.post(f"/accounts/{tree.grassroots_officer.pk}/unlock/")
    assert 'id="locked-out"' not in client.get(f"/accounts/{tree.grassroots_officer.pk}/").content.decode()
    from tests.factories import PASSWORD

    signed_in = stranger.post("/login/", {"username": "coso", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7")
    assert signed_in.status_code == 302, "the officer signs in again at once"

    TOTPDevice.objects.create(user=tree.grassroots_officer, name="Điện thoại", confirmed=True)
    assert "Đang bật" in client.get(f"/accounts/{tree.grassroots_officer.pk}/").content.decode()
    client.post(f"/accounts/{tree.grassroots_officer.pk}/reset-2fa/")
    assert not TOTPDevice.objects.filter(user=tree.grassroots_officer).exists()
    actions = set(Event.objects.filter(actor=admins["bt"]).values_list("action", flat=True))
    assert actions == {"account.unlock", "account.otp_reset"}


def test_a_large_scope_types_the_unit_code_instead_of_a_long_list(tree, admins, login, monkeypatch):
    from congdoan.home.staff import forms as staff_forms

    monkeypatch.setattr(staff_forms, "UNIT_SELECT_LIMIT", 3)
    client = login(admins["lc"])
    form = client.get("/accounts/new/").content.decode()
    assert '<select name="unit"' not in form and 'name="unit"' in form
    outside = client.post(
        "/accounts/new/", {"username": "x", "full_name": "X", "unit": "DNG.HC.001", "role": Role.VIEWER}
    )
    assert "Đơn vị: không có đơn vị mã này trong phạm vi bạn quản trị." in outside.content.decode()
    created = client.post(
        "/accounts/new/",
        {"username": "cs.code", "full_name": "Theo Mã", "unit": "LCI.CD.001", "role": Role.VIEWER},
    )
    assert created.status_code == 200 and 'id="new-password"' in created.content.decode()
    assert User.objects.get(username="cs.code").assignments.get().unit == tree.g3
