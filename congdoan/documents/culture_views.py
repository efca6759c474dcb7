"""The culture-standard list as a printed document (the page and its Excel export live in the culture app)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404

from congdoan.core.dates import today
from congdoan.core.files import export_name, file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import int_param, year_param
from congdoan.culture import selectors as culture_selectors
from congdoan.culture.constants import Status
from congdoan.org import selectors as org_selectors

from .culture_list import culture_list_pdf

MAX_ROWS = 5000


@login_required
def culture_list(request):
    """?unit= (a unit in scope; else the user's first unit) &year=: the unions below that registered."""
    scope = Scope.of(request)
    unit = org_selectors.unit_roots(scope=scope).first()
    pk = int_param(request, "unit")
    if pk:
        try:
            unit = org_selectors.unit_get(scope=scope, pk=pk)
        except Http404:
            pass
    if unit is None:
        raise Http404
    year = year_param(request, today().year, minimum=2000, maximum=today().year + 1)
    figures = culture_selectors.culture_figures(scope=scope, unit=unit, year=year)
    rows, _count = culture_selectors.union_rows(
        scope=scope, unit=unit, year=year, status=Status.REGISTERED, limit=MAX_ROWS
    )
    return file_response(
        culture_list_pdf(figures, rows), export_name("dat-chuan-van-hoa", unit.code, year, ext="pdf")
    )
