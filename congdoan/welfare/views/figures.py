"""The welfare figures page (and its Excel export)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import exports, forms, selectors
from ..levels import welfare_by_level
from ..social.selectors import social_figures
from ._common import _units


@login_required
def figures(request):
    scope = Scope.of(request)
    units = _units(scope)
    form = forms.FiguresForm(request.GET or None, units=units)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit = roots[0] if roots else None
    year = today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if form.is_valid():
        unit = form.cleaned_data["unit"] or unit
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
    if unit is None:
        raise PermissionDenied
    data = selectors.welfare_figures(scope=scope, unit=unit, start=start, end=end)
    children = selectors.welfare_figures_children(scope=scope, unit=unit, start=start, end=end)
    levels = welfare_by_level(scope=scope, unit=unit, start=start, end=end)
    social = social_figures(scope=scope, unit=unit, start=start, end=end)
    if request.GET.get("format") == "xlsx":
        book = exports.figures_xlsx(data, children, levels=levels, social=social)
        return file_response(book, f"so-lieu-cham-lo-{unit.code}.xlsx")
    context = {"form": form, "f": data, "children": children, "unit": unit, "start": start, "end": end}
    context |= {"levels": levels, "s": social}
    return render(request, "welfare/figures.html", context)
