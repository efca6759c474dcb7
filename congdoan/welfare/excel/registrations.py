"""Reading the national platform's export of online registrations (Chợ Tết Công đoàn and the like).

Columns (header texts, accents and case ignored): “Mã đoàn viên” and/or “Số CCCD” (one is enough), “Họ và
tên” (for the reader), “Số điện thoại”, “Ngày đăng ký” or “Thời gian đăng ký” (a date cell, or text
dd/mm/yyyy, optionally followed by the time “dd/mm/yyyy HH:MM”).
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from congdoan.core.dates import parse_date
from congdoan.core.text import fold

HEADERS = {
    "code": ("ma doan vien", "ma dv", "ma so doan vien"),
    "cccd": ("cccd", "can cuoc", "so dinh danh"),
    "name": ("ho ten", "ho va ten"),
    "phone": ("dien thoai", "sdt"),
    "registered_on": ("ngay dang ky", "thoi gian dang ky", "thoi diem dang ky"),
}


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        return parse_date(text.split(" ")[0] if text else "")
    except ValueError:
        return parse_date(text, field=_("Ngày đăng ký"))  # raises, naming the whole cell


def registration_rows(data: bytes) -> list[dict]:
    """Rows of the export: "row", "code", "cccd", "name", "phone", "registered_on", "errors"."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx, .xls, .ods).")) from exc
    header_at, header = None, {}
    for index, row in enumerate(rows[:10]):
        header = {}
        for col, cell in enumerate(row):
            text = fold(str(cell or ""))
            for key, names in HEADERS.items():
                if key not in header and any(name in text for name in names):
                    header[key] = col
                    break
        if ("code" in header or "cccd" in header) and "registered_on" in header:
            header_at = index
            break
    if header_at is None:
        raise ValidationError(
            _("Không tìm thấy dòng tiêu đề có cột “Mã đoàn viên” (hoặc “Số CCCD”) và “Ngày đăng ký”.")
        )
    result = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):

        def cell(key, row=row):
            at = header.get(key)
            return row[at] if at is not None and at < len(row) else None

        texts = {key: _text(cell(key)) for key in HEADERS}
        if not any(texts.values()):
            continue
        errors = []
        try:
            registered_on = _date(cell("registered_on"))
        except ValueError as exc:
            registered_on = None
            errors.append(str(exc))
        if not texts["code"] and not texts["cccd"]:
            errors.append(_("thiếu mã đoàn viên và số CCCD."))
        result.append(
            {
                "row": index,
                "code": texts["code"].upper(),
                "cccd": texts["cccd"],
                "name": texts["name"],
                "phone": texts["phone"],
                "registered_on": registered_on,
                "errors": errors,
            }
        )
    return result
