"""Printed documents of union finance: a month's dues receipt list, and budgets/settlements (B14/B07-TLĐ)
as XLSX, PDF and DOCX, on the document engine."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.money import format_number, format_vnd
from congdoan.core.xlsx import Workbook
from congdoan.finance import selectors as finance_selectors
from congdoan.finance.services import roll_totals

from .engine import admin_header, render_pdf, titled_sheet, vnd_in_words
from .engine.docx import admin_document, docx_bytes


def receipts_context(roll) -> dict:
    lines = finance_selectors.roll_lines(roll=roll)
    rows = [
        {
            "no": i,
            "name": line.member.full_name,
            "code": line.member.code or "",
            "pay": line.pay,
            "due": line.due,
            "paid": line.paid,
        }
        for i, line in enumerate(lines, start=1)
    ]
    totals = roll_totals(roll)
    return {
        **admin_header(roll.unit, doc_date=today(), place=""),
        "roll": roll,
        "month": f"{roll.month:%m/%Y}",
        "rows": rows,
        "totals": totals,
        "total_text": format_vnd(totals["paid"]),
        "total_words": vnd_in_words(totals["paid"]),
    }


def receipts_pdf(roll) -> bytes:
    return render_pdf("documents/finance/receipts.html", receipts_context(roll))


def receipts_xlsx(roll) -> bytes:
    context = receipts_context(roll)
    book = Workbook()
    sheet, row = titled_sheet(
        book,
        _("Thu đoàn phí"),
        header=context,
        title=_("DANH SÁCH THU ĐOÀN PHÍ CÔNG ĐOÀN"),
        subtitle=_("Tháng %(m)s") % {"m": context["month"]},
    )
    headers = [
        _("STT"),
        _("Họ và tên"),
        _("Mã đoàn viên"),
        _("Tiền lương (đồng)"),
        _("Đoàn phí (đồng)"),
        _("Đã đóng (đồng)"),
        _("Ký nhận"),
    ]
    rows = [[r["no"], r["name"], r["code"], r["pay"], r["due"], r["paid"], ""] for r in context["rows"]]
    row = book.write_table(sheet, row, headers, rows, money_cols=(3, 4, 5))
    money = book.format(bold=True, num_format="#,##0")
    book.write(sheet, row, 1, _("Tổng cộng"), book.format(bold=True))
    book.write(sheet, row, 4, context["totals"]["due"], money)
    book.write(sheet, row, 5, context["totals"]["paid"], money)
    book.write(sheet, row + 1, 0, _("Bằng chữ: %(w)s.") % {"w": context["total_words"]})
    for col, width in enumerate((6, 28, 14, 16, 14, 14, 14)):
        sheet.set_column(col, col, width)
    return book.close()


def statement_context(statement) -> dict:
    lines = list(statement.lines.all())
    title = (
        _("DỰ TOÁN THU, CHI TÀI CHÍNH CÔNG ĐOÀN")
        if statement.kind == "budget"
        else _("BÁO CÁO QUYẾT TOÁN THU, CHI TÀI CHÍNH CÔNG ĐOÀN")
    )
    form = "B14-TLĐ" if statement.kind == "budget" else "B07-TLĐ"
    return {
        **admin_header(statement.unit, doc_date=today(), place=""),
        "statement": statement,
        "title": title,
        "form_code": form,
        "lines": [
            {
                "code": line.line,
                "label": line.get_line_display(),
                "last_year": line.last_year,
                "amount": line.amount,
                "approved": line.approved,
            }
            for line in lines
        ],
    }


def statement_pdf(statement) -> bytes:
    return render_pdf("documents/finance/statement.html", statement_context(statement))


def statement_xlsx(statement) -> bytes:
    context = statement_context(statement)
    book = Workbook()
    sheet, row = titled_sheet(
        book,
        context["form_code"],
        header=context,
        title=context["title"],
        subtitle=_("Năm %(y)s — mẫu %(f)s") % {"y": statement.year, "f": context["form_code"]},
    )
    headers = [
        _("Mã"),
        _("Khoản mục"),
        _("Năm trước (đồng)"),
        _("Năm nay (đồng)"),
        _("Cấp trên duyệt (đồng)"),
    ]
    rows = [[r["code"], r["label"], r["last_year"], r["amount"], r["approved"]] for r in context["lines"]]
    book.write_table(sheet, row, headers, rows, money_cols=(2, 3, 4))
    for col, width in enumerate((8, 48, 18, 18, 18)):
        sheet.set_column(col, col, width)
    return book.close()


def statement_docx(statement) -> bytes:
    context = statement_context(statement)
    doc = admin_document(context)
    doc.add_paragraph().add_run(context["title"]).bold = True
    doc.add_paragraph(_("Năm %(y)s — mẫu %(f)s") % {"y": statement.year, "f": context["form_code"]})
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        (_("Mã"), _("Khoản mục"), _("Năm trước"), _("Năm nay"), _("Cấp trên duyệt")),
        strict=True,
    ):
        cell.text = text
    for r in context["lines"]:
        cells = table.add_row().cells
        values = (
            r["code"],
            r["label"],
            format_number(r["last_year"]),
            format_number(r["amount"]),
            "" if r["approved"] is None else format_number(r["approved"]),
        )
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return docx_bytes(doc)
