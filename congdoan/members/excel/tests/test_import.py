import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.constants import MemberStatus
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member, Membership

from .conftest import HEADERS, person, read_errors

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def run(user, unit, path):
    return member_import(scope=Scope.for_user(user), unit=unit, path=path)


def test_a_valid_workbook_puts_new_members_on_draft_admission_lists(tree, xlsx):
    path = xlsx(
        [
            person(**{"Họ và tên": "Nguyễn Thị Ánh", "Giới tính": "Nữ", "Dân tộc": "Tày"}),
            person(**{"Họ và tên": "Đỗ Văn Bình"}),
            person("LCI.BT.002", **{"Họ và tên": "Lò Văn Chiến", "Dân tộc": "Thái"}),
        ]
    )

    outcome = run(tree.commune_officer, tree.bt, path)

    assert outcome.ok and outcome.created == 3
    anh = Member.objects.get(full_name="Nguyễn Thị Ánh")
    assert (anh.status, anh.code, anh.gender, anh.ethnicity, anh.unit) == (
        MemberStatus.PENDING,
        None,
        "F",
        "02",
        tree.g1,
    )
    assert anh.name_folded == "nguyen thi anh"
    assert anh.date_of_birth == dt.date(1990, 5, 17)
    assert not Membership.objects.exists(), "no stint before the level above approves"
    batches = AdmissionBatch.objects.order_by("unit__code")
    assert [(b.unit, b.status, b.admitted_on, b.members.count()) for b in batches] == [
        (tree.g1, AdmissionBatch.Status.DRAFT, dt.date(2024, 3, 1), 2),
        (tree.g2, AdmissionBatch.Status.DRAFT, dt.date(2024, 3, 1), 1),
    ]
    assert batches[0].decision_no == "12/QĐ-CĐCS"


def test_imported_members_can_be_submitted_and_approved_like_hand_entered_ones(tree, xlsx):
    run(tree.grassroots_officer, tree.g1, xlsx([person(), person(**{"Họ và tên": "Trần Văn Dũng"})]))
    batch = AdmissionBatch.objects.get()
    member_services.batch_submit(scope=Scope.for_user(tree.grassroots_officer), batch=batch)
    member_services.batch_approve(
        scope=Scope.for_user(tree.commune_officer), batch=batch, decision_no="20/QĐ-CĐX"
    )

    members = Member.objects.order_by("id")
    assert all(m.status == MemberStatus.ACTIVE and m.code for m in members)
    assert Membership.objects.filter(unit=tree.g1, valid_from=dt.date(2024, 3, 1)).count() == 2


def test_one_bad_row_saves_nothing_and_names_the_problem_in_an_error_column(tree, xlsx):
    path = xlsx(
        [
            person(),
            person(**{"Số CCCD": "12345", "Ngày sinh": "31/02/1990"}),
            person(**{"Giới tính": "Khác"}),
        ]
    )

    outcome = run(tree.commune_officer, tree.bt, path)

    assert not outcome.ok
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
    assert [row for row, _ in outcome.errors] == [3, 4]
    errors = read_errors(outcome.error_file)
    assert set(errors) == {3, 4}
    assert "Số CCCD" in errors[3] and "12 chữ số" in errors[3]
    assert "Ngày sinh" in errors[3] and "31/02/1990" in errors[3]
    assert "Giới tính" in errors[4] and "Khác" in errors[4]


def test_the_error_file_keeps_the_officers_own_columns_and_values(tree, xlsx):
    from openpyxl import load_workbook

    headers = [*HEADERS, "Ghi chú riêng của đơn vị"]
    path = xlsx([person(**{"Ghi chú riêng của đơn vị": "giữ lại", "Số CCCD": "1"})], headers)

    outcome = run(tree.commune_officer, tree.bt, path)

    ws = load_workbook(__import__("io").BytesIO(outcome.error_file))["Đoàn viên"]
    header = [cell.value for cell in ws[1]]
    assert header[: len(headers)] == headers and header[-1] == "Lỗi"
    assert ws.cell(row=2, column=len(headers)).value == "giữ lại"


