import datetime as dt
import io

from docx import Document
from python_calamine import CalamineWorkbook

from congdoan.documents import receipts
from congdoan.documents.decisions import decision_context, decision_docx
from congdoan.documents.engine import admin_header, date_line, place_of, render_html


def test_the_header_is_data(tree):
    header = admin_header(tree.lc, doc_date=dt.date(2026, 12, 6), number="215/QĐ-LĐLĐ")
    assert header["issuer_upper"] == tree.lc.name.upper()
    assert header["issuer_parent_upper"] == tree.lc.parent.name.upper()
    assert header["number_line"] == "Số: 215/QĐ-LĐLĐ"
    assert header["place"] == "Lào Cai"
    assert header["date_line"] == "Lào Cai, ngày 06 tháng 12 năm 2026"
    assert date_line("Hà Nội", dt.date(2026, 12, 6)) == "Hà Nội, ngày 06 tháng 12 năm 2026"
    assert place_of(tree.root) == "Hà Nội"
    top = admin_header(tree.root, doc_date=dt.date(2026, 12, 6))
    assert top["issuer_parent_upper"] == "CÔNG ĐOÀN VIỆT NAM" and top["number_line"] == ""


def test_pdf_and_docx_print_the_same_header(tree, decided):
    header = admin_header(decided.issuing_unit, doc_date=decided.issued_on, number=decided.number)
    html = render_html("documents/decision.html", decision_context(decided))
    document = Document(io.BytesIO(decision_docx(decided)))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for text in (
        *header["issuer_lines"],
        *header["issuer_parent_lines"],
        "Số: 215/QĐ-LĐLĐ",
        "Lào Cai, ngày 05 tháng 12 năm 2026",
        header["nation"],
        header["motto"],
    ):
        assert text in html, text
        assert text in cells, text


def test_the_receipt_workbook_prints_the_same_header(tree, tet):
    header = receipts.receipt_context(tet, [])
    rows = CalamineWorkbook.from_filelike(io.BytesIO(receipts.receipt_xlsx(tet, []))).get_sheet_by_index(0)
    text = "\n".join(str(c) for row in rows.to_python() for c in row)
    for key in ("issuer_upper", "issuer_parent_upper", "nation", "motto", "date_line"):
        assert header[key] in text, key
    assert "DANH SÁCH KÝ NHẬN" in text and tet.name in text
