"""The gift list as a workbook: the figures, then one row per gift (text cells never become formulas)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.xlsx import Workbook


def gifts_xlsx(*, unit, start, end, gifts, figures: dict) -> bytes:
    book = Workbook()
    bold = book.format(bold=True)
    sheet = book.add_sheet(_("Quà tặng"))
    book.write(sheet, 0, 0, _("Công tác xã hội (người không là đoàn viên): %(u)s") % {"u": unit.name}, bold)
    book.write(sheet, 1, 0, _("Từ %(s)s đến %(e)s") % {"s": format_date(start), "e": format_date(end)})
    book.write(sheet, 2, 0, _("Số quà tặng: %(n)s; tổng giá trị (đồng):") % {"n": figures["gifts"]})
    book.write(sheet, 2, 5, figures["value"], money=True)
    headers = [
        _("Ngày trao"),
        _("Đơn vị trao tặng"),
        _("Nhà tài trợ"),
        _("Loại nhà tài trợ"),
        _("Người, nơi nhận"),
        _("Đối tượng"),
        _("Hình thức"),
        _("Giá trị (đồng)"),
        _("Chương trình"),
        _("Nội dung"),
    ]
    rows = (
        [
            format_date(g.given_on),
            g.unit.name,
            g.donor.name if g.donor_id else _("Công đoàn tự chi"),
            g.donor.get_kind_display() if g.donor_id else "",
            g.recipient_name,
            g.get_recipient_kind_display(),
            g.get_form_display(),
            g.value,
            g.programme.name if g.programme_id else "",
            g.description,
        ]
        for g in gifts.iterator(chunk_size=2000)
    )
    book.write_table(sheet, 4, headers, rows, money_cols=(7,))
    for col, width in enumerate((12, 30, 30, 16, 30, 20, 14, 16, 30, 30)):
        sheet.set_column(col, col, width)
    return book.close()
