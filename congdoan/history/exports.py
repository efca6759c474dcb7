"""Past years' summary figures as a workbook, marked as summary figures on every sheet."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.xlsx import Workbook

from .constants import SummaryItem


def summaries_xlsx(summaries, *, year: int | None) -> bytes:
    book = Workbook()
    bold = book.format(bold=True)
    sheet = book.add_sheet(_("Số liệu tổng hợp"))
    title = _("Số liệu tổng hợp các năm trước (không có dữ liệu chi tiết)")
    book.write(sheet, 0, 0, f"{title} — {year}" if year else title, bold)
    headers = [
        _("Mã đơn vị"),
        _("Đơn vị"),
        _("Năm"),
        *[str(label) for _i, label in SummaryItem.choices],
        _("Ghi chú"),
    ]
    rows = []
    for summary in summaries:
        values = {f.item: f.value for f in summary.figures.all()}
        rows.append(
            [
                summary.unit.code,
                summary.unit.name,
                summary.year,
                *[values.get(i) for i in SummaryItem.values],
                summary.note,
            ]
        )
    book.write_table(sheet, 2, headers, rows)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 40)
    sheet.set_column(3, len(headers) - 1, 18)
    return book.close()
