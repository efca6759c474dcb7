"""The upper level's list as a workbook: the figures, then one line per grassroots union (core.xlsx, so
no cell becomes a formula)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.xlsx import Workbook, print_layout


def inline_limit() -> int:
    return getattr(settings, "CONGDOAN_INLINE_EXPORT_ROWS", 5000)


def _share(value) -> str:
    return "—" if value is None else f"{value}".replace(".", ",") + " %"


def culture_xlsx(figures: dict, rows: list[dict]) -> bytes:
    book = Workbook()
    bold = book.format(bold=True)
    sheet = book.add_sheet(_("Tổng hợp"))
    book.write(
        sheet,
        0,
        0,
        _("Đạt chuẩn văn hoá năm %(y)s: %(u)s") % {"y": figures["year"], "u": figures["unit"].name},
        bold,
    )
    book.write(sheet, 1, 0, _("Số liệu đến ngày %(d)s") % {"d": format_date(figures["day"])})
    lines = [
        (_("Số công đoàn cơ sở"), figures["grassroots"]),
        (_("Số đơn vị đăng ký"), figures["registered"]),
        (_("Tỷ lệ đăng ký"), _share(figures["registered_share"])),
        (_("Số đơn vị đang được công nhận"), figures["recognised"]),
        (_("Tỷ lệ được công nhận"), _share(figures["recognised_share"])),
        (_("Số quyết định công nhận cho năm %(y)s") % {"y": figures["year"]}, figures["decided"]),
    ]
    row = 3
    for label, value in lines:
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, value)
        row += 1
    row += 1
    book.write(sheet, row, 0, _("Đăng ký theo danh hiệu"), bold)
    for _code, label, count in figures["by_type"]:
        row += 1
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, count)
    row += 2
    headers = [
        _("Đơn vị"),
        _("Số CĐCS"),
        _("Đăng ký"),
        _("Tỷ lệ đăng ký"),
        _("Được công nhận"),
        _("Tỷ lệ công nhận"),
    ]
    book.write_table(
        sheet,
        row,
        headers,
        [
            (
                (_("Trực tiếp tại %(u)s") % {"u": r["unit"].name}) if r["is_self"] else r["unit"].name,
                r["grassroots"],
                r["registered"],
                _share(r["registered_share"]),
                r["recognised"],
                _share(r["recognised_share"]),
            )
            for r in figures["children"]
        ],
    )
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 5, 16)
    units = book.add_sheet(_("Danh sách đơn vị"))
    headers = [
        _("Mã"),
        _("Công đoàn cơ sở"),
        _("Danh hiệu đăng ký"),
        _("Tiêu chí đạt"),
        _("Tình trạng"),
        _("Số quyết định"),
        _("Ngày quyết định"),
        _("Thẩm quyền"),
        _("Có giá trị đến"),
    ]
    for col, text in enumerate(headers):
        book.write(units, 0, col, text, bold)
    for i, r in enumerate(rows, start=1):
        registration, recognition, result = r["registration"], r["recognition"], r["result"]
        book.write(units, i, 0, r["unit"].code)
        book.write(units, i, 1, r["unit"].name)
        book.write(units, i, 2, registration.get_culture_type_display() if registration else "")
        book.write(units, i, 3, f"{result.met}/{result.total}" if result else "")
        book.write(units, i, 4, str(r["status_label"]))
        if recognition is not None:
            book.write(units, i, 5, recognition.number)
            book.write(units, i, 6, recognition.issued_on)
            book.write(units, i, 7, recognition.authority.name)
            book.write(units, i, 8, recognition.valid_until)
    units.set_column(0, 0, 14)
    units.set_column(1, 1, 50)
    units.set_column(2, 8, 20)
    print_layout(units, header_row=0, first_col=2)
    return book.close()
