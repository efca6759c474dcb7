"""Evaluation: each yearly target against what was achieved, with last year's same periods."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import natural_order, unit_children, unit_get

from ..constants import Aggregation, Direction, EvaluationStatus, PeriodType
from ..models import FormIndicator, Indicator, TargetAssignment
from ..periods import Period, periods_in_year
from .rollups import Figure, unit_figures, unit_figures_many


@dataclass
class TargetResult:
    indicator: Indicator
    target: Decimal
    actual: Decimal | None
    percent: Decimal | None
    status: str
    provisional: bool
    last_year: Decimal | None = None
    periods: list = field(default_factory=list)

    @property
    def achieved(self) -> bool:
        return self.status in (EvaluationStatus.MET, EvaluationStatus.EXCEEDED)


def judge(direction: str, target: Decimal, actual: Decimal | None) -> tuple[str, Decimal | None]:
    """Status and % achieved of ``actual`` against ``target`` (handles lower-is-better and yes/no)."""
    if actual is None:
        return EvaluationStatus.NO_DATA, None
    hundred = Decimal(100)
    if direction == Direction.YES_NO:
        ok = (actual >= 1) == (target >= 1)
        return (EvaluationStatus.MET if ok else EvaluationStatus.NOT_MET), (hundred if ok else Decimal(0))
    if direction == Direction.LOWER:
        percent = hundred if actual == target else (target / actual * hundred if actual else None)
        if actual < target:
            return EvaluationStatus.EXCEEDED, percent
        return (EvaluationStatus.MET if actual == target else EvaluationStatus.NOT_MET), percent
    percent = actual / target * hundred if target else None
    if actual > target:
        return EvaluationStatus.EXCEEDED, percent
    return (EvaluationStatus.MET if actual == target else EvaluationStatus.NOT_MET), percent


def _period_types(indicators: list[Indicator]) -> dict[int, list[str]]:
    """Per indicator, the period types of the forms carrying it, yearly first (one query)."""
    pairs = set(
        FormIndicator.objects.filter(indicator__in=indicators).values_list(
            "indicator_id", "form__period_type"
        )
    )
    order = (PeriodType.YEAR, PeriodType.HALF, PeriodType.QUARTER)
    return {ind.pk: [t for t in order if (ind.pk, t) in pairs] for ind in indicators}


class _Figures:
    """Figures of one unit for a set of indicators, computed once per period (all indicators at a time)."""

    def __init__(self, unit: Unit, indicators: list[Indicator]):
        self.unit, self.indicators, self.cache = unit, indicators, {}

    def prefetch(self, periods: list[Period]) -> None:
        """Compute the figures of every period at once (``unit_figures_many``: four queries in all)."""
        wanted = [p for p in periods if p not in self.cache]
        if self.indicators and wanted:
            self.cache.update(unit_figures_many(unit=self.unit, indicators=self.indicators, periods=wanted))

    def get(self, period: Period, indicator: Indicator) -> Figure:
        if period not in self.cache:
            self.cache[period] = unit_figures(unit=self.unit, indicators=self.indicators, period=period)
        return self.cache[period][indicator.pk]


def _yearly(figures: _Figures, ind: Indicator, types: list[str], year: int, numbers: set[int] | None = None):
    """The actual of a year from the coarsest data available: the yearly figure, else halves, else quarters."""
    for ptype in types:
        periods = [p for p in periods_in_year(ptype, year) if numbers is None or p.number in numbers]
        figs = [(p, figures.get(p, ind)) for p in periods]
        figs = [(p, f) for p, f in figs if f.value is not None]
        if not figs:
            continue
        values = [f.value for _p, f in figs]
        if ind.direction == Direction.YES_NO:
            actual = max(values)
        elif ind.aggregation == Aggregation.AVERAGE:
            actual = sum(values) / len(values)
        else:
            actual = sum(values)
        return actual, any(f.provisional for _p, f in figs), ptype, {p.number for p, _f in figs}
    return None, False, None, set()


def evaluate_unit(*, unit: Unit, year: int, compare: bool = True) -> list[TargetResult]:
    """Each target of ``unit`` for ``year`` against its actual; with the same periods of last year."""
    targets = list(
        TargetAssignment.objects.filter(unit=unit, year=year)
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator__code")
    )
    indicators = [t.indicator for t in targets]
    types = _period_types(indicators)
    figures = _Figures(unit, indicators)
    used = {ptype for ind in indicators for ptype in types[ind.pk]}
    years = (year, year - 1) if compare else (year,)
    figures.prefetch([p for ptype in sorted(used) for y in years for p in periods_in_year(ptype, y)])
    results = []
    for t in targets:
        ind = t.indicator
        actual, provisional, ptype, numbers = _yearly(figures, ind, types[ind.pk], year)
        status, percent = judge(ind.direction, t.value, actual)
        last = None
        if compare and ptype:
            last_actual, _p, last_type, _n = _yearly(figures, ind, [ptype], year - 1, numbers)
            last = last_actual if last_type == ptype else None
        results.append(TargetResult(ind, t.value, actual, percent, status, provisional, last))
    return results


def headline(results: list[TargetResult]) -> tuple[int, int]:
    return sum(1 for r in results if r.achieved), len(results)


def evaluation(*, scope: Scope, unit: Unit, year: int) -> dict:
    """Each target of the unit with actual, % and status; the "N/M" headline for the unit and each child."""
    unit_get(scope=scope, pk=unit.pk)
    results = evaluate_unit(unit=unit, year=year)
    children = []
    for kid in natural_order(unit_children(scope=scope, unit=unit)):
        kid_results = evaluate_unit(unit=kid, year=year, compare=False)
        if kid_results:
            children.append({"unit": kid, "results": kid_results, "headline": headline(kid_results)})
    return {"results": results, "headline": headline(results), "children": children, "year": year}
