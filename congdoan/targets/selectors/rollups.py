"""Roll-ups: a unit's figure from its own approved values and those below it, stored or recomputed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import (
    existing_on,
    natural_order,
    subtree_ids_on,
    unit_children,
    unit_get,
    units_below,
    units_by_pks,
)

from ..constants import Aggregation, ReportStatus, Source
from ..models import Indicator, Report, ReportForm, ReportValue, Rollup
from ..periods import Period


@dataclass
class Figure:
    value: Decimal | None
    n: int = 0
    provisional: bool = False

    @property
    def approved(self) -> bool:
        return self.value is not None and not self.provisional


def combine(total: Decimal, n: int, aggregation: str) -> Decimal | None:
    if n == 0:
        return None
    return total / n if aggregation == Aggregation.AVERAGE else total


def aggregate_below(
    *, unit_ids, exclude_id: int | None, indicators: list[Indicator], start: dt.date, end: dt.date
) -> dict[int, tuple[Decimal, int]]:
    """Straight from the approved values (no stored roll-ups): {indicator_id: (total, count)}.

    ``unit_ids`` may be a subquery. Manual values count at every level, computed ones at grassroots only.
    """
    qs = ReportValue.objects.filter(
        report__unit_id__in=unit_ids,
        report__status=ReportStatus.APPROVED,
        report__period_start=start,
        report__period_end=end,
        indicator__in=indicators,
        value__isnull=False,
    ).exclude(aggregation=Aggregation.NONE)
    if exclude_id is not None:
        qs = qs.exclude(report__unit_id=exclude_id)
    qs = qs.filter(Q(is_computed=False) | Q(report__unit__kind__is_grassroots=True))
    rows = qs.values("indicator_id").annotate(total=Sum("value"), n=Count("id"))
    return {r["indicator_id"]: (Decimal(r["total"]), r["n"]) for r in rows}


def rollup_brute(*, unit: Unit, indicator: Indicator, start: dt.date, end: dt.date) -> tuple[Decimal, int]:
    """The roll-up of ``unit`` computed from scratch over its current subtree (tests, benchmark)."""
    ids = units_below(unit).values("id")
    return aggregate_below(
        unit_ids=ids, exclude_id=unit.pk, indicators=[indicator], start=start, end=end
    ).get(indicator.pk, (Decimal(0), 0))


def rollup_stored(*, unit: Unit, indicator: Indicator, start: dt.date, end: dt.date) -> tuple[Decimal, int]:
    row = Rollup.objects.filter(unit=unit, indicator=indicator, period_start=start, period_end=end).first()
    return (row.total, row.n_values) if row else (Decimal(0), 0)


def _own(unit_ids, indicators, period: Period) -> dict[tuple[int, int], Decimal]:
    rows = ReportValue.objects.filter(
        report__unit_id__in=unit_ids,
        report__status=ReportStatus.APPROVED,
        report__period_start=period.start,
        report__period_end=period.end,
        indicator__in=indicators,
        value__isnull=False,
    ).values_list("report__unit_id", "indicator_id", "value")
    return {(u, i): v for u, i, v in rows}


def _coverage(unit: Unit, period: Period, *, include_self: bool, ids=None) -> tuple[int, int]:
    """(units with an approved report for the period, units expected to report) in the subtree."""
    subtree = units_by_pks(ids) if ids is not None else units_below(unit)
    subtree = subtree.filter(existing_on(period.end))
    if not include_self:
        subtree = subtree.exclude(pk=unit.pk)
    expected = subtree.count()
    approved = (
        Report.objects.filter(
            unit__in=subtree, status=ReportStatus.APPROVED, period_start=period.start, period_end=period.end
        )
        .values("unit_id")
        .distinct()
        .count()
    )
    return approved, expected


def _below(unit: Unit, indicators, period: Period, structure: str) -> dict[int, tuple[Decimal, int]]:
    if structure == "then":
        ids = subtree_ids_on(root_id=unit.pk, on=period.end)
        return aggregate_below(
            unit_ids=ids, exclude_id=unit.pk, indicators=indicators, start=period.start, end=period.end
        )
    rows = Rollup.objects.filter(
        unit=unit, indicator__in=indicators, period_start=period.start, period_end=period.end
    ).values_list("indicator_id", "total", "n_values")
    return {i: (t, n) for i, t, n in rows if n}


def unit_figures(
    *, unit: Unit, indicators: list[Indicator], period: Period, structure: str = "now"
) -> dict[int, Figure]:
    """The unit's figure per indicator: its own approved value together with the approved values below it."""
    below = _below(unit, indicators, period, structure)
    own = _own([unit.pk], indicators, period)
    ids = subtree_ids_on(root_id=unit.pk, on=period.end) if structure == "then" else None
    approved, expected = _coverage(unit, period, include_self=True, ids=ids)
    return _figures_of(unit, indicators, own, below, approved < expected)


