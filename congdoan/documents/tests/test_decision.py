import io

from docx import Document

from congdoan.documents.decisions import decision_docx, decision_pdf


def test_the_decision_prints_as_pdf_and_docx(tree, decided):
    assert decision_pdf(decided).startswith(b"%PDF")

    document = Document(io.BytesIO(decision_docx(decided)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Số: 215/QĐ-LĐLĐ" in "\n".join(cells)
    assert "Lào Cai, ngày 05 tháng 12 năm 2026" in "\n".join(cells)
    assert "Điều 1. Khen thưởng 1 tập thể và 1 cá nhân đã có thành tích xuất sắc năm 2026" in text
    everything = text + "\n".join(cells)
    assert "Nguyễn Thị Lan" in cells and "VŨ XUÂN HÀ" not in everything and "Vũ Xuân Hà" in everything


def test_the_decision_downloads_keep_their_paths(tree, decided, client):
    client.force_login(tree.province_officer)
    assert client.get(f"/emulation/decisions/{decided.pk}/docx/").content.startswith(b"PK")
    response = client.get(f"/emulation/decisions/{decided.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    client.force_login(tree.other_province_officer)
    assert client.get(f"/emulation/decisions/{decided.pk}/pdf/").status_code == 404
    assert client.get(f"/emulation/decisions/{decided.pk}/docx/").status_code == 404
