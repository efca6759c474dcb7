"""Printable outputs: the decision (PDF and DOCX, Vietnamese administrative layout), certificates, Excel."""

from __future__ import annotations

import io
from pathlib import Path

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.documents.rendering import render_docx, render_pdf

from . import selectors

DECISION_DOCX = Path(__file__).parent / "docx" / "decision.docx"


def _place(unit) -> str:
    """The place name in the date line: the province's name from the issuing unit's name."""
    for marker in (" tỉnh ", " thành phố "):
        if marker in unit.name:
            return unit.name.split(marker, 1)[1]
    return "Hà Nội" if unit.depth == 0 else unit.name


def decision_context(decision) -> dict:
    awards = list(selectors.decision_awards(decision=decision))
    issuer = decision.issuing_unit
    parent = issuer.parent
    return {
        "decision": decision,
        "awards": awards,
        "collectives": [a for a in awards if not a.member_id],
        "individuals": [a for a in awards if a.member_id],
        "issuer": issuer.name,
        "issuer_parent": parent.name if parent else "CÔNG ĐOÀN VIỆT NAM",
        "doc_number": decision.number,
        "doc_date": decision.issued_on,
        "place": _place(issuer),
    }


def decision_pdf(decision) -> bytes:
    return render_pdf("emulation/pdf/decision.html", decision_context(decision))


def certificate_pdf(award) -> bytes:
    issuer = award.decision.issuing_unit
    return render_pdf(
        "emulation/pdf/certificate.html",
        {
            "award": award,
            "issuer": issuer.name,
            "issuer_parent": issuer.parent.name if issuer.parent else "CÔNG ĐOÀN VIỆT NAM",
            "doc_number": award.decision.number,
            "doc_date": award.decision.issued_on,
            "place": _place(issuer),
        },
    )


def decision_docx(decision) -> bytes:
    if not DECISION_DOCX.exists():
        build_decision_template(DECISION_DOCX)
    context = decision_context(decision)
    rows = [
        {
            "no": i,
            "name": a.recipient_name,
            "unit": a.unit.name if a.member_id else "",
            "kind": a.award_kind.name,
        }
        for i, a in enumerate(context["awards"], start=1)
    ]
    return render_docx(
        DECISION_DOCX,
        {
            "issuer_parent": context["issuer_parent"].upper(),
            "issuer": context["issuer"].upper(),
            "number": decision.number,
            "place": context["place"],
            "day": decision.issued_on.strftime("%d"),
            "month": decision.issued_on.strftime("%m"),
            "year": decision.issued_on.strftime("%Y"),
            "subject": decision.subject,
            "award_year": decision.year,
            "rows": rows,
            "count": len(rows),
            "signer_title": decision.signer_title.upper(),
            "signer_name": decision.signer_name,
        },
    )


def build_decision_template(path: Path) -> Path:
    """Write the decision's Word template (docxtpl tags) with python-docx. Run once; the file is committed."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)

    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run("{{ issuer_parent }}")
    p = left.add_paragraph()
    p.add_run("{{ issuer }}").bold = True
    left.add_paragraph("Số: {{ number }}")
    right.paragraphs[0].add_run("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph().add_run(
        "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}"
    ).italic = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("QUYẾT ĐỊNH").bold = True
    subject = doc.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run("{{ subject }}").bold = True
    doc.add_paragraph(
        "Căn cứ Luật Thi đua, khen thưởng năm 2022; căn cứ Quy chế khen thưởng của tổ chức Công đoàn; "
        "xét đề nghị của Hội đồng Thi đua – Khen thưởng,"
    )
    decides = doc.add_paragraph()
    decides.alignment = WD_ALIGN_PARAGRAPH.CENTER
    decides.add_run("QUYẾT ĐỊNH:").bold = True
    doc.add_paragraph(
        "Điều 1. Khen thưởng {{ count }} tập thể, cá nhân đã có thành tích xuất sắc năm {{ award_year }} "
        "(danh sách kèm theo)."
    )
    table = doc.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["TT", "Tập thể, cá nhân", "Đơn vị", "Hình thức"], strict=True
    ):
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    cells = table.rows[2].cells
    # docxtpl needs the loop's end in its own row; put it after the data row.
    row_end = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text, cells[3].text = (
        "{{ r.no }}",
        "{{ r.name }}",
        "{{ r.unit }}",
        "{{ r.kind }}",
    )
    row_end[0].text = "{%tr endfor %}"
    doc.add_paragraph(
        "Điều 2. Các đơn vị, tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này."
    )
    signature = doc.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.add_run("{{ signer_title }}").bold = True
    doc.add_paragraph()
    name = doc.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    name.add_run("{{ signer_name }}").bold = True
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def figures_xlsx(*, data: dict, unit, year: int) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from .constants import GrantingLevel

    wb = Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws.append([_("Kết quả khen thưởng năm %(y)s — %(u)s") % {"y": year, "u": unit.name}])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append([_("Hình thức"), _("Cấp khen"), _("Tổng số"), _("Tập thể"), _("Cá nhân"), _("Trong đó nữ")])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    levels = dict(GrantingLevel.choices)
    for row in data["by_kind"]:
        ws.append(
            [
                row["award_kind__name"],
                str(levels.get(row["award_kind__granting_level"], "")),
                row["n"],
                row["collectives"],
                row["individuals"],
                row["women"],
            ]
        )
    ws.append([_("Cộng"), "", data["total"], data["collectives"], data["individuals"], data["women"]])
    ws.append([])
    ws.append([_("Kỷ niệm chương đã tặng"), "", data["medals"]])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 36
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def certificate_filename(award) -> str:
    return f"giay-chung-nhan-{award.pk}-{format_date(award.decision.issued_on).replace('/', '-')}.pdf"
