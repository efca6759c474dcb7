"""Download of the decision recognising a term's committees (PDF or DOCX), scoped as the term's page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404

from congdoan.congress import selectors as congress_selectors
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope

from . import congress_decision


@login_required
def congress_decision_file(request, pk: int, fmt: str):
    term = congress_selectors.term_get(scope=Scope.of(request), pk=pk)
    if fmt not in ("pdf", "docx") or not term.decision_no or term.decision_date is None:
        raise Http404
    data = congress_decision.decision_pdf(term) if fmt == "pdf" else congress_decision.decision_docx(term)
    return file_response(data, congress_decision.decision_filename(term, fmt))
