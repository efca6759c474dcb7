"""Targets: the grid a unit gives its children, and what a unit received."""

from __future__ import annotations

from django.db.models import QuerySet

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import natural_order, unit_children, unit_get

from ..constants import Aggregation
from ..models import Indicator, TargetAssignment


def target_grid(*, scope: Scope, unit: Unit, year: int, indicators: list[Indicator]) -> dict:
    """The targets ``unit`` gave its children for ``year`` and a warning where they do not add up."""
    unit_get(scope=scope, pk=unit.pk)
    kids = natural_order(unit_children(scope=scope, unit=unit))
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
    unit_get(scope=scope, pk=unit.pk)
    return TargetAssignment.objects.filter(unit=unit, year=year).select_related("indicator", "assigned_by")
