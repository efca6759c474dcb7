"""Reads of the dated tables: the criteria, authorities and rule in force for a year or a day."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from ..eligibility import RuleValues
from ..models import Authority, Criterion, Rule


def year_end(year: int) -> dt.date:
    """The day a year is judged on: its last day (the criteria and rule in force then apply)."""
    return dt.date(year, 12, 31)


def criteria_for(*, culture_type: str, year: int) -> QuerySet[Criterion]:
    return Criterion.objects.in_force(year_end(year)).filter(culture_type=culture_type).order_by("number")


def criteria_counts(years) -> dict[tuple[str, int], int]:
    """{(title, year): number of criteria in force} for the given years (the catalogue is a few rows)."""
    rows = list(Criterion.objects.values_list("culture_type", "valid_from", "valid_to"))
    counts: dict[tuple[str, int], int] = {}
    for year in set(years):
        day = year_end(year)
        for culture_type, start, end in rows:
            if start <= day and (end is None or end >= day):
                counts[(culture_type, year)] = counts.get((culture_type, year), 0) + 1
    return counts


def criterion_list() -> QuerySet[Criterion]:
    return Criterion.objects.all()


def authorities_on(day: dt.date) -> QuerySet[Authority]:
    return Authority.objects.in_force(day)


def authority_list() -> QuerySet[Authority]:
    return Authority.objects.all()


def rule_for(year: int) -> RuleValues | None:
    rule = Rule.objects.latest_in_force(year_end(year))
    if rule is None:
        return None
    return RuleValues(rule.first_years, rule.renewal_years, rule.validity_years)
