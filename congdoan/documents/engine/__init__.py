"""The document engine: PDF (WeasyPrint), DOCX (docxtpl), XLSX (core.xlsx), one administrative header."""

from .docx import DECISION_DOCX, build_decision_template, render_docx, set_font
from .layout import MOTTO, NATION, admin_header, date_line, place_of, signature
from .pdf import FONT_STACK, render_html, render_pdf
from .words import vnd_in_words
from .xlsx import titled_sheet, write_header

__all__ = [
    "DECISION_DOCX",
    "FONT_STACK",
    "MOTTO",
    "NATION",
    "admin_header",
    "build_decision_template",
    "date_line",
    "place_of",
    "render_docx",
    "render_html",
    "render_pdf",
    "set_font",
    "signature",
    "titled_sheet",
    "vnd_in_words",
    "write_header",
]
