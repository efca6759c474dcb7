"""Render Vietnamese administrative documents: PDF from HTML templates (WeasyPrint), DOCX (docxtpl), XLSX.

Heavy libraries are imported inside the functions so that start-up and tests that do not print stay fast.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render a Django template that extends ``documents/admin_base.html`` to PDF bytes (A4, Times-like font)."""
    from weasyprint import HTML

    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render_docx(template_path, context: dict) -> bytes:
    """Fill a Word template (docxtpl/Jinja tags) and return the DOCX bytes."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template_path))
    document.render(context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
