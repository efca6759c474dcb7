"""The pipeline list of a unit's subtree and the figures per period."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from congdoan.core.dates import today

from .. import forms, selectors
from ._common import officer_scope


def _filters(request, scope):
    units = selectors.action_units(scope=scope)
    form = forms.FilterForm(request.GET or None, units=units)
    data = form.cleaned_data if form.is_valid() else {}
    return form, units, data


@login_required
def index(request):
    scope = officer_scope(request)
    form, _units, data = _filters(request, scope)
    rows = selectors.introductions(
        scope=scope,
        unit=data.get("unit"),
        status=data.get("status") or "",
        start=data.get("start"),
        end=data.get("end"),
    )
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    return render(request, "party/index.html", {"form": form, "page": page})


@login_required
def figures(request):
    scope = officer_scope(request)
    form, units, data = _filters(request, scope)
    unit = data.get("unit") or units.first()
    year = today().year
    start = data.get("start") or dt.date(year, 1, 1)
    end = data.get("end") or dt.date(year, 12, 31)
    context = {"form": form, "unit": unit, "start": start, "end": end}
    if unit is not None:
        context["f"] = selectors.party_figures(scope=scope, unit=unit, start=start, end=end)
        context["children"] = selectors.party_figures_children(scope=scope, unit=unit, start=start, end=end)
    return render(request, "party/figures.html", context)
