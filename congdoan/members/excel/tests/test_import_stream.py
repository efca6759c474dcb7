"""The workbook is read as a stream: rows are converted, checked and written while later ones are still read.

What the officer sees must not change: every bad row named by its Excel row and column in Vietnamese, the
same error file, blank lines skipped but counted, a sheet that does not start at A1, a file of several
chunks, and a whole-file problem found at the end (a formula) leaving nothing written.
"""

import datetime as dt
import io

import pytest

from congdoan.core.scoping import Scope
from congdoan.members.excel import services, workbooks
from congdoan.members.excel.reader import WorkbookError
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member

from .conftest import HEADERS, person, read_errors

pytestmark = pytest.mark.django_db


def run(tree, path):
    return member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=path)


def test_a_sheet_away_from_a1_keeps_its_excel_row_numbers_and_columns(tree, tmp_path, monkeypatch):
    from openpyxl import Workbook, load_workbook

    monkeypatch.setattr(workbooks, "OPENPYXL_MAX_ROWS", 0)  # the error file rewritten from the values read

    path = tmp_path / "lech.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    ws["C1"] = "DANH SÁCH ĐỀ NGHỊ KẾT NẠP"  # row 2 left empty; header on row 3 from column C
    rows = [person(), person(**{"Họ và tên": "Người Thứ Hai", "Ngày sinh": "31/02/1990"})]
    for j, header in enumerate(HEADERS, start=3):
        ws.cell(row=3, column=j, value=header)
        for i, row in enumerate(rows, start=4):
            ws.cell(row=i, column=j, value=row.get(header, ""))
    wb.save(path)

    outcome = run(tree, path)

    assert [number for number, _message in outcome.errors] == [5]
    assert outcome.errors[0][1].startswith("Ngày sinh:") and "31/02/1990" in outcome.errors[0][1]
    back = load_workbook(io.BytesIO(outcome.error_file))["Đoàn viên"]
    error_column = 3 + len(HEADERS)
    assert back.cell(row=3, column=error_column).value == "Lỗi"
    assert back.cell(row=5, column=error_column).value == outcome.errors[0][1]
    assert back.cell(row=5, column=3 + HEADERS.index("Họ và tên")).value == "Người Thứ Hai"
    assert not Member.objects.exists()


def test_blank_lines_are_skipped_but_counted_and_bad_dates_named_on_their_rows(tree, xlsx):
    blank = dict.fromkeys(HEADERS, "")
    rows = [
        person(**{"Họ và tên": "Người Số A"}),
        blank,
        blank,
        person(**{"Họ và tên": "Người Số B", "Ngày kết nạp": "32/13/2024"}),  # Excel row 5
        person(**{"Họ và tên": "Người Số C", "Ngày sinh": dt.date(2030, 1, 1)}),  # Excel row 6
        blank,
    ]

    outcome = run(tree, xlsx(rows))

    assert outcome.rows == 3  # the blank lines are not rows of the import
    errors = dict(outcome.errors)
    assert list(errors) == [5, 6]
    assert errors[5].startswith("Ngày kết nạp:") and "32/13/2024" in errors[5]
    assert errors[6] == "Ngày sinh: ngày 01/01/2030 không hợp lý"
    assert read_errors(outcome.error_file) == errors
    assert not Member.objects.exists()


def _big_workbook(path, n: int, bad: dict[int, dict]) -> None:
    """``n`` rows written with xlsxwriter (fast); ``bad``: Excel row -> cells to override."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("Đoàn viên")
    for j, header in enumerate(HEADERS):
        ws.write_string(0, j, header)
    for i in range(1, n + 1):
        row = person(
            f"LCI.BT.00{1 + i % 2}",
            **{"Họ và tên": f"Người Số {i}", "Ngày kết nạp": "01/03/2024"},
            **bad.get(i + 1, {}),
        )
        for j, header in enumerate(HEADERS):
            value = row.get(header, "")
            if value != "":
                ws.write(i, j, value)
    wb.close()


def test_a_file_of_several_chunks_with_bad_rows_in_the_last_one_saves_nothing_and_names_them(
    tree, tmp_path, monkeypatch
):
    monkeypatch.setattr(services, "CHUNK_ROWS", 1000)  # three chunks written before the bad rows
    monkeypatch.setattr(workbooks, "OPENPYXL_MAX_ROWS", 1000)  # the error file from the values read
    path = tmp_path / "lon.xlsx"
    _big_workbook(path, 4000, {3501: {"Giới tính": "Khác"}, 4001: {"Ngày sinh": "30/02/1991"}})

    outcome = run(tree, path)

    assert not outcome.ok and outcome.rows == 4000
    errors = dict(outcome.errors)
    assert list(errors) == [3501, 4001]
    assert errors[3501].startswith("Giới tính:") and errors[4001].startswith("Ngày sinh:")
    assert read_errors(outcome.error_file) == errors
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()

    _big_workbook(path, 4000, {})
    reports = []
    outcome = member_import(
        scope=Scope.for_user(tree.commune_officer),
        unit=tree.bt,
        path=path,
        progress=lambda done, total, message: reports.append((done, total)),
    )
    assert outcome.ok and outcome.created == Member.objects.count() == 4000
    assert reports == [(0, 0), (0, 4000)]  # the job page shows the row count before the rows are read


def test_a_formula_in_the_last_rows_found_after_chunks_were_written_leaves_nothing(tree, xlsx, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    rows = [person(**{"Họ và tên": f"Người Số {chr(65 + i)}"}) for i in range(5)]
    rows.append(person(**{"Họ và tên": '=UPPER("an")'}))  # Excel row 7

    with pytest.raises(WorkbookError) as refused:
        run(tree, xlsx(rows))

    assert "công thức" in refused.value.messages[0] and "ô C7" in refused.value.messages[0]
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
