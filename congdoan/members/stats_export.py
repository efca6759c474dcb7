"""The statistics table as an Excel workbook (xlsxwriter, imported when used)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from congdoan.core import xlsx
from congdoan.core.dates import format_date

from . import stats


def workbook_bytes(report: stats.Report) -> bytes:
    buffer = io.BytesIO()
    book = xlsx.xlsxwriter_book(buffer, in_memory=True)
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    num = book.add_format({"num_format": "#,##0", "border": 1})
    cell = book.add_format({"border": 1})
    sheet = book.add_worksheet(_("Tổng hợp"))
    sheet.write(0, 0, _("THỐNG KÊ ĐOÀN VIÊN — %(u)s") % {"u": report.unit.name}, bold)
    sheet.write(
        1,
        0,
        _("Số liệu tại ngày %(d)s; kỳ báo cáo từ %(s)s đến %(e)s")
        % {"d": format_date(report.on), "s": format_date(report.start), "e": format_date(report.end)},
    )
    summary = [
        (_("Tổng số đoàn viên"), report.snapshot.total),
        (_("Đoàn viên nữ"), report.snapshot.women),
        (_("Lao động phi kết cấu"), report.snapshot.informal),
        (_("Kết nạp mới trong kỳ"), report.admitted),
        (_("Trong đó phi kết cấu"), report.informal_admitted),
        (_("Thôi sinh hoạt trong kỳ"), report.left),
        (_("Tăng giảm thực trong kỳ"), report.net_change),
        (_("Giới thiệu cho Đảng trong kỳ"), report.party_introduced),
        (_("Được kết nạp vào Đảng trong kỳ"), report.party_admitted),
        (_("CĐCS thành lập mới trong kỳ"), report.founded["total"]),
        (_("— khu vực nhà nước"), report.founded["state"]),
        (_("— ngoài nhà nước"), report.founded["non_state"]),
        (_("CĐCS dưới 5 đoàn viên"), len(report.small_unions)),
    ]
    row = 3
    for label, value in summary:
        sheet.write(row, 0, label, cell)
        sheet.write_number(row, 1, value, num)
        row += 1
    row += 1
    headers = [
        _("Mã đơn vị"),
        _("Đơn vị trực thuộc"),
        _("Tổng số"),
        _("Nữ"),
        _("Phi kết cấu"),
        _("Kết nạp"),
        _("Thôi sinh hoạt"),
        _("CĐCS dưới 5 ĐV"),
    ]
    for col, title in enumerate(headers):
        sheet.write(row, col, title, head)
    for r in report.rows:
        row += 1
        sheet.write(row, 0, r["unit"].code, cell)
        sheet.write(row, 1, r["unit"].name, cell)
        for col, key in enumerate(
            ["total", "women", "informal", "admitted", "left", "small_unions"], start=2
        ):
            sheet.write_number(row, col, r[key], num)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 7, 12)
    detail = book.add_worksheet(_("Cơ cấu"))
    row = 0
    for title, rows in (
        (_("Theo dân tộc"), stats.ethnicity_rows(report.snapshot)),
        (_("Theo độ tuổi"), stats.age_rows(report.snapshot)),
        (_("Theo khu vực"), stats.sector_rows(report.snapshot)),
    ):
        detail.write(row, 0, title, bold)
        row += 1
        for label, value in rows:
            detail.write(row, 0, label, cell)
            detail.write_number(row, 1, value, num)
            row += 1
        row += 1
    detail.set_column(0, 0, 36)
    book.close()
    return buffer.getvalue()
