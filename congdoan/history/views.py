"""Pages of past years' summary figures: the list (and its workbook), one unit's year, the Excel import."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form, year_param
from congdoan.org import selectors as org_selectors

from . import exports, forms, selectors, services
from .constants import SummaryItem, item_unit
from .excel import summary_rows


def _units(scope):
    """Units in scope, dissolved and merged ones too: a past year's structure."""
    return org_selectors.unit_list(scope=scope).order_by("path")


@login_required
def index(request):
    scope = Scope.of(request)
    year = year_param(request, minimum=1929)
    summaries = selectors.summary_list(scope=scope, year=year)
    if request.GET.get("format") == "xlsx":
        return file_response(
            exports.summaries_xlsx(summaries, year=year), f"so-lieu-tong-hop-{year or 'cac-nam'}.xlsx"
        )
    roots = list(org_selectors.unit_roots(scope=scope))
    totals = []
    if roots and year:
        found = selectors.summary_totals(scope=scope, unit=roots[0], year=year)
        totals = [
            (label, found[item], item_unit(item)) for item, label in SummaryItem.choices if item in found
        ]
    page = Paginator(summaries, 50).get_page(request.GET.get("page"))
    default_year = year or today().year - 1
    open_form = forms.OpenForm(initial={"year": default_year}, units=_units(scope))
    context = {
        "page": page,
        "year": year,
        "years": selectors.summary_years(scope=scope),
        "totals": totals,
        "root": roots[0] if roots else None,
        "open_form": open_form,
        "items": SummaryItem.choices,
    }
    return render(request, "history/index.html", context)


@login_required
def open_year(request):
    scope = Scope.of(request)
    form = forms.OpenForm(request.GET or None, units=_units(scope))
    if not form.is_valid():
        return redirect("history:index")
    return redirect("history:edit", unit_id=form.cleaned_data["unit"].pk, year=form.cleaned_data["year"])


@login_required
def edit(request, unit_id: int, year: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    if not 1929 <= year <= 2100:
        raise Http404
    summary = selectors.summary_find(scope=scope, unit=unit, year=year)
    initial = {}
    if summary is not None:
        initial = {f.item: f.value for f in summary.figures.all()} | {"note": summary.note}
    form = forms.SummaryForm(
        request.POST or None, initial=initial, version=summary.version if summary else None
    )

    def action(data):
        values = {item: data.get(item) for item in SummaryItem.values}
        services.summary_save(
            scope=scope,
            unit=unit,
            year=year,
            values=values,
            note=data.get("note", ""),
            version=data.get("version"),
        )
        return reverse("history:index") + f"?year={year}"

    return run_form(
        request,
        action,
        form=form,
        template="history/edit.html",
        context={"unit": unit, "year": year, "summary": summary},
        success=_("Đã lưu số liệu tổng hợp."),
    )


@login_required
def import_file(request):
    scope = Scope.of(request)
    form = forms.SummaryImportForm(request.POST or None, request.FILES or None)

    def action(data):
        rows = summary_rows(data["file"].read())
        units = org_selectors.units_by_codes(
            {r["unit_code"] for r in rows if r["unit_code"]}, ignore_case=True
        )
        made = services.summaries_import(scope=scope, rows=rows, units=units)
        return reverse("history:index") + f"?year={made[0].year}"

    return run_form(
        request,
        action,
        form=form,
        template="history/import.html",
        context={"items": SummaryItem.choices},
        success=_("Đã nhập số liệu tổng hợp."),
    )
