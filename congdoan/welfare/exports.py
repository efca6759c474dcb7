"""Spreadsheet outputs: the figures workbook (the acknowledgement list is a document: congdoan.documents.receipts)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.xlsx import Workbook, print_layout


def figures_xlsx(
    figures: dict, children: list[dict], *, levels: list[dict] = (), social: dict | None = None
) -> bytes:
    book = Workbook()
    bold = book.format(bold=True)
    money = book.format(num_format="#,##0")
    sheet = book.add_sheet(_("Tổng hợp"))
    book.write(sheet, 0, 0, _("Số liệu chăm lo: %(u)s") % {"u": figures["unit"].name}, bold)
    book.write(
        sheet,
        1,
        0,
        _("Từ %(s)s đến %(e)s") % {"s": format_date(figures["start"]), "e": format_date(figures["end"])},
    )
    lines = [
        (_("Số người được hỗ trợ"), figures["members_supported"]),
        (_("Tổng số tiền (đồng)"), figures["amount_total"]),
        (_("Kinh phí công đoàn (đồng)"), figures["union_total"]),
        (_("Xã hội hoá (đồng)"), figures["donation_total"]),
        (_("Tỷ lệ xã hội hoá (%)"), figures["donation_share"]),
        (_("Số nhà Mái ấm Công đoàn"), figures["houses"]),
        (_("Số tiền hỗ trợ nhà (đồng)"), figures["house_amount"]),
        (_("Số lượt thăm hỏi"), figures["visits"]),
        (_("Số lượt đăng ký trực tuyến"), figures["registrations"]),
    ]
    row = 3
    for label, value in lines:
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, value, money)
        row += 1
    row += 1
    book.write(sheet, row, 0, _("Theo loại chương trình"), bold)
    for _code, label, value in figures["by_kind"]:
        row += 1
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, value, money)
    row += 2
    book.write(sheet, row, 0, _("Theo nguồn kinh phí"), bold)
    for _code, label, value in figures["by_fund"]:
        row += 1
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, value, money)
    for donor in figures["donors"]:
        row += 1
        book.write(sheet, row, 0, "  " + donor["donor"])
        book.write(sheet, row, 1, donor["amount"], money)
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 1, 20)
    units = book.add_sheet(_("Theo đơn vị"))
    for col, text in enumerate(
        [_("Đơn vị"), _("Mã"), _("Số người"), _("Số tiền (đồng)"), _("Xã hội hoá (đồng)")]
    ):
        book.write(units, 0, col, text, bold)
    for i, r in enumerate(children, start=1):
        book.write(units, i, 0, r["unit"].name)
        book.write(units, i, 1, r["unit"].code)
        book.write(units, i, 2, r["people"])
        book.write(units, i, 3, r["amount"], money)
        book.write(units, i, 4, r["donations"], money)
    units.set_column(0, 0, 50)
    print_layout(units, header_row=0, first_col=1)
    units.set_column(1, 4, 16)
    _levels_sheet(book, levels, bold, money)
    if social is not None:
        _social_sheet(book, social, bold, money)
    return book.close()


def _levels_sheet(book, levels, bold, money) -> None:
    sheet = book.add_sheet(_("Theo cấp chi"))
    for col, text in enumerate([_("Cấp chi"), _("Số người được hỗ trợ"), _("Số tiền (đồng)")]):
        book.write(sheet, 0, col, text, bold)
    for i, r in enumerate(levels, start=1):
        book.write(sheet, i, 0, r["label"])
        book.write(sheet, i, 1, r["people"])
        book.write(sheet, i, 2, r["amount"], money)
    sheet.set_column(0, 0, 45)
    sheet.set_column(1, 2, 20)


def _social_sheet(book, social: dict, bold, money) -> None:
    """Social work for people who are not members: beside member welfare, never added to it."""
    sheet = book.add_sheet(_("Công tác xã hội"))
    book.write(sheet, 0, 0, _("Công tác xã hội (người không là đoàn viên) — tính riêng"), bold)
    lines = [
        (_("Số lượt trao tặng"), social["gifts"]),
        (_("Tổng giá trị (đồng)"), social["value"]),
        (_("Vận động nhà tài trợ (đồng)"), social["donated"]),
        (_("Công đoàn tự chi (đồng)"), social["union_own"]),
        (_("Số nhà tài trợ"), social["donors_count"]),
    ]
    row = 2
    for label, value in lines:
        book.write(sheet, row, 0, label)
        book.write(sheet, row, 1, value, money)
        row += 1
    for title, items, key in (
        (_("Theo đối tượng nhận"), social["by_recipient"], "label"),
        (_("Theo nhà tài trợ"), social["donors"], "donor"),
        (_("Theo cấp trao tặng"), social["by_level"], "label"),
    ):
        row += 1
        book.write(sheet, row, 0, title, bold)
        for item in items:
            row += 1
            book.write(sheet, row, 0, item[key])
            book.write(sheet, row, 1, item["value"], money)
        row += 1
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 1, 20)