def test_a_corrected_error_file_imports_with_its_error_column_ignored(tree, xlsx, tmp_path):
    outcome = run(tree.commune_officer, tree.bt, xlsx([person(), person(**{"Giới tính": "?"})]))
    fixed = tmp_path / "fixed.xlsx"
    fixed.write_bytes(outcome.error_file)
    from openpyxl import load_workbook

    wb = load_workbook(fixed)
    wb["Đoàn viên"].cell(row=3, column=HEADERS.index("Giới tính") + 1, value="Nữ")
    wb.save(fixed)

    again = run(tree.commune_officer, tree.bt, fixed)

    assert again.ok and again.created == 2


def test_duplicates_inside_the_file_and_against_the_registry_are_row_errors(tree, xlsx):
    member_services.member_admit(
        scope=SYSTEM,
        unit=tree.g1,
        admitted_on=dt.date(2020, 1, 1),
        decision_no="1/QĐ",
        full_name="Người Đã Có",
        gender="M",
        date_of_birth=dt.date(1980, 1, 1),
        cccd="001080000001",
    )
    path = xlsx(
        [
            person(**{"Số CCCD": "001090000009"}),
            person(**{"Số CCCD": "001090000009", "Họ và tên": "Người Khác"}),
            person(**{"Số CCCD": "001080000001", "Họ và tên": "Trùng Sổ"}),
            person(**{"Số CCCD": "", "Họ và tên": "Hai Lần", "Ngày sinh": "01/01/1991"}),
            person(**{"Số CCCD": "", "Họ và tên": "hai  lan", "Ngày sinh": "01/01/1991"}),
        ]
    )

    outcome = run(tree.commune_officer, tree.bt, path)

    errors = dict(outcome.errors)
    assert "trùng với dòng 2" in errors[3]
    assert "đã được dùng cho một đoàn viên khác" in errors[4]
    assert "trùng họ tên và ngày sinh với dòng 5" in errors[6]
    assert 2 not in errors and 5 not in errors
    assert Member.objects.count() == 1


def test_unit_codes_must_be_grassroots_unions_in_scope_existing_on_the_admission_day(tree, xlsx):
    path = xlsx(
        [
            person("LCI.BT.002"),  # a sister grassroots union: outside g1's scope
            person("DNG.HC.001"),  # another province
            person("LCI.BT"),  # a commune union, not grassroots
            person("KHONG.CO"),
            person("lci.bt.001", **{"Ngày kết nạp": "01/01/1999"}),  # before g1 was founded (2000)
            person("LCI.BT.001"),
        ]
    )

    province = run(tree.province_officer, tree.lc, path)
    grassroots = run(tree.grassroots_officer, tree.g1, path)

    province_errors = dict(province.errors)
    assert set(province_errors) == {3, 4, 5, 6}
    assert "không phải là công đoàn cơ sở" in province_errors[4]
    assert "chưa thành lập" in province_errors[6]
    g1_errors = dict(grassroots.errors)
    assert "Mã đơn vị: không có đơn vị mã LCI.BT.002" in g1_errors[2]
    assert set(g1_errors) == {2, 3, 4, 5, 6}


def test_an_officer_cannot_import_for_a_unit_outside_their_scope_or_as_a_viewer(tree, xlsx):
    path = xlsx([person()])
    with pytest.raises(PermissionDenied):
        run(tree.other_province_officer, tree.lc, path)
    with pytest.raises(PermissionDenied):
        run(tree.viewer, tree.lc, path)


def test_cells_of_the_wrong_type_are_named_per_row(tree, xlsx):
    path = xlsx(
        [
            person(**{"Ngày sinh": 33000}),  # a number where a date belongs
            person(**{"Số CCCD": 12.5}),
            person(**{"Giới tính": 1}),
            person(**{"Ngày kết nạp": "hôm qua"}),
            person(**{"Họ và tên": dt.date(2020, 1, 1)}),
        ]
    )

    errors = dict(run(tree.commune_officer, tree.bt, path).errors)

    assert "Ngày sinh" in errors[2] and "không phải là ngày" in errors[2]
    assert "Số CCCD" in errors[3]
    assert "Giới tính" in errors[4]
    assert "Ngày kết nạp" in errors[5] and "hôm qua" in errors[5]
    assert "Họ và tên" in errors[6]


