"""Reading an Excel list of recipients: find the header row, then one dict of cell texts per data row."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from congdoan.core.text import fold

HEADERS = {
    "code": ("ma doan vien", "ma dv", "ma so doan vien"),
    "cccd": ("cccd", "can cuoc", "so dinh danh"),
    "name": ("ho ten", "ho va ten"),
    "amount": ("so tien",),
    "note": ("ghi chu",),
}


def _header_map(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = fold(str(cell or ""))
        for key, names in HEADERS.items():
            if key not in found and any(name in text for name in names):
                found[key] = index
                break
    return found


def _cell(row, index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine gives whole numbers as floats
    return str(value if value is not None else "").strip()


def read_recipient_rows(data: bytes, fund_columns: dict[str, object] | None = None) -> list[dict]:
    """Rows of an Excel list of recipients (mã đoàn viên / CCCD / họ tên / số tiền / ghi chú) as dicts.

    ``fund_columns`` maps folded header texts to fund sources: such columns give the row's split
    (key "funds": [(fund, text)]).
    """
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx, .xls, .ods).")) from exc
    header_at, header = None, {}
    for index, row in enumerate(rows[:10]):
        header = _header_map(row)
        if "code" in header or "cccd" in header:
            header_at = index
            break
    if header_at is None:
        raise ValidationError(_("Không tìm thấy dòng tiêu đề có cột “Mã đoàn viên” hoặc “CCCD”."))
    fund_at = {}
    for index, cell in enumerate(rows[header_at]):
        fund = (fund_columns or {}).get(fold(str(cell or "")))
        if fund is not None and index not in header.values():
            fund_at[index] = fund
    result = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        values = {key: _cell(row, header.get(key)) for key in HEADERS}
        funds = [(fund, _cell(row, at)) for at, fund in fund_at.items()]
        if any(values.values()):
            result.append({"row": index, **values, "funds": [(f, v) for f, v in funds if v]})
    return result
