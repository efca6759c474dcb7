"""What a new user found in the printed decision, certificate and receipt list, each read back from the files
(pypdf text, python-docx): the same Article 1 in PDF and DOCX without "0 tập thể", "Nơi nhận", the signer's
name, the place name (not the union's), the issuer's name broken before its place, list rows kept whole,
an amount never split from its "đ"."""

import datetime as dt
import io
from types import SimpleNamespace

from docx import Document
from pypdf import PdfReader

from congdoan.documents import receipts
from congdoan.documents.decisions import article_one, decision_docx, decision_pdf
from congdoan.documents.engine import admin_header, place_of
from congdoan.documents.engine.layout import name_lines
from congdoan.welfare.models import Payment

from .test_receipt import approved


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> tuple[str, str]:
    document = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    return paragraphs, cells


def test_article_one_leaves_out_a_zero_part():
    decision = SimpleNamespace(year=2025)
    assert article_one(decision, 6, 17).startswith("Khen thưởng 6 tập thể và 17 cá nhân đã có thành tích")
    assert article_one(decision, 0, 3).startswith("Khen thưởng 3 cá nhân đã có")
    assert article_one(decision, 2, 0).startswith("Khen thưởng 2 tập thể đã có")
    assert "0 tập thể" not in article_one(decision, 0, 1)


def test_the_decision_says_the_same_in_pdf_and_docx_with_recipients_and_signer(tree, decided):
    sentence = article_one(decided, 1, 1)
    pdf = " ".join(pdf_text(decision_pdf(decided)).split())
    paragraphs, cells = docx_text(decision_docx(decided))
    assert f"Điều 1. {sentence}" in pdf
    assert f"Điều 1. {sentence}" in paragraphs
    for text in ("Nơi nhận:", "- Như Điều 2;", "- Lưu: VT, TĐKT.", decided.signer_name):
        assert text in pdf, text
        assert text in cells, text
    assert "Lào Cai, ngày 05 tháng 12 năm 2026" in pdf and "Lào Cai, ngày 05 tháng 12 năm 2026" in cells


def test_the_decision_list_rows_never_split_across_pages(tree, decided):
    document = Document(io.BytesIO(decision_docx(decided)))
    listing = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    assert all(row._tr.trPr is not None and row._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
        for row in listing.rows)  # fmt: skip


def test_the_place_is_where_the_issuer_sits_never_its_name(tree):
    assert place_of(tree.lc) == "Lào Cai"
    assert place_of(tree.bt) == "Bảo Thắng"  # Công đoàn xã Bảo Thắng
    assert place_of(tree.g1) == "Bảo Thắng"  # a grassroots union: its commune's
    assert place_of(tree.root) == "Hà Nội"
    header = admin_header(tree.g1, doc_date=dt.date(2026, 1, 5))
    assert header["date_line"] == "Bảo Thắng, ngày 05 tháng 01 năm 2026"


def test_the_issuers_name_breaks_before_its_place_not_inside_it(tree, decided):
    assert name_lines("LIÊN ĐOÀN LAO ĐỘNG TỈNH LÀO CAI") == ["LIÊN ĐOÀN LAO ĐỘNG", "TỈNH LÀO CAI"]
    assert name_lines("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", national=True) == [
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG",
        "VIỆT NAM",
    ]
    assert name_lines("CÔNG ĐOÀN XÃ BẢO THẮNG") == ["CÔNG ĐOÀN XÃ BẢO THẮNG"]
    lines = pdf_text(decision_pdf(decided)).splitlines()
    assert "LIÊN ĐOÀN LAO ĐỘNG" in lines and "TỈNH LÀO CAI" in lines
    _paragraphs, cells = docx_text(decision_docx(decided))
    assert "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH LÀO CAI" in cells


def test_an_amount_never_leaves_its_dong_sign_alone_on_a_line(tree, members, tet):
    approved(tet, members["g1"], tree)
    payments = Payment.objects.filter(programme=tet)
    text = pdf_text(receipts.receipt_pdf(tet, payments))
    lines = [line.strip() for line in text.splitlines()]
    assert "đ" not in lines
    assert all(not line.startswith("đ ") for line in lines)
    assert receipts.receipt_context(tet, payments)["total_text"] in text
