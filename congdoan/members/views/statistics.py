"""The statistics page and its Excel export (a Job above the inline row limit)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import exports, forms, stats
from ..stats_export import workbook_bytes


def _stats_params(request, scope: Scope):
    form = forms.StatsForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    unit_id = data.get("unit")
    if unit_id:
        unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    else:
        unit = org_selectors.unit_roots(scope=scope).first()
        if unit is None:
            raise Http404
    on = data.get("on") or today()
    end = data.get("end") or on
    start = data.get("start") or dt.date(end.year, 1, 1)
    if start > end:
        start, end = end, start
    return form, unit, on, start, end


def _body(scope: Scope, unit, on: dt.date, start: dt.date, end: dt.date) -> str:
    """The page's body (everything below the menu) for ``unit`` (in scope): the same for every user with the
    same scope, so kept rendered in the cache until the next write."""
    report = stats.report(scope=scope, unit=unit, on=on, start=start, end=end)
    context = {
        "r": report,
        "query": f"on={on:%Y-%m-%d}&start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
        "ethnicities": stats.ethnicity_rows(report.snapshot),
        "ages": stats.age_rows(report.snapshot),
        "sectors": stats.sector_rows(report.snapshot),
        "parent": unit.parent
        if unit.parent_id and org_selectors.unit_list(scope=scope).filter(pk=unit.parent_id).exists()
        else None,
    }
    return render_to_string("members/partials/statistics_body.html", context)


@login_required
def statistics(request):
    scope = Scope.of(request)
    _form, unit, on, start, end = _stats_params(request, scope)
    parts = ("statistics", unit.pk, unit.path, on, start, end)
    body = stats.kept(
        scope=scope, parts=parts, compute=lambda: _body(scope, unit, on, start, end), units=(unit,)
    )
    return render(request, "members/statistics.html", {"body": body})


@login_required
def statistics_export(request):
    scope = Scope.of(request)
    _form, unit, on, start, end = _stats_params(request, scope)
    rows = exports.statistics_rows(scope=scope, unit=unit)
    if rows > exports.inline_rows():
        job = exports.statistics_export_start(scope=scope, unit=unit, on=on, start=start, end=end, rows=rows)
        return redirect(job.get_absolute_url())
    report = stats.report(scope=scope, unit=unit, on=on, start=start, end=end)
    return file_response(workbook_bytes(report), exports.statistics_export_name(unit, on))
