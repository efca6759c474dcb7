import datetime as dt
import io

import openpyxl
from openpyxl import load_workbook

from congdoan.core import xlsx
from congdoan.core.xlsx import Workbook, is_formula_like


def _read(data):
    return load_workbook(io.BytesIO(data)).active


def test_formula_like_strings_stay_text():
    book = Workbook()
    sheet = book.add_sheet("S")
    values = ['=HYPERLINK("http://x","y")', "+1", "@SUM(A1)", "-2", "\tx", "\rx"]
    book.write_row(sheet, 0, values)
    ws = _read(book.close())
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=1, column=col)
        assert cell.data_type == "s"
        assert cell.value == value or value.startswith("\r")  # openpyxl reads CR back as _x000D_
    assert is_formula_like("=1")
    assert not is_formula_like("a=1")


def test_numbers_dates_and_money():
    book = Workbook()
    sheet = book.add_sheet("S")
    book.write(sheet, 0, 0, 1500000, money=True)
    book.write(sheet, 0, 1, 2.5)
    book.write(sheet, 0, 2, dt.date(2026, 12, 6))
    book.write(sheet, 0, 3, None)
    ws = _read(book.close())
    assert ws["A1"].value == 1500000
    assert ws["A1"].data_type == "n"
    assert ws["A1"].number_format == "#,##0"
    assert ws["B1"].value == 2.5
    assert ws["C1"].value == dt.datetime(2026, 12, 6)  # noqa: DTZ001 (Excel dates are naive)
    assert ws["C1"].number_format == "dd/mm/yyyy"


def test_write_table_returns_next_row():
    book = Workbook()
    sheet = book.add_sheet("S")
    nxt = book.write_table(sheet, 2, ["A", "B"], [["x", 1], ["=y", 2]], money_cols=(1,))
    assert nxt == 5
    ws = _read(book.close())
    assert ws["A3"].value == "A"
    assert ws["A5"].value == "=y"
    assert ws["A5"].data_type == "s"
    assert ws["B5"].value == 2


def test_a_raw_xlsxwriter_book_writes_formula_like_text_as_text():
    buffer = io.BytesIO()
    book = xlsx.xlsxwriter_book(buffer, in_memory=True, strings_to_formulas=True)  # cannot be turned back on
    sheet = book.add_worksheet("A")
    sheet.write(0, 0, "=1+1")
    sheet.write(0, 1, "http://example.vn")
    book.close()
    ws = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert (ws["A1"].value, ws["A1"].data_type) == ("=1+1", "s")
    assert ws["B1"].hyperlink is None


def test_set_text_keeps_an_openpyxl_cell_as_text():
    book = openpyxl.Workbook()
    cell = book.active["A1"]
    xlsx.set_text(cell, "=SUM(A2:A9)")
    buffer = io.BytesIO()
    book.save(buffer)
    ws = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert (ws["A1"].value, ws["A1"].data_type) == ("=SUM(A2:A9)", "s")
