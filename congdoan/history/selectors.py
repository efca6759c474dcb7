"""Reads of past years' summary figures; each takes a Scope."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from congdoan.core.scoping import Scope

from .models import SummaryFigure, YearSummary


def summary_list(*, scope: Scope, year: int | None = None, unit=None) -> QuerySet[YearSummary]:
    qs = scope.filter(YearSummary.objects.select_related("unit").prefetch_related("figures"), "unit__path")
    if year:
        qs = qs.filter(year=year)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.order_by("-year", "unit__path")


def summary_find(*, scope: Scope, unit, year: int) -> YearSummary | None:
    return summary_list(scope=scope, year=year).filter(unit=unit).first()


def summary_years(*, scope: Scope) -> list[int]:
    return sorted(set(scope.filter(YearSummary.objects.all(), "unit__path").values_list("year", flat=True)))


def summary_totals(*, scope: Scope, unit, year: int) -> dict[str, int]:
    """{item: value} for ``unit``'s subtree in ``year``: per item, the summaries of the highest units that
    have one (a unit's own summary already covers everything below it, so those below are not added)."""
    rows = (
        scope.filter(SummaryFigure.objects.all(), "summary__unit__path")
        .filter(summary__year=year, summary__unit__path__startswith=unit.path)
        .values_list("item", "summary__unit__path", "value")
        .order_by("item", "summary__unit__path")
    )
    kept: dict[str, list[str]] = defaultdict(list)
    totals: dict[str, int] = defaultdict(int)
    for item, path, value in rows:  # ordered by path: an ancestor comes before its descendants
        if any(path.startswith(above) for above in kept[item]):
            continue
        kept[item].append(path)
        totals[item] += value
    return dict(totals)
