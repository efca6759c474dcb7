"""The fact table as an Excel annex: the administrative header, the period, then one row per figure."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import plain_number
from congdoan.core.xlsx import Workbook
from congdoan.org.models import Unit

from .engine.layout import admin_header
from .engine.xlsx import titled_sheet
from .facts import AREAS, Fact

HEADERS = (
    "STT",
    "Nhóm",
    "Số liệu",
    "Giá trị",
    "Trên tổng số",
    "Đơn vị tính",
    "Cùng kỳ năm trước",
    "Tình trạng",
)


def facts_rows(facts: list[Fact]) -> list[list]:
    """The annex's table rows, in the dashboard's order of areas."""
    titles = {area: str(title) for area, title in AREAS}
    rows = []
    for n, fact in enumerate(facts, start=1):
        rows.append(
            [
                n,
                titles.get(fact.area, ""),
                str(fact.label),
                plain_number(fact.value),
                fact.out_of,
                fact.unit,
                plain_number(fact.previous),
                _("Đã duyệt") if fact.approved else _("Tạm tính"),
            ]
        )
    return rows


def facts_xlsx(*, unit: Unit, start: dt.date, end: dt.date, facts: list[Fact], on: dt.date) -> bytes:
    """The fact table of ``unit`` over ``start..end`` as an XLSX annex dated ``on``."""
    book = Workbook()
    sheet, row = titled_sheet(
        book,
        _("Số liệu"),
        header=admin_header(unit, doc_date=on),
        title=_("BẢNG SỐ LIỆU — %(u)s") % {"u": unit.name.upper()},
        subtitle=_("Từ ngày %(s)s đến ngày %(e)s") % {"s": format_date(start), "e": format_date(end)},
    )
    head = book.format(bold=True, align="center", text_wrap=True, border=1)
    for col, text in enumerate(HEADERS):
        book.write(sheet, row, col, _(text), head)
    for values in facts_rows(facts):
        row += 1
        for col, value in enumerate(values):
            # Whole numbers grouped (1.234.567 in a Vietnamese Excel), shares with two decimals.
            number = "#,##0.00" if isinstance(value, float) else "#,##0"
            props = {"num_format": number} if isinstance(value, int | float) and col else {}
            book.write(sheet, row, col, value, border=1, **props)
    sheet.set_column(1, 1, 22)
    sheet.set_column(2, 2, 48)
    sheet.set_column(3, 7, 16)
    return book.close()
