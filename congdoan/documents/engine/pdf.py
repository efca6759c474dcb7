"""HTML template → PDF bytes with WeasyPrint (A4, Liberation Serif first in the font stack)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

FONT_STACK = '"Liberation Serif", "Times New Roman", "DejaVu Serif", serif'


def render_html(template_name: str, context: dict, *, request=None) -> str:
    return render_to_string(template_name, {"font_stack": FONT_STACK, **context}, request=request)


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render a template that extends ``documents/admin_base.html`` to PDF bytes."""
    # WeasyPrint takes about a second to import; only printing pays for it.
    from weasyprint import HTML

    html = render_html(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
