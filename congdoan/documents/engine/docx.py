"""Word documents: fill a docxtpl template; the decision's template builder (python-docx)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docxtpl import DocxTemplate

from .layout import MOTTO, NATION

# Times New Roman's metric-compatible free twin; Word falls back to Times New Roman where it is missing.
FONT = "Liberation Serif"
TEMPLATES = Path(__file__).resolve().parent.parent / "docx"
DECISION_DOCX = TEMPLATES / "decision.docx"


def set_font(document, name: str = FONT, style_name: str = "Normal") -> None:
    """Set a style's font (Latin and East-Asian slots) so Vietnamese text prints in ``name``."""
    style = document.styles[style_name]
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def render_docx(template_path, context: dict) -> bytes:
    """Fill a Word template (docxtpl/Jinja tags) and return the DOCX bytes, in the administrative font."""
    document = DocxTemplate(str(template_path))
    document.render(context)
    set_font(document.docx)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_decision_template(path: Path) -> Path:
    """Write the decision's Word template (docxtpl tags) with python-docx. Run once; the file is committed."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)

    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run("{{ issuer_parent_lines }}")
    p = left.add_paragraph()
    p.add_run("{{ issuer_lines }}").bold = True
    left.add_paragraph("Số: {{ number }}")
    right.paragraphs[0].add_run(NATION).bold = True
    right.add_paragraph().add_run(MOTTO).bold = True
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
    article = doc.add_paragraph()
    article.add_run("Điều 1. ").bold = True
    article.add_run("{{ article_one }}")
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
    for row in table.rows:  # a row of the list never splits across two pages
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # "Nơi nhận" on the left, the signer on the right (8 cm and 8,5 cm: the title never wraps).
    closing = doc.add_table(rows=1, cols=2)
    closing.autofit = False
    left, right = closing.rows[0].cells
    left.width, right.width = Cm(8), Cm(8.5)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.add_paragraph("{{ recipients_text }}")
    right.paragraphs[0].add_run("{{ signer_title }}").bold = True
    right.add_paragraph()
    right.add_paragraph()
    right.add_paragraph().add_run("{{ signer_name }}").bold = True
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def admin_document(header: dict) -> Document:
    """A new A4 Word document (margins of Nghị định 30/2020: top/bottom 2 cm, left 3 cm, right 1.5 cm) in the
    administrative font, opened by the header of ``admin_header``: issuer on the left, nation and motto with
    the place/date line on the right."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    set_font(doc)
    doc.styles["Normal"].font.size = Pt(13)
    for name in ("Heading 2", "Heading 3"):
        heading = doc.styles[name]
        set_font(doc, style_name=name)
        heading.font.size, heading.font.color.rgb = Pt(13), RGBColor(0, 0, 0)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    for i, line in enumerate(header["issuer_parent_lines"]):
        if i:
            left.paragraphs[0].add_run().add_break()
        left.paragraphs[0].add_run(line)
    issuer = left.add_paragraph()
    for i, line in enumerate(header["issuer_lines"]):  # broken before the place name, never inside it
        if i:
            issuer.add_run().add_break()
        issuer.add_run(line).bold = True
    if header["number_line"]:
        left.add_paragraph(header["number_line"])
    right.paragraphs[0].add_run(header["nation"]).bold = True
    right.add_paragraph().add_run(header["motto"]).bold = True
    right.add_paragraph().add_run(header["date_line"]).italic = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return doc


def docx_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
