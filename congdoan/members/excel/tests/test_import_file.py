"""Whole-file refusals of the member import: empty, headers, corrupt, formulas, merged cells, limits."""

import pytest

from congdoan.core.scoping import Scope
from congdoan.members.excel import reader, workbooks
from congdoan.members.excel.reader import WorkbookError
from congdoan.members.excel.services import member_import

from .conftest import HEADERS, person, read_errors

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def run(user, unit, path):
    return member_import(scope=Scope.for_user(user), unit=unit, path=path)


def _refused(user, unit, path) -> str:
    with pytest.raises(WorkbookError) as caught:
        run(user, unit, path)
    return " ".join(caught.value.messages)


def test_an_empty_sheet_is_refused(tree, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    assert "trống" in _refused(tree.commune_officer, tree.bt, path)


def test_a_sheet_with_headers_only_is_refused(tree, xlsx):
    assert "chưa có dòng dữ liệu" in _refused(tree.commune_officer, tree.bt, xlsx([]))


def test_missing_or_unknown_headers_are_refused_by_name(tree, xlsx):
    without = [h for h in HEADERS if h not in ("Ngày sinh", "Mã đơn vị")]
    message = _refused(tree.commune_officer, tree.bt, xlsx([person()], without))
    assert "Thiếu cột bắt buộc: Ngày sinh, Mã đơn vị" in message
    message = _refused(tree.commune_officer, tree.bt, xlsx([{"A": 1}], ["A", "B", "C"]))
    assert "Không tìm thấy dòng tiêu đề" in message


def test_a_title_above_the_header_is_fine(tree, xlsx):
    path = xlsx([person()], before=[["DANH SÁCH ĐỀ NGHỊ KẾT NẠP"], []])
    assert run(tree.commune_officer, tree.bt, path).ok


def test_a_corrupt_or_non_excel_file_is_refused(tree, tmp_path):
    garbage = tmp_path / "hong.xlsx"
    garbage.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    assert "bị hỏng" in _refused(tree.commune_officer, tree.bt, garbage)
    csv = tmp_path / "danh-sach.xlsx"
    csv.write_text("Họ và tên,Giới tính\nAn,Nam\n", encoding="utf-8")
    assert "bị hỏng" in _refused(tree.commune_officer, tree.bt, csv)


def test_formulas_are_refused_with_the_cell_named(tree, xlsx):
    path = xlsx([person(), person(**{"Họ và tên": '=UPPER("an")'})])
    message = _refused(tree.commune_officer, tree.bt, path)
    assert "công thức" in message and "ô C3" in message


def test_merged_cells_in_the_data_are_refused(tree, tmp_path, xlsx):
    from openpyxl import load_workbook

    path = xlsx([person(), person()])
    wb = load_workbook(path)
    wb["Đoàn viên"].merge_cells("Q2:Q3")
    wb.save(path)
    message = _refused(tree.commune_officer, tree.bt, path)
    assert "ô gộp (Q2:Q3)" in message


def test_too_big_files_and_too_many_rows_are_refused_with_the_limits(tree, xlsx, monkeypatch):
    with pytest.raises(WorkbookError) as caught:
        reader.check_file_size(30 * 1024 * 1024)
    assert "Tệp quá lớn (30,0 MB)" in caught.value.messages[0]
    monkeypatch.setattr(reader, "MAX_ROWS", 2)
    message = _refused(tree.commune_officer, tree.bt, xlsx([person(), person(), person()]))
    assert "vượt giới hạn 2 dòng" in message


def test_big_error_files_are_written_from_the_values_read(tree, xlsx, monkeypatch):
    monkeypatch.setattr(workbooks, "OPENPYXL_MAX_ROWS", 1)
    outcome = run(tree.commune_officer, tree.bt, xlsx([person(), person(**{"Giới tính": "?"})]))
    errors = read_errors(outcome.error_file)
    assert list(errors) == [3] and "Giới tính" in errors[3]