def _figures_of(unit: Unit, indicators, own: dict, below: dict, provisional: bool) -> dict[int, Figure]:
    """The unit's figure per indicator from its own approved values and the approved values below it."""
    figures = {}
    for ind in indicators:
        mine = own.get((unit.pk, ind.pk))
        total, n = below.get(ind.pk, (Decimal(0), 0))
        if ind.source == Source.COMPUTED and unit.kind.is_grassroots:
            total, n = (mine, 1) if mine is not None else (Decimal(0), 0)
        elif ind.source == Source.MANUAL and mine is not None and ind.aggregation != Aggregation.NONE:
            total, n = total + mine, n + 1
        elif ind.aggregation == Aggregation.NONE:
            total, n = (mine, 1) if mine is not None else (Decimal(0), 0)
        figures[ind.pk] = Figure(combine(total, n, ind.aggregation), n, provisional)
    return figures


def _any_period(periods: list[Period], prefix: str = "") -> Q:
    spans = Q(pk__in=[])
    for p in periods:
        spans |= Q(**{f"{prefix}period_start": p.start, f"{prefix}period_end": p.end})
    return spans


def unit_figures_many(
    *, unit: Unit, indicators: list[Indicator], periods: list[Period]
) -> dict[Period, dict[int, Figure]]:
    """``unit_figures`` (structure "now") for several periods at once: {period: {indicator: Figure}}, in four
    queries whatever the number of periods (the stored roll-ups, the unit's own values, the units expected
    to report and those approved), not four per period."""
    periods = list(dict.fromkeys(periods))
    if not periods:
        return {}
    spans = _any_period(periods)
    below: dict[tuple, dict[int, tuple[Decimal, int]]] = defaultdict(dict)
    for start, end, ind, total, n in Rollup.objects.filter(
        spans, unit=unit, indicator__in=indicators
    ).values_list("period_start", "period_end", "indicator_id", "total", "n_values"):
        if n:
            below[(start, end)][ind] = (total, n)
    own: dict[tuple, dict[tuple[int, int], Decimal]] = defaultdict(dict)
    values = ReportValue.objects.filter(
        report__unit_id=unit.pk,
        report__status=ReportStatus.APPROVED,
        indicator__in=indicators,
        value__isnull=False,
    ).filter(_any_period(periods, "report__"))
    for start, end, ind, value in values.values_list(
        "report__period_start", "report__period_end", "indicator_id", "value"
    ):
        own[(start, end)][(unit.pk, ind)] = value
    subtree = units_below(unit)
    ends = sorted({p.end for p in periods})
    expected = subtree.aggregate(
        **{f"e{i}": Count("id", filter=existing_on(day)) for i, day in enumerate(ends)}
    )
    alive = {
        day: Q(unit__founded_on__lte=day)
        & (Q(unit__dissolved_on__isnull=True) | Q(unit__dissolved_on__gte=day))
        for day in ends
    }
    approved = Report.objects.filter(spans, unit__in=subtree, status=ReportStatus.APPROVED).aggregate(
        **{
            f"a{i}": Count(
                "unit_id", distinct=True, filter=Q(period_start=p.start, period_end=p.end) & alive[p.end]
            )
            for i, p in enumerate(periods)
        }
    )
    out = {}
    for i, p in enumerate(periods):
        provisional = approved[f"a{i}"] < expected[f"e{ends.index(p.end)}"]
        out[p] = _figures_of(unit, indicators, own[(p.start, p.end)], below[(p.start, p.end)], provisional)
    return out


def children_aggregate(*, unit: Unit, indicators: list[Indicator], period: Period) -> dict[int, Figure]:
    """The aggregate of the approved values below ``unit`` per indicator, marked provisional if incomplete."""
    below = _below(unit, indicators, period, "now")
    approved, expected = _coverage(unit, period, include_self=False)
    return {
        ind.pk: Figure(
            combine(*below.get(ind.pk, (Decimal(0), 0)), ind.aggregation),
            below.get(ind.pk, (0, 0))[1],
            approved < expected,
        )
        for ind in indicators
    }


def rollup_view(
    *, scope: Scope, unit: Unit, form: ReportForm, period: Period, structure: str = "now"
) -> dict:
    """A parent's report: own entries, the aggregate of its children's approved values, and each child."""
    unit_get(scope=scope, pk=unit.pk)
    indicators = [item.indicator for item in form.items.select_related("indicator")]
    own = _own([unit.pk], indicators, period)
    own_report = Report.objects.filter(unit=unit, form=form, period_start=period.start).first()
    below = _below(unit, indicators, period, structure)
    ids = subtree_ids_on(root_id=unit.pk, on=period.end) if structure == "then" else None
    approved, expected = _coverage(unit, period, include_self=False, ids=ids)
    on = period.end if structure == "then" else None
    kids = natural_order(unit_children(scope=scope, unit=unit, on=on))
    kid_figures = {
        k.pk: unit_figures(unit=k, indicators=indicators, period=period, structure=structure) for k in kids
    }
    rows = []
    for n, ind in enumerate(indicators, start=1):
        total, count = below.get(ind.pk, (Decimal(0), 0))
        rows.append(
            {
                "stt": n,
                "indicator": ind,
                "own": own.get((unit.pk, ind.pk)),
                "children": Figure(combine(total, count, ind.aggregation), count, approved < expected),
                "per_child": [(k, kid_figures[k.pk][ind.pk]) for k in kids],
            }
        )
    return {
        "rows": rows,
        "children": kids,
        "own_report": own_report,
        "approved_units": approved,
        "expected_units": expected,
        "provisional": approved < expected,
        "structure": structure,
    }
