"""Spreadsheet exports of emulation figures, through the one formula-escaping writer (core.xlsx)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.xlsx import Workbook

from .constants import CountBy, GrantingLevel


def figures_xlsx(*, data: dict, unit, year: int) -> bytes:
    book = Workbook()
    sheet = book.add_sheet("Khen thưởng")
    title = _("Kết quả khen thưởng năm %(y)s — %(u)s (%(b)s)") % {
        "y": year,
        "u": unit.name,
        "b": CountBy(data.get("count_by", CountBy.AWARD_YEAR)).label.lower(),
    }
    book.write(sheet, 0, 0, title, book.format(bold=True, font_size=13))
    levels = dict(GrantingLevel.choices)
    rows = [
        [
            row["award_kind__name"],
            str(levels.get(row["award_kind__granting_level"], "")),
            row["n"],
            row["collectives"],
            row["individuals"],
            row["women"],
        ]
        for row in data["by_kind"]
    ]
    rows.append([_("Cộng"), "", data["total"], data["collectives"], data["individuals"], data["women"]])
    headers = [_("Hình thức"), _("Cấp khen"), _("Tổng số"), _("Tập thể"), _("Cá nhân"), _("Trong đó nữ")]
    row = book.write_table(sheet, 2, headers, rows, border=False)
    book.write_row(sheet, row + 1, [_("Kỷ niệm chương đã tặng"), "", data["medals"]])
    if data.get("historical"):
        book.write_row(sheet, row + 2, [_("Trong đó ghi nhận là mục lịch sử"), "", data["historical"]])
    sheet.set_column(0, 0, 60)
    sheet.set_column(1, 1, 36)
    return book.close()
