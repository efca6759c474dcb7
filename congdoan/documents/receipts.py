"""The acknowledgement list of a welfare programme (danh sách ký nhận), as PDF and XLSX."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.money import format_vnd
from congdoan.core.xlsx import Workbook

from .engine import admin_header, render_pdf, titled_sheet, vnd_in_words


def receipt_rows(payments) -> list[dict]:
    return [
        {
            "no": i,
            "name": p.beneficiary_name,
            "code": p.beneficiary_code or p.worker_cccd,
            "unit": p.unit.name,
            "amount": p.amount,
        }
        for i, p in enumerate(payments, start=1)
    ]


def receipt_context(programme, payments, *, unit=None) -> dict:
    rows = receipt_rows(payments)
    total = sum(r["amount"] for r in rows)
    issuer = unit or programme.owner
    place = _("Lào Cai") if issuer.code.startswith("LCI") else ""
    return {
        **admin_header(issuer, doc_date=today(), place=place, parent_default=""),
        "programme": programme,
        "rows": rows,
        "total": total,
        "total_text": format_vnd(total),
        "total_words": vnd_in_words(total),
    }


def receipt_pdf(programme, payments, *, unit=None) -> bytes:
    return render_pdf("documents/receipt.html", receipt_context(programme, payments, unit=unit))


def receipt_xlsx(programme, payments, *, unit=None) -> bytes:
    context = receipt_context(programme, payments, unit=unit)
    book = Workbook()
    sheet, row = titled_sheet(
        book, _("Ký nhận"), header=context, title=_("DANH SÁCH KÝ NHẬN"), subtitle=programme.name
    )
    headers = [_("STT"), _("Họ và tên"), _("Mã đoàn viên"), _("Đơn vị"), _("Số tiền (đồng)"), _("Ký nhận")]
    rows = [[r["no"], r["name"], r["code"], r["unit"], r["amount"], ""] for r in context["rows"]]
    row = book.write_table(sheet, row, headers, rows, money_cols=(4,))
    bold = book.format(bold=True)
    book.write(sheet, row, 3, _("Tổng cộng"), bold)
    book.write(sheet, row, 4, context["total"], book.format(bold=True, num_format="#,##0"))
    book.write(sheet, row + 1, 0, _("Bằng chữ: %(w)s.") % {"w": context["total_words"]})
    for col, width in enumerate((6, 28, 14, 40, 16, 16)):
        sheet.set_column(col, col, width)
    return book.close()
