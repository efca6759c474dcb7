"""Reading an Excel list of gifts (công tác xã hội): the header row, then one dict of parsed values per row.

Columns (header texts, any order, accents and case ignored): “Mã đơn vị” (optional: else the unit chosen on
the page), “Nhà tài trợ”, “Loại nhà tài trợ” (Doanh nghiệp / Cá nhân / Cơ quan, tổ chức: needed for a donor
not yet listed), “Người, nơi nhận”, “Đối tượng” (Hộ gia đình / Trường học / Gia đình chính sách / Cộng đồng),
“Hình thức” (Tiền mặt / Hiện vật), “Giá trị” (đồng; in kind: the estimated value), “Ngày trao”, “Nội dung”.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from congdoan.core.dates import parse_date
from congdoan.core.money import parse_amount
from congdoan.core.text import fold

from ..constants import DonorKind, GiftForm, GiftRecipient

# Order matters: "loại nhà tài trợ" is tried before "nhà tài trợ".
HEADERS = {
    "unit_code": ("ma don vi",),
    "donor_kind": ("loai nha tai tro", "loai nha hao tam"),
    "donor": ("nha tai tro", "nha hao tam"),
    "recipient_kind": ("doi tuong",),
    "recipient_name": ("nguoi, noi nhan", "nguoi nhan", "noi nhan", "ten nguoi nhan"),
    "form": ("hinh thuc",),
    "value": ("gia tri", "so tien"),
    "given_on": ("ngay trao", "ngay"),
    "description": ("noi dung", "ghi chu"),
}
REQUIRED = ("recipient_name", "value")

RECIPIENT_WORDS = (
    (GiftRecipient.POLICY_FAMILY, ("chinh sach", "policy_family")),
    (GiftRecipient.HOUSEHOLD, ("ho gia dinh", "ho ngheo", "ho can ngheo", "kho khan", "household")),
    (GiftRecipient.SCHOOL, ("truong", "hoc sinh", "school")),
    (GiftRecipient.COMMUNITY, ("cong dong", "dia phuong", "community")),
)
DONOR_WORDS = (
    (DonorKind.BUSINESS, ("doanh nghiep", "cong ty", "business")),
    (DonorKind.INDIVIDUAL, ("ca nhan", "individual")),
    (DonorKind.ORGANISATION, ("co quan", "to chuc", "organisation")),
)
FORM_WORDS = ((GiftForm.IN_KIND, ("hien vat", "in_kind")), (GiftForm.CASH, ("tien", "cash")))


def _choice(text: str, words) -> str | None:
    folded = fold(text)
    for value, names in words:
        if any(name in folded for name in names):
            return value
    return None


def _header_map(row) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = fold(str(cell or ""))
        for key, names in HEADERS.items():
            if key not in found and any(name in text for name in names):
                found[key] = index
                break
    return found


def _cell(row, index: int | None):
    if index is None or index >= len(row):
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # calamine gives whole numbers as floats
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else value


def _parse(values: dict) -> dict:
    """Cell values to typed values; what cannot be read goes to "errors" (Vietnamese, without the row)."""
    errors = []
    text = {k: str(v).strip() for k, v in values.items()}
    row = {
        "unit_code": text["unit_code"],
        "donor": text["donor"],
        "recipient_name": text["recipient_name"],
        "description": text["description"],
        "donor_kind": "",
        "recipient_kind": "",
        "form": GiftForm.CASH,
        "value": None,
        "given_on": None,
    }
    if text["donor_kind"]:
        row["donor_kind"] = _choice(text["donor_kind"], DONOR_WORDS) or ""
        if not row["donor_kind"]:
            errors.append(_("loại nhà tài trợ “%(v)s” không rõ.") % {"v": text["donor_kind"]})
    row["recipient_kind"] = _choice(text["recipient_kind"], RECIPIENT_WORDS) or ""
    if not row["recipient_kind"]:
        errors.append(_("đối tượng nhận “%(v)s” không rõ.") % {"v": text["recipient_kind"]})
    if text["form"]:
        row["form"] = _choice(text["form"], FORM_WORDS) or ""
        if not row["form"]:
            errors.append(_("hình thức “%(v)s” không rõ (Tiền mặt hoặc Hiện vật).") % {"v": text["form"]})
    try:
        row["value"] = parse_amount(values["value"], field=_("Giá trị"))
    except ValueError as exc:
        errors.append(str(exc))
    try:
        row["given_on"] = parse_date(values["given_on"], field=_("Ngày trao"))
    except ValueError as exc:
        errors.append(str(exc))
    row["errors"] = errors
    return row


def gift_rows(data: bytes) -> list[dict]:
    """The rows of an uploaded gift list, parsed; each has its sheet row number ("row") and "errors"."""
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise ValidationError(_("Không đọc được tệp Excel (.xlsx, .xls, .ods).")) from exc
    header_at, header = None, {}
    for index, row in enumerate(rows[:10]):
        header = _header_map(row)
        if all(key in header for key in REQUIRED):
            header_at = index
            break
    if header_at is None:
        raise ValidationError(_("Không tìm thấy dòng tiêu đề có cột “Người, nơi nhận” và “Giá trị”."))
    result = []
    for index, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        values = {key: _cell(row, header.get(key)) for key in HEADERS}
        if any(str(v).strip() for v in values.values()):
            result.append({"row": index, **_parse(values)})
    return result
