"""The printed culture-standard list: the unions that registered, their standing and decision."""

import datetime as dt
import io

from pypdf import PdfReader

from congdoan.culture.tests.conftest import recognise, register


def test_culture_list_pdf(tree, login):
    register(tree.g1, 2024)
    recognise(register(tree.g1, 2025), dt.date(2025, 12, 20))
    register(tree.g2, 2025, met=3)
    register(tree.g4, 2025)  # Đà Nẵng: never on Lào Cai's list
    client = login(tree.province_officer)
    answer = client.get("/culture/list.pdf", {"unit": tree.lc.pk, "year": 2025})
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.content)).pages)
    text = " ".join(text.split())
    assert "NĂM 2025" in text and "2/3" in text and "66,67 %" in text
    assert tree.g1.name in text and "15/QĐ-UBND" in text and "3/4" in text
    assert tree.g4.name not in text and tree.g3.name not in text
    outside = client.get("/culture/list.pdf", {"unit": tree.dn.pk, "year": 2025})
    assert outside.status_code == 200  # an out-of-scope unit falls back to the officer's own
