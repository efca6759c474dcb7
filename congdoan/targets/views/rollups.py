"""Pages of what the reports add up to: completeness, roll-up (and its Excel), evaluation against targets."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import excel, selectors
from ..periods import periods_in_year
from ._common import form_and_period as _form_and_period
from ._common import xlsx as _xlsx
from ._common import year_param as _year


@login_required
def completeness(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    data = selectors.completeness(scope=scope, unit=unit, form=form, period=period) if form else None
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "data": data,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/completeness.html", context)


@login_required
def rollup(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    structure = "then" if request.GET.get("structure") == "then" else "now"
    view = (
        selectors.rollup_view(scope=scope, unit=unit, form=form, period=period, structure=structure)
        if form
        else None
    )
    if view and request.GET.get("export") == "xlsx":
        return _xlsx(
            excel.rollup_xlsx(unit=unit, form=form, period=period, view=view),
            f"tong-hop-{unit.code}-{period.key}.xlsx",
        )
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "view": view,
        "structure": structure,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/rollup.html", context)


@login_required
def evaluation(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = _year(request)
    return render(
        request,
        "targets/evaluation.html",
        {"unit": unit, **selectors.evaluation(scope=scope, unit=unit, year=year)},
    )
