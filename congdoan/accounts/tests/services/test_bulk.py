"""Bulk creation from Excel: every row or none, errors naming the row and the column."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from congdoan.accounts import excel, services
from congdoan.accounts.models import User
from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.xlsx import Workbook

HEADERS = ["Mã đơn vị", "Họ và tên", "Điện thoại", "Thư điện tử", "Vai trò"]


def upload(rows, headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.add_sheet("Tài khoản")
    book.write_row(sheet, 0, headers)
    for i, row in enumerate(rows, start=1):
        book.write_row(sheet, i, row)
    return SimpleUploadedFile("tai-khoan.xlsx", book.close())


def units_by_code(tree):
    return {u.code.upper(): u for u in (tree.g1, tree.g2, tree.g3, tree.bt)}


def test_a_good_file_creates_one_account_per_row_each_forced_to_change(tree, admins):
    rows = excel.read_rows(
        upload(
            [
                ["LCI.BT.001", "Nguyễn Văn An", 912345678, "an@apatit.vn", "Cán bộ nghiệp vụ"],
                ["lci.bt.002", "Trần Thị Bình", "0913 000 111", "", "quan tri"],
                ["LCI.CD.001", "Lê Văn Cường", "", "", ""],
            ]
        )
    )
    created = services.accounts_bulk_create(
        scope=Scope.for_user(admins.lc), rows=rows, units_by_code=units_by_code(tree)
    )
    assert [(c.user.username, c.unit.code, c.role) for c in created] == [
        ("lci.bt.001", "LCI.BT.001", Role.OFFICER),
        ("lci.bt.002", "LCI.BT.002", Role.ADMIN),
        ("lci.cd.001", "LCI.CD.001", Role.OFFICER),
    ]
    an = User.objects.get(username="lci.bt.001")
    assert an.must_change_password and an.check_password(created[0].password) and an.phone == "912345678"
    assert Event.objects.filter(action="account.create", actor=admins.lc).count() == 3

    sheet = CalamineWorkbook.from_filelike(io.BytesIO(excel.passwords_xlsx(created))).get_sheet_by_index(0)
    table = sheet.to_python()
    assert table[0][4:6] == ["Tên đăng nhập", "Mật khẩu ban đầu"]
    assert table[1][4:6] == ["lci.bt.001", created[0].password]


def test_a_file_with_errors_creates_nothing_and_names_each_row_and_column(tree, admins):
    User.objects.filter(username="tinh").update(username="lci.bt.002")
    rows = excel.read_rows(
        upload(
            [
                ["LCI.BT.001", "Nguyễn Văn An", "", "an@apatit.vn", "Cán bộ nghiệp vụ"],
                ["DNG.HC.001", "Người Đà Nẵng", "", "", ""],  # outside the administered subtree
                ["LCI.BT.002", "", "", "sai-dia-chi", "Giám đốc"],
            ]
        )
    )
    before = User.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.accounts_bulk_create(
            scope=Scope.for_user(admins.lc), rows=rows, units_by_code=units_by_code(tree)
        )
    messages = caught.value.message_dict["file"]
    assert messages == [
        "Dòng 3, cột “Mã đơn vị”: không có đơn vị mã “DNG.HC.001” trong phạm vi bạn quản trị.",
        "Dòng 4, cột “Vai trò”: “Giám đốc” không phải vai trò; hãy ghi Xem, Cán bộ nghiệp vụ hoặc Quản trị.",
        "Dòng 4, cột “Họ và tên”: chưa nhập.",
        "Dòng 4, cột “Thư điện tử”: “sai-dia-chi” không phải là địa chỉ hợp lệ.",
    ]
    assert User.objects.count() == before, "all or nothing: the good first row was not created either"
    assert not Event.objects.filter(action="account.create").exists()


def test_a_commune_administrator_cannot_make_a_province_account_from_a_file(tree, admins):
    rows = excel.read_rows(upload([["LCI.CD.001", "Lê Văn Cường", "", "", "Xem"]]))
    with pytest.raises(ValidationError, match="Dòng 2, cột “Mã đơn vị”: Bạn không có quyền quản trị đơn vị"):
        services.accounts_bulk_create(
            scope=Scope.for_user(admins.bt), rows=rows, units_by_code=units_by_code(tree)
        )


def test_a_username_taken_gets_a_suffix_and_a_duplicate_in_the_file_is_refused(tree, admins):
    User.objects.filter(username="tinh").update(username="lci.bt.001")
    rows = excel.read_rows(upload([["LCI.BT.001", "An", "", "", ""]]))
    created = services.accounts_bulk_create(
        scope=Scope.for_user(admins.lc), rows=rows, units_by_code=units_by_code(tree)
    )
    assert created[0].user.username == "lci.bt.001-2"
    rows = excel.read_rows(
        upload(
            [["LCI.BT.002", "B", "", "", "", "trung"], ["LCI.BT.002", "C", "", "", "", "trung"]],
            [*HEADERS, "Tên đăng nhập"],
        )
    )
    with pytest.raises(
        ValidationError, match="Dòng 3, cột “Tên đăng nhập”: “trung” trùng với một dòng phía trên."
    ):
        services.accounts_bulk_create(
            scope=Scope.for_user(admins.lc), rows=rows, units_by_code=units_by_code(tree)
        )


def test_a_file_that_is_not_a_workbook_or_lacks_columns_is_refused_by_name(db):
    with pytest.raises(ValidationError, match="Tệp: không đọc được"):
        excel.read_rows(SimpleUploadedFile("x.xlsx", b"not a zip"))
    with pytest.raises(ValidationError, match="thiếu cột Mã đơn vị"):
        excel.read_rows(upload([["An"]], ["Họ và tên"]))
    with pytest.raises(ValidationError, match="chưa có dòng dữ liệu"):
        excel.read_rows(upload([]))
