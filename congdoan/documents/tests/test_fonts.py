import io
import re
import zlib

from docx import Document

from congdoan.documents.decisions import decision_docx, decision_pdf
from congdoan.documents.engine import FONT_STACK, NATION


def pdf_base_fonts(data: bytes) -> list[bytes]:
    """The /BaseFont names of a PDF (WeasyPrint packs its objects into compressed streams)."""
    text = data
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return re.findall(rb"/BaseFont\s*/([^\s/>]+)", text)


def test_the_pdf_embeds_liberation_serif(tree, decided):
    assert FONT_STACK.startswith('"Liberation Serif"')
    fonts = pdf_base_fonts(decision_pdf(decided))
    assert fonts and all(b"LiberationSerif" in f.replace(b"-", b"") for f in fonts)


def test_the_docx_is_set_in_liberation_serif_and_keeps_vietnamese_text(tree, decided):
    document = Document(io.BytesIO(decision_docx(decided)))
    assert document.styles["Normal"].font.name == "Liberation Serif"
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert NATION == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert NATION in cells and "Độc lập - Tự do - Hạnh phúc" in cells
