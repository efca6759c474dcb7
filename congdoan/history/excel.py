"""Reading an Excel file of past years' summary figures: one row per unit and year, one column per item.

Columns: “Mã đơn vị”, “Năm”, then any of the items by their label (accents and case ignored), e.g.
“Kết nạp đoàn viên mới”, “Chăm lo: Quà Tết, Tết Sum vầy” (đồng), “Khen thưởng cấp tỉnh, ngành”. An empty cell
leaves that figure as it is.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from congdoan.core.money import parse_amount, parse_integer
from congdoan.core.text import fold

from .constants import SummaryItem


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _header(row) -> dict:
    labels = {fold(str(label)): item for item, label in SummaryItem.choices}
    found: dict = {}
    for col, cell in enumerate(row):
        text = fold(str(cell or "")).strip()
        if "ma don vi" in text:
            found["unit_code"] = col
        elif text in ("nam", "nam bao cao"):
            found["year"] = col
        elif text in labels or text in SummaryItem.values:
            found[labels.get(text, text)] = col
    return found


def summary_rows(data: bytes) -> list[dict]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx, .xls, .ods).")) from exc
    header_at, header = None, {}
    for index, row in enumerate(rows[:10]):
        header = _header(row)
        if "unit_code" in header and "year" in header and len(header) > 2:
            header_at = index
            break
    if header_at is None:
        raise ValidationError(
            _(
                "Không tìm thấy dòng tiêu đề có cột “Mã đơn vị”, “Năm” và ít nhất một chỉ tiêu (ví dụ “%(l)s”)."
            )
            % {"l": SummaryItem.MEMBERS_ADMITTED.label}
        )
    result = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = {key: (row[col] if col < len(row) else None) for key, col in header.items()}
        if not any(_text(v) for v in cells.values()):
            continue
        errors, values, year = [], {}, None
        try:
            year = parse_integer(cells["year"], field=_("Năm"))
        except ValueError as exc:
            errors.append(str(exc))
        if year is None and not errors:
            errors.append(_("thiếu năm."))
        for item in SummaryItem.values:
            if item not in cells or not _text(cells[item]):
                continue
            try:
                values[item] = parse_amount(cells[item], field=str(SummaryItem(item).label))
            except ValueError as exc:
                errors.append(str(exc))
        code = _text(cells["unit_code"])
        if not code:
            errors.append(_("thiếu mã đơn vị."))
        result.append({"row": index, "unit_code": code, "year": year, "values": values, "errors": errors})
    return result