def test_a_value_repeated_down_a_column_is_read_alike_on_every_row_and_a_bad_one_flagged_on_each(tree, xlsx):
    path = xlsx(
        [
            person(**{"Họ và tên": "Lê Thị Hoa", "Giới tính": "nữ", "Ngày sinh": "02/03/1991"}),
            person(**{"Họ và tên": "Lê Thị Hoa", "Giới tính": "nữ", "Ngày sinh": "02/03/1991"}),
            person(**{"Giới tính": "không rõ"}),
            person(**{"Giới tính": "không rõ"}),
        ]
    )

    outcome = run(tree.commune_officer, tree.bt, path)

    errors = dict(outcome.errors)
    assert set(errors) == {4, 5}
    assert all("Giới tính" in errors[r] and "không rõ" in errors[r] for r in (4, 5))

    fixed = xlsx(
        [
            person(**{"Họ và tên": "Lê Thị Hoa", "Giới tính": "nữ", "Ngày sinh": "02/03/1991"}),
            person(**{"Họ và tên": "Lê Thị Hoa", "Giới tính": "nữ", "Ngày sinh": "02/03/1991"}),
        ]
    )
    assert run(tree.commune_officer, tree.bt, fixed).ok
    hoa = Member.objects.filter(full_name="Lê Thị Hoa")
    assert [(m.gender, m.date_of_birth) for m in hoa] == [("F", dt.date(1991, 3, 2))] * 2


def test_numbers_excel_made_of_identifiers_get_their_leading_zero_back(tree, xlsx):
    path = xlsx([person(**{"Số CCCD": 1090000123, "Điện thoại": 912345678})])

    assert run(tree.commune_officer, tree.bt, path).ok
    member = Member.objects.get()
    assert (member.cccd, member.phone) == ("001090000123", "0912345678")


def test_required_cells_and_age_are_checked_for_new_members(tree, xlsx):
    path = xlsx(
        [
            person(**{"Họ và tên": "", "Số quyết định kết nạp": ""}),
            person(**{"Ngày sinh": "01/01/2015"}),
            person(**{"Ngày kết nạp": (today() + dt.timedelta(days=3)).strftime("%d/%m/%Y")}),
        ]
    )

    errors = dict(run(tree.commune_officer, tree.bt, path).errors)

    assert "Họ và tên: không được để trống" in errors[2]
    assert "Số quyết định kết nạp: không được để trống" in errors[2]
    assert "đủ 15 tuổi" in errors[3]
    assert "sau hôm nay" in errors[4]


def test_an_update_row_changes_only_the_filled_cells_of_an_existing_member(tree, xlsx):
    member = member_services.member_admit(
        scope=SYSTEM,
        unit=tree.g1,
        admitted_on=dt.date(2020, 1, 1),
        decision_no="1/QĐ",
        full_name="Phạm Văn Cũ",
        gender="M",
        date_of_birth=dt.date(1980, 1, 1),
        phone="0900000000",
        job="Thợ mỏ",
    )
    batch = AdmissionBatch.objects.get()
    member_services.batch_submit(scope=SYSTEM, batch=batch)
    member_services.batch_approve(scope=SYSTEM, batch=batch, decision_no="2/QĐ")
    member.refresh_from_db()
    version_before = member.version
    row = {h: "" for h in HEADERS} | {
        "Mã đoàn viên": member.code,
        "Họ và tên": "Phạm Văn Mới",
        "Điện thoại": "0911111111",
        "Mã đơn vị": "LCI.BT.001",
    }

    outcome = run(tree.commune_officer, tree.bt, xlsx([row]))

    assert outcome.ok and (outcome.created, outcome.updated) == (0, 1)
    member.refresh_from_db()
    assert (member.full_name, member.name_folded, member.phone, member.job, member.status) == (
        "Phạm Văn Mới",
        "pham van moi",
        "0911111111",
        "Thợ mỏ",
        MemberStatus.ACTIVE,
    )
    # An edit page opened before the import is now stale: its save would undo the import (core/concurrency).
    assert member.version == version_before + 1
    moved = xlsx([row | {"Mã đơn vị": "LCI.BT.002"}])
    assert "chuyển sinh hoạt" in run(tree.commune_officer, tree.bt, moved).errors[0][1]
    unknown = xlsx([row | {"Mã đoàn viên": "CD9999999999"}])
    assert "không có đoàn viên mã CD9999999999" in run(tree.commune_officer, tree.bt, unknown).errors[0][1]


# -- bad files ------------------------------------------------------------------------------------
