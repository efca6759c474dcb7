"""Excel sheets laid out like the union's statistical forms (title, unit, period, STT/indicator columns)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from congdoan.core import xlsx
from congdoan.core.money import plain_number

from .periods import period_of
from .values import show_value

REPORT_HEADER = [
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Chỉ tiêu giao (năm)",
    "Thực hiện",
    "% so chỉ tiêu năm",
    "Ghi chú",
]


def _book():
    buffer = io.BytesIO()
    book = xlsx.xlsxwriter_book(buffer, in_memory=True)
    fmt = {
        "title": book.add_format({"bold": True, "font_size": 14, "align": "center"}),
        "sub": book.add_format({"italic": True, "align": "center"}),
        "head": book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True, "align": "center"}
        ),
        "cell": book.add_format({"border": 1}),
        "num": book.add_format({"border": 1, "num_format": "#,##0.##"}),
    }
    return buffer, book, fmt


def _title(sheet, fmt, width: int, lines: list[str]):
    for n, line in enumerate(lines):
        sheet.merge_range(n, 0, n, width - 1, line, fmt["title"] if n == 0 else fmt["sub"])
    return len(lines) + 1


def report_xlsx(*, report, rows: list[dict]) -> bytes:
    """One report: title, unit, period, then STT / code / indicator / unit / target / actual / % / comment."""
    buffer, book, fmt = _book()
    sheet = book.add_worksheet(_("Báo cáo"))
    period = period_of(report.form.period_type, report.period_start)
    first = _title(
        sheet,
        fmt,
        len(REPORT_HEADER),
        [report.form.name.upper(), report.unit.name, f"{period.label} — {report.get_status_display()}"],
    )
    sheet.write_row(first, 0, [_(h) for h in REPORT_HEADER], fmt["head"])
    xlsx.print_layout(sheet, header_row=first)
    for n, item in enumerate(rows, start=first + 1):
        row, target = item["row"], item["target"]
        percent = row.value / target * 100 if target and row.value is not None else None
        sheet.write(n, 0, item["stt"], fmt["cell"])
        sheet.write(n, 1, row.indicator.code, fmt["cell"])
        sheet.write(n, 2, row.name + (_(" (tự tính)") if row.is_computed else ""), fmt["cell"])
        sheet.write(n, 3, row.get_unit_of_measure_display(), fmt["cell"])
        sheet.write(n, 4, plain_number(target), fmt["num"])
        sheet.write(n, 5, plain_number(row.value), fmt["num"])
        sheet.write(n, 6, plain_number(round(percent, 1)) if percent is not None else None, fmt["num"])
        sheet.write(n, 7, row.comment, fmt["cell"])
    sheet.set_column(0, 0, 5)
    sheet.set_column(1, 1, 18)
    sheet.set_column(2, 2, 50)
    sheet.set_column(3, 7, 14)
    book.close()
    return buffer.getvalue()


def rollup_xlsx(*, unit, form, period, view: dict) -> bytes:
    """The roll-up: own entries, the children's aggregate (approved / provisional) and one column per child."""
    buffer, book, fmt = _book()
    sheet = book.add_worksheet(_("Tổng hợp"))
    kids = view["children"]
    header = [
        _("STT"),
        _("Chỉ tiêu"),
        _("Đơn vị tính"),
        _("Đơn vị tự thực hiện"),
        _("Tổng hợp cấp dưới"),
        _("Tình trạng"),
    ]
    header += [k.name for k in kids]
    state = _("Số liệu tạm tính") if view["provisional"] else _("Đã duyệt đủ")
    first = _title(
        sheet,
        fmt,
        len(header),
        [_("TỔNG HỢP %(f)s") % {"f": form.name.upper()}, unit.name, f"{period.label} — {state}"],
    )
    sheet.write_row(first, 0, header, fmt["head"])
    xlsx.print_layout(sheet, header_row=first, first_col=2)
    for n, row in enumerate(view["rows"], start=first + 1):
        ind = row["indicator"]
        fig = row["children"]
        sheet.write(n, 0, row["stt"], fmt["cell"])
        sheet.write(n, 1, ind.name, fmt["cell"])
        sheet.write(n, 2, ind.get_unit_of_measure_display(), fmt["cell"])
        sheet.write(n, 3, plain_number(row["own"]), fmt["num"])
        sheet.write(n, 4, plain_number(fig.value), fmt["num"])
        sheet.write(n, 5, _("tạm tính") if fig.provisional else _("đã duyệt"), fmt["cell"])
        for c, (_kid, kid_fig) in enumerate(row["per_child"], start=6):
            sheet.write(n, c, plain_number(kid_fig.value), fmt["num"])
    sheet.set_column(1, 1, 50)
    sheet.set_column(2, 5 + len(kids), 15)
    book.close()
    return buffer.getvalue()


def targets_template_xlsx(*, unit, year: int, children, indicators, given) -> bytes:
    """The target grid to fill in: Mã đơn vị, Tên đơn vị, then one column per indicator, headed by its name
    (the import reads the names back, or codes where a sheet has them)."""
    buffer, book, fmt = _book()
    sheet = book.add_worksheet(_("Giao chỉ tiêu"))
    sheet.write_row(0, 0, [_("Mã đơn vị"), _("Tên đơn vị"), *[i.name for i in indicators]], fmt["head"])
    sheet.set_row(0, 45)
    xlsx.print_layout(sheet, header_row=0, first_col=2)
    for n, kid in enumerate(children, start=1):
        sheet.write(n, 0, kid.code)
        sheet.write(n, 1, kid.name)
        for c, ind in enumerate(indicators, start=2):
            t = given.get((kid.pk, ind.pk))
            sheet.write(n, c, plain_number(t.value) if t else None)
    sheet.set_column(1, 1, 45)
    sheet.set_column(2, 1 + len(indicators), 18)
    book.close()
    return buffer.getvalue()


def show(value, uom="", places=0) -> str:
    return show_value(value, uom, places)
