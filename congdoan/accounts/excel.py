"""The bulk-account workbook: its columns, the template, and reading an upload with python-calamine."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from python_calamine import CalamineWorkbook

from congdoan.core.text import fold
from congdoan.core.xlsx import Workbook

MAX_FILE_BYTES = 5 * 1024 * 1024
# A file is created in one request (16 ms an account with the temporary-password hash, accounts/hashers.py).
MAX_ROWS = 500


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS = (
    Column("code", _l("Mã đơn vị"), ("ma cong doan co so", "ma don vi"), required=True),
    Column("full_name", _l("Họ và tên"), ("ho ten", "ho va ten"), required=True),
    Column("phone", _l("Điện thoại"), ("so dien thoai", "dien thoai")),
    Column("email", _l("Thư điện tử"), ("email", "e-mail", "thu dien tu")),
    Column("role", _l("Vai trò"), ("vai tro", "quyen")),
    Column("username", _l("Tên đăng nhập"), ("ten dang nhap",)),
    Column("position", _l("Chức vụ"), ("chuc vu",)),
)


@dataclass
class Row:
    number: int  # the Excel row number, for messages
    values: dict[str, str] = field(default_factory=dict)


def header_of(key: str) -> str:
    return str(next(c.header for c in COLUMNS if c.key == key))


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.add_sheet(_("Tài khoản"))
    head = book.format(bold=True, border=1, text_wrap=True)
    for col, column in enumerate(COLUMNS):
        book.write(sheet, 0, col, str(column.header), head)
        sheet.set_column(col, col, 24)
    book.write_row(
        sheet, 1, ["CS-001", "Nguyễn Văn An", "0912 345 678", "an@example.vn", _("Cán bộ nghiệp vụ"), "", ""]
    )
    sheet.freeze_panes(1, 0)
    return book.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # calamine gives whole numbers (a phone typed as a number) as floats
    return str(value).strip()


def _corrupt() -> ValidationError:
    return ValidationError(
        {"file": _("Tệp: không đọc được; tệp bị hỏng hoặc không phải tệp Excel .xlsx (hãy dùng tệp mẫu).")}
    )


def read_rows(upload) -> list[Row]:
    """The data rows of the first sheet of an uploaded .xlsx, keyed by column; a bad file raises on "file"."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            {"file": _("Tệp: quá lớn (tối đa %(n)s MB).") % {"n": MAX_FILE_BYTES // 1024 // 1024}}
        )
    upload.seek(0)
    if not zipfile.is_zipfile(upload):
        raise _corrupt()
    upload.seek(0)
    try:
        workbook = CalamineWorkbook.from_filelike(upload)
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for anything unreadable
        raise _corrupt() from exc
    if not rows:
        raise ValidationError({"file": _("Tệp: trang tính đầu tiên trống.")})
    columns: dict[str, int] = {}
    for index, value in enumerate(rows[0]):
        folded = fold(_cell(value))
        for column in COLUMNS:
            if folded and folded in column.aliases and column.key not in columns:
                columns[column.key] = index
    missing = [str(c.header) for c in COLUMNS if c.required and c.key not in columns]
    if missing:
        raise ValidationError(
            {"file": _("Tệp: thiếu cột %(cols)s ở dòng 1 (hãy dùng tệp mẫu).") % {"cols": ", ".join(missing)}}
        )
    result = []
    for number, raw in enumerate(rows[1:], start=2):
        values = {key: _cell(raw[index]) if index < len(raw) else "" for key, index in columns.items()}
        if any(values.values()):
            result.append(Row(number=number, values=values))
    if not result:
        raise ValidationError({"file": _("Tệp: chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.")})
    if len(result) > MAX_ROWS:
        raise ValidationError(
            {
                "file": _(
                    "Tệp: có %(n)s dòng, mỗi lần tạo tối đa %(max)s tài khoản; hãy chia thành nhiều tệp."
                )
                % {"n": len(result), "max": MAX_ROWS}
            }
        )
    return result


def passwords_xlsx(created) -> bytes:
    """The list of new accounts with their initial passwords (to hand over, then destroy)."""
    book = Workbook()
    sheet = book.add_sheet(_("Mật khẩu ban đầu"))
    headers = [
        _("STT"),
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Họ và tên"),
        _("Tên đăng nhập"),
        _("Mật khẩu ban đầu"),
        _("Vai trò"),
    ]
    rows = [
        [
            i,
            item.unit.code,
            item.unit.name,
            item.user.full_name,
            item.user.username,
            item.password,
            item.role_label,
        ]
        for i, item in enumerate(created, start=1)
    ]
    book.write_table(sheet, 0, headers, rows)
    for col, width in enumerate([6, 14, 40, 28, 20, 18, 18]):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    return book.close()
