"""Printed and spreadsheet outputs: the acknowledgement list (danh sách ký nhận) and the figures workbook."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date, today
from congdoan.core.money import format_vnd
from congdoan.core.vnwords import vnd_in_words
from congdoan.documents.rendering import render_pdf


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
    return {
        "programme": programme,
        "rows": rows,
        "total": total,
        "total_text": format_vnd(total),
        "total_words": vnd_in_words(total),
        "issuer": issuer.name,
        "issuer_parent": issuer.parent.name if issuer.parent_id else "",
        "place": _("Lào Cai") if issuer.code.startswith("LCI") else "",
        "doc_date": today(),
    }


def receipt_pdf(programme, payments, *, unit=None) -> bytes:
    return render_pdf("welfare/receipt_pdf.html", receipt_context(programme, payments, unit=unit))


def receipt_xlsx(programme, payments, *, unit=None) -> bytes:
    import xlsxwriter

    context = receipt_context(programme, payments, unit=unit)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet(_("Ký nhận"))
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0", "border": 1})
    cell = book.add_format({"border": 1})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "text_wrap": True})
    sheet.write(0, 0, context["issuer"].upper(), bold)
    sheet.write(2, 0, _("DANH SÁCH KÝ NHẬN"), bold)
    sheet.write(3, 0, programme.name)
    headers = [_("STT"), _("Họ và tên"), _("Mã đoàn viên"), _("Đơn vị"), _("Số tiền (đồng)"), _("Ký nhận")]
    for col, text in enumerate(headers):
        sheet.write(5, col, text, head)
    row_at = 6
    for r in context["rows"]:
        sheet.write(row_at, 0, r["no"], cell)
        sheet.write(row_at, 1, r["name"], cell)
        sheet.write(row_at, 2, r["code"], cell)
        sheet.write(row_at, 3, r["unit"], cell)
        sheet.write_number(row_at, 4, r["amount"], money)
        sheet.write(row_at, 5, "", cell)
        row_at += 1
    sheet.write(row_at, 3, _("Tổng cộng"), bold)
    sheet.write_number(row_at, 4, context["total"], money)
    sheet.write(row_at + 1, 0, _("Bằng chữ: %(w)s.") % {"w": context["total_words"]})
    sheet.set_column(0, 0, 6)
    sheet.set_column(1, 1, 28)
    sheet.set_column(2, 2, 14)
    sheet.set_column(3, 3, 40)
    sheet.set_column(4, 4, 16)
    sheet.set_column(5, 5, 16)
    book.close()
    return buffer.getvalue()


def figures_xlsx(figures: dict, children: list[dict]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0"})
    sheet = book.add_worksheet(_("Tổng hợp"))
    sheet.write(0, 0, _("Số liệu chăm lo: %(u)s") % {"u": figures["unit"].name}, bold)
    sheet.write(
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
        sheet.write(row, 0, label)
        sheet.write_number(row, 1, value, money)
        row += 1
    row += 1
    sheet.write(row, 0, _("Theo loại chương trình"), bold)
    for _code, label, value in figures["by_kind"]:
        row += 1
        sheet.write(row, 0, label)
        sheet.write_number(row, 1, value, money)
    row += 2
    sheet.write(row, 0, _("Theo nguồn kinh phí"), bold)
    for _code, label, value in figures["by_fund"]:
        row += 1
        sheet.write(row, 0, label)
        sheet.write_number(row, 1, value, money)
    for donor in figures["donors"]:
        row += 1
        sheet.write(row, 0, "  " + donor["donor"])
        sheet.write_number(row, 1, donor["amount"], money)
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 1, 20)
    units = book.add_worksheet(_("Theo đơn vị"))
    for col, text in enumerate(
        [_("Đơn vị"), _("Mã"), _("Số người"), _("Số tiền (đồng)"), _("Xã hội hoá (đồng)")]
    ):
        units.write(0, col, text, bold)
    for i, r in enumerate(children, start=1):
        units.write(i, 0, r["unit"].name)
        units.write(i, 1, r["unit"].code)
        units.write_number(i, 2, r["people"])
        units.write_number(i, 3, r["amount"], money)
        units.write_number(i, 4, r["donations"], money)
    units.set_column(0, 0, 50)
    units.set_column(1, 4, 16)
    book.close()
    return buffer.getvalue()
