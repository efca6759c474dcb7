"""Reading a payroll workbook (member code, pay, optionally paid) with python-calamine.

A bad file raises ``ValidationError`` with one message; bad rows are collected by the import service.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.text import fold

MAX_BYTES = 20 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
HEADERS = {
    "code": ("ma doan vien", "ma dv", "ma"),
    "pay": ("tien luong", "luong", "tien luong lam can cu"),
    "paid": ("da dong", "so da dong", "doan phi da dong"),
}


def _key(text) -> str:
    return fold(str(text or "")).strip().lower()


def _columns(row) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(row):
        key = _key(cell)
        for name, options in HEADERS.items():
            if name not in found and any(key == o or key.startswith(o + " ") for o in options):
                found[name] = index
    return found


def read_payroll(content: bytes) -> list[tuple[int, str, object, object]]:
    """[(Excel row number, member code, pay cell, paid cell or None)] of the first sheet."""
    import python_calamine

    if len(content) > MAX_BYTES:
        raise ValidationError(_("Tệp quá lớn: mỗi lần chỉ nhập tệp đến 20 MB."))
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own errors and plain ones for non-zip input
        raise ValidationError(_("Không đọc được tệp: hãy chọn tệp Excel (.xlsx) bảng lương.")) from exc
    found = [(i, _columns(row)) for i, row in enumerate(rows[:HEADER_SEARCH_ROWS])]
    found = [(i, cols) for i, cols in found if "code" in cols and "pay" in cols]
    if not found:
        raise ValidationError(_("Không thấy dòng tiêu đề có cột “Mã đoàn viên” và “Tiền lương”."))
    header_index, columns = found[0]
    result = []
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(str(c).strip() for c in row):
            continue

        def cell(name, row=row):
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else None

        code = cell("code")
        code = str(int(code)) if isinstance(code, float) and code.is_integer() else str(code or "")
        result.append((offset, code.strip().upper(), cell("pay"), cell("paid")))
    return result
