"""Reads of aggregate reporting. Every function takes a Scope; anything outside it is 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import existing_on, subtree_ids_on, unit_children

from .constants import Aggregation, Direction, EvaluationStatus, PeriodType, ReportStatus, Source
from .models import FormIndicator, Indicator, Report, ReportForm, ReportValue, Rollup, TargetAssignment
from .periods import Period, period_of, periods_in_year


# -- catalogue ------------------------------------------------------------------------------------
def indicator_list(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Indicator]:
    """The catalogue is shared by every unit; ``on`` keeps those in force that day."""
    qs = Indicator.objects.all()
    if on:
        qs = qs.filter(Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on)))
    return qs


def form_list(*, scope: Scope) -> QuerySet[ReportForm]:
    return ReportForm.objects.filter(is_active=True).prefetch_related("items__indicator")


def form_get(*, scope: Scope, pk: int) -> ReportForm:
    try:
        return form_list(scope=scope).get(pk=pk)
    except ReportForm.DoesNotExist as exc:
        raise Http404 from exc


# -- reports --------------------------------------------------------------------------------------
def _reports() -> QuerySet[Report]:
    return Report.objects.select_related("unit", "unit__kind", "form", "submitted_by", "approved_by")


def report_list(
    *,
    scope: Scope,
    unit: Unit | None = None,
    form: ReportForm | None = None,
    period: Period | None = None,
    status: str = "",
) -> QuerySet[Report]:
    qs = scope.filter(_reports(), "unit__path")
    if unit is not None:
        qs = qs.filter(unit=unit)
    if form is not None:
        qs = qs.filter(form=form)
    if period is not None:
        qs = qs.filter(period_start=period.start, period_end=period.end)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-period_start", "unit__path", "form__name")


def report_get(*, scope: Scope, pk: int) -> Report:
    return scope.get_or_404(_reports(), "unit__path", pk=pk)


def inbox(*, scope: Scope) -> QuerySet[Report]:
    """Submitted reports of units this user reviews (strictly below one of their roots)."""
    qs = _reports().filter(status=ReportStatus.SUBMITTED)
    if not scope.everything:
        below = Q(pk__in=[])
        for path, _role in scope.roots:
            below |= Q(unit__path__startswith=path) & ~Q(unit__path=path)
        qs = qs.filter(below)
    return [r for r in qs.order_by("submitted_at") if scope.can(r.unit, Action.APPROVE)]


def report_rows(*, report: Report) -> list[dict]:
    """The report's values with the unit's yearly target beside each."""
    targets = dict(
        TargetAssignment.objects.filter(unit=report.unit, year=report.period_start.year).values_list(
            "indicator_id", "value"
        )
    )
    return [
        {"row": v, "target": targets.get(v.indicator_id), "stt": n}
        for n, v in enumerate(report.values.select_related("indicator"), start=1)
    ]


def deadline_of(report_form: ReportForm, period: Period) -> dt.date:
    return period.deadline(report_form.deadline_days)


def is_late(report: Report | None, deadline: dt.date, day: dt.date | None = None) -> bool:
    if report is not None and report.submitted_at is not None:
        return report.submitted_at.date() > deadline
    return (day or today()) > deadline


# -- completeness ---------------------------------------------------------------------------------
@dataclass
class CompletenessRow:
    unit: Unit
    report: Report | None
    late: bool
    state: str  # approved, submitted, returned, draft, missing


def completeness(
    *, scope: Scope, unit: Unit, form: ReportForm, period: Period, day: dt.date | None = None
) -> dict:
    """Which children (as the tree stood at the period end) submitted, which are late, which are missing."""
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    deadline = deadline_of(form, period)
    kids = list(unit_children(scope=scope, unit=unit, on=period.end))
    reports = {
        r.unit_id: r for r in Report.objects.filter(unit__in=kids, form=form, period_start=period.start)
    }
    rows = []
    for kid in kids:
        rep = reports.get(kid.pk)
        state = rep.status if rep else "missing"
        submitted = rep is not None and rep.submitted_at is not None
        rows.append(CompletenessRow(kid, rep, is_late(rep if submitted else None, deadline, day), state))
    in_time = sum(1 for r in rows if r.state in ("submitted", "approved") and not r.late)
    return {
        "rows": rows,
        "deadline": deadline,
        "total": len(rows),
        "submitted": sum(1 for r in rows if r.state in ("submitted", "approved")),
        "approved": sum(1 for r in rows if r.state == ReportStatus.APPROVED),
        "on_time": in_time,
        "late": sum(1 for r in rows if r.late and r.state in ("submitted", "approved")),
        "reminders": [r for r in rows if r.state not in ("submitted", "approved")],
    }


# -- roll-up --------------------------------------------------------------------------------------
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
    ids = Unit.objects.filter(path__startswith=unit.path).values("id")
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
    subtree = (
        Unit.objects.filter(pk__in=ids)
        if ids is not None
        else Unit.objects.filter(path__startswith=unit.path)
    )
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
    provisional = approved < expected
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
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    indicators = [item.indicator for item in form.items.select_related("indicator")]
    own = _own([unit.pk], indicators, period)
    own_report = Report.objects.filter(unit=unit, form=form, period_start=period.start).first()
    below = _below(unit, indicators, period, structure)
    ids = subtree_ids_on(root_id=unit.pk, on=period.end) if structure == "then" else None
    approved, expected = _coverage(unit, period, include_self=False, ids=ids)
    on = period.end if structure == "then" else None
    kids = list(unit_children(scope=scope, unit=unit, on=on))
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


# -- evaluation -----------------------------------------------------------------------------------
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
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    results = evaluate_unit(unit=unit, year=year)
    children = []
    for kid in unit_children(scope=scope, unit=unit):
        kid_results = evaluate_unit(unit=kid, year=year, compare=False)
        if kid_results:
            children.append({"unit": kid, "results": kid_results, "headline": headline(kid_results)})
    return {"results": results, "headline": headline(results), "children": children, "year": year}


# -- targets --------------------------------------------------------------------------------------
def target_grid(*, scope: Scope, unit: Unit, year: int, indicators: list[Indicator]) -> dict:
    """The targets ``unit`` gave its children for ``year`` and a warning where they do not add up."""
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    kids = list(unit_children(scope=scope, unit=unit))
    given = {
        (t.unit_id, t.indicator_id): t
        for t in TargetAssignment.objects.filter(assigned_by=unit, year=year, indicator__in=indicators)
    }
    own = dict(
        TargetAssignment.objects.filter(unit=unit, year=year, indicator__in=indicators).values_list(
            "indicator_id", "value"
        )
    )
    warnings = []
    for ind in indicators:
        if ind.aggregation != Aggregation.SUM or ind.pk not in own:
            continue
        values = [given[(k.pk, ind.pk)].value for k in kids if (k.pk, ind.pk) in given]
        if values and sum(values) != own[ind.pk]:
            warnings.append({"indicator": ind, "own": own[ind.pk], "children": sum(values)})
    decision = next(iter(given.values()), None)
    return {
        "children": kids,
        "given": given,
        "own": own,
        "warnings": warnings,
        "decision_no": decision.decision_no if decision else "",
        "decision_date": decision.decision_date if decision else None,
    }


def targets_received(*, scope: Scope, unit: Unit, year: int) -> QuerySet[TargetAssignment]:
    scope.get_or_404(Unit.objects.all(), pk=unit.pk)
    return TargetAssignment.objects.filter(unit=unit, year=year).select_related("indicator", "assigned_by")


def current_period(period_type: str, day: dt.date | None = None) -> Period:
    """The last finished period of this type (the one being reported now)."""
    current = period_of(period_type, day or today())
    return period_of(period_type, current.start - dt.timedelta(days=1))
