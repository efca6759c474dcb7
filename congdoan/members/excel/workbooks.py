"""Workbooks we hand to officers: the import template, and their own workbook back with an error column."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.utils.translation import gettext as _

from congdoan.core import xlsx

from . import columns as c
from .reader import DATA_SHEET_NAME, Sheet, column_letter

# Above this many data rows the error file is rewritten by xlsxwriter from the values we read (fast,
# constant memory) instead of openpyxl editing the user's file (keeps formatting, but ~50x file size in RAM).
OPENPYXL_MAX_ROWS = 20_000

HEADER_FILL = "DCE6F1"
ERROR_FILL = "F8D7DA"


def template_workbook(*, units: list[tuple[str, str]] | None = None) -> bytes:
    """The import template: a "Đoàn viên" sheet with headers and drop-down lists, a "Hướng dẫn" sheet, and
    a "Danh mục" sheet holding the lists (54 ethnicities, education levels, the user's grassroots units)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET_NAME
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    last_row = 5000
    for index, column in enumerate(c.COLUMNS, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True, color="C00000") if column.required else bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = column_letter(index - 1)
        ws.column_dimensions[letter].width = column.width
        if column.kind == "date":
            ws.column_dimensions[letter].number_format = "DD/MM/YYYY"
        elif column.key in ("code", "cccd", "phone", "unit_code"):
            ws.column_dimensions[letter].number_format = "@"
    ws.freeze_panes = "C2"
    ws.row_dimensions[1].height = 32

    lists = wb.create_sheet("Danh mục")
    catalogue = {
        "gender": list(c.GENDER_LABELS.values()),
        "ethnicity": [name for _, name in c.ETHNICITY_LABELS.items()],
        "education": list(c.EDUCATION_LABELS.values()),
        "party_status": list(c.PARTY_LABELS.values()),
        "is_informal": [c.YES, c.NO],
    }
    unit_codes = [code for code, _ in (units or [])][:5000]
    for index, (key, values) in enumerate(catalogue.items(), start=1):
        lists.cell(row=1, column=index, value=c.BY_KEY[key].header).font = bold
        for r, value in enumerate(values, start=2):
            lists.cell(row=r, column=index, value=value)
        letter = column_letter(index - 1)
        rule = DataValidation(
            type="list",
            formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("Giá trị không có trong danh mục"),
            error=_("Hãy chọn một giá trị trong danh sách."),
        )
        target = column_letter(_index_of(key))
        rule.add(f"{target}2:{target}{last_row}")
        ws.add_data_validation(rule)
    if unit_codes:
        col = len(catalogue) + 1
        lists.cell(row=1, column=col, value=_("Mã đơn vị")).font = bold
        lists.cell(row=1, column=col + 1, value=_("Tên công đoàn cơ sở")).font = bold
        for r, (code, name) in enumerate((units or [])[:5000], start=2):
            xlsx.set_text(lists.cell(row=r, column=col), code)
            xlsx.set_text(lists.cell(row=r, column=col + 1), name)
        letter = column_letter(col - 1)
        rule = DataValidation(
            type="list",
            formula1=f"'Danh mục'!${letter}$2:${letter}${len(unit_codes) + 1}",
            allow_blank=True,
            showErrorMessage=False,
        )
        target = column_letter(_index_of("unit_code"))
        rule.add(f"{target}2:{target}{last_row}")
        ws.add_data_validation(rule)
        lists.column_dimensions[column_letter(col)].width = 50
    for index in range(1, len(catalogue) + 1):
        lists.column_dimensions[column_letter(index - 1)].width = 24

    _guide(wb.create_sheet("Hướng dẫn", 1), bold)
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _index_of(key: str) -> int:
    return next(i for i, col in enumerate(c.COLUMNS) if col.key == key)


def _guide(ws, bold) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        _("HƯỚNG DẪN NHẬP DANH SÁCH ĐOÀN VIÊN"),
        "",
        _("1. Ghi mỗi đoàn viên một dòng ở trang “Đoàn viên”, bắt đầu từ dòng 2; không đổi tên các cột."),
        _(
            "2. Kết nạp mới: để trống cột Mã đoàn viên. Đoàn viên mới ở trạng thái chờ duyệt, nằm trong danh sách "
            "đề nghị kết nạp của công đoàn cơ sở, và chỉ được cấp mã thẻ khi cấp trên duyệt."
        ),
        _(
            "3. Cập nhật: ghi Mã đoàn viên; chỉ các ô có giá trị được cập nhật, ô để trống giữ nguyên thông tin cũ. "
            "Chuyển đơn vị phải làm bằng chức năng chuyển sinh hoạt."
        ),
        _("4. Ngày ghi dạng dd/mm/yyyy (ví dụ 05/09/1990) hoặc định dạng ngày của Excel."),
        _("5. Số CCCD gồm đúng 12 chữ số; mỗi số CCCD chỉ dùng cho một người."),
        _("6. Không dùng công thức, không gộp ô trong vùng dữ liệu; nếu có, hãy Dán đặc biệt → Giá trị."),
        _(
            "7. Nếu có dòng sai, hệ thống không lưu dòng nào và trả lại chính tệp này với cột “Lỗi” ghi rõ lỗi "
            "từng dòng. Sửa các dòng đó (có thể để nguyên cột “Lỗi”) rồi tải lên lại."
        ),
        _("8. Mỗi lần nhập tối đa 200.000 dòng, tệp không quá 20 MB."),
        "",
    ]
    for r, line in enumerate(lines, start=1):
        ws.cell(row=r, column=1, value=line)
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    start = len(lines) + 1
    for col, title in enumerate((_("Cột"), _("Bắt buộc với kết nạp mới"), _("Cách ghi")), start=1):
        ws.cell(row=start, column=col, value=title).font = bold
    for r, column in enumerate(c.COLUMNS, start=start + 1):
        ws.cell(row=r, column=1, value=column.header)
        ws.cell(row=r, column=2, value=_("Có") if column.required else "")
        note = column.note
        if not note and column.kind == "date":
            note = _("dd/mm/yyyy")
        elif not note and column.choices:
            note = _("Chọn trong danh sách: %(v)s") % {"v": ", ".join(column.choices[:8])}
        ws.cell(row=r, column=3, value=note).alignment = Alignment(wrap_text=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 90


def error_workbook(*, path: str | Path, sheet: Sheet, errors: dict[int, str]) -> bytes:
    """The officer's own workbook with a "Lỗi" column naming each bad row's problems (by Excel row number)."""
    if len(sheet.rows) <= OPENPYXL_MAX_ROWS:
        return _errors_with_openpyxl(path, sheet, errors)
    return _errors_with_xlsxwriter(sheet, errors)


def _error_column(sheet: Sheet) -> int:
    """0-based column for the errors: the existing "Lỗi" column (a re-uploaded error file), else a new one."""
    return sheet.columns.get("error", sheet.width)


def _errors_with_openpyxl(path, sheet: Sheet, errors: dict[int, str]) -> bytes:
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = load_workbook(path)
    ws = wb[sheet.name]
    col = _error_column(sheet) + 1
    header = ws.cell(row=sheet.header_row, column=col, value=c.ERROR_HEADER)
    header.font = Font(bold=True, color="C00000")
    fill = PatternFill("solid", fgColor=ERROR_FILL)
    for number in range(sheet.first_data_row, sheet.first_data_row + len(sheet.rows)):
        message = errors.get(number)
        cell = ws.cell(row=number, column=col)
        xlsx.set_text(cell, message)
        if message:
            cell.fill = fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            cell.fill = PatternFill(fill_type=None)
    ws.column_dimensions[column_letter(col - 1)].width = 60
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _errors_with_xlsxwriter(sheet: Sheet, errors: dict[int, str]) -> bytes:
    out = io.BytesIO()
    wb = xlsx.xlsxwriter_book(out, constant_memory=True, in_memory=False)
    ws = wb.add_worksheet(sheet.name[:31])
    date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
    header_format = wb.add_format({"bold": True, "bg_color": "#" + HEADER_FILL})
    error_header = wb.add_format({"bold": True, "font_color": "#C00000"})
    error_format = wb.add_format({"bg_color": "#" + ERROR_FILL, "text_wrap": True})
    col = _error_column(sheet)
    for r, values in enumerate(sheet.head):
        fmt = header_format if r == sheet.header_row - 1 else None
        for j, value in enumerate(values[: sheet.width]):
            if j != col:
                _write(ws, r, j, value, date_format, fmt)
    ws.write_string(sheet.header_row - 1, col, c.ERROR_HEADER, error_header)
    ws.set_column(col, col, 60)
    for offset, values in enumerate(sheet.rows):
        r = sheet.header_row + offset
        for j, value in enumerate(values[: max(sheet.width, col)]):
            if j != col:
                _write(ws, r, j, value, date_format, None)
        message = errors.get(r + 1)
        if message:
            ws.write_string(r, col, message, error_format)
    wb.close()
    return out.getvalue()


def _write(ws, r: int, j: int, value, date_format, fmt) -> None:
    if value is None or value == "":
        return
    if isinstance(value, dt.datetime | dt.date):
        ws.write_datetime(r, j, value, date_format)
    elif isinstance(value, float) and value.is_integer():
        ws.write_number(r, j, int(value), fmt)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        ws.write_number(r, j, value, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, j, value, fmt)
    else:
        ws.write_string(r, j, str(value), fmt)
