"""Printed documents read back with pypdf: A4 pages, page numbers from the second page on, the text itself."""

import datetime as dt
import io

import pypdf

from congdoan.documents.engine.layout import admin_header
from congdoan.documents.engine.pdf import render_pdf


def test_a_long_document_is_a4_numbered_from_page_two_and_keeps_its_vietnamese_text(tree):
    context = {
        **admin_header(tree.lc, doc_date=dt.date(2026, 1, 5)),
        "title": "Tổng kết công tác công đoàn năm 2025",
        "paragraphs": [
            f"Đoạn số {n}: kết nạp đoàn viên, chăm lo đời sống người lao động." for n in range(1, 90)
        ],
        "areas": [],
        "signer_lines": ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"],
        "recipients": ["Lưu: VT."],
    }
    reader = pypdf.PdfReader(io.BytesIO(render_pdf("documents/review.html", context)))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)
    texts = [page.extract_text() for page in reader.pages]
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts[0] and "ngày 05 tháng 01 năm 2026" in texts[0]
    lines = [[line.strip() for line in text.splitlines() if line.strip()] for text in texts]
    assert "1" not in lines[0]  # no number on the first page
    for number, page_lines in enumerate(lines[1:], start=2):
        assert str(number) in (page_lines[0], page_lines[-1]), page_lines[:2] + page_lines[-2:]
