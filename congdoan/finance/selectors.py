"""Reads of union finance, always scoped: only the unit's officers and the levels above see its money."""

from __future__ import annotations

from django.db.models import F, QuerySet, Sum

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit

from .constants import MonthStatus
from .models import DuesLine, DuesMonth, Employer, Statement, UnitDuesProfile

PATH = "unit__path"


def roll_list(*, scope: Scope, unit: Unit | None = None) -> QuerySet[DuesMonth]:
    qs = scope.filter(DuesMonth.objects.select_related("unit"), PATH)
    if unit is not None:
        qs = qs.filter(unit=unit)
    return qs.order_by("-month", "unit__path")


def roll_get(*, scope: Scope, pk: int) -> DuesMonth:
    return scope.get_or_404(DuesMonth.objects.select_related("unit", "unit__kind"), PATH, pk=pk)


def roll_lines(*, roll: DuesMonth) -> QuerySet[DuesLine]:
    return roll.lines.select_related("member").order_by("member__name_folded", "member_id")


def profile_of(*, unit: Unit) -> UnitDuesProfile | None:
    return UnitDuesProfile.objects.filter(unit=unit).first()


def member_arrears(*, scope: Scope, unit: Unit) -> list[dict]:
    """Members of ``unit`` who owe dues on posted months: [{member, due, paid, owed}] by name."""
    rows = (
        scope.filter(
            DuesLine.objects.filter(roll__unit=unit, roll__status=MonthStatus.POSTED), "roll__unit__path"
        )
        .values("member_id", "member__full_name", "member__code")
        .annotate(due=Sum("due"), paid=Sum("paid"))
        .filter(due__gt=F("paid"))
        .order_by("member__full_name", "member_id")
    )
    return [{**r, "owed": r["due"] - r["paid"]} for r in rows]


def employer_list(*, scope: Scope, unit: Unit | None = None) -> QuerySet[Employer]:
    qs = scope.filter(Employer.objects.select_related("unit"), PATH)
    return qs.filter(unit__path__startswith=unit.path) if unit else qs


def employer_get(*, scope: Scope, pk: int) -> Employer:
    return scope.get_or_404(Employer.objects.select_related("unit"), PATH, pk=pk)


def statement_list(*, scope: Scope, unit: Unit | None = None) -> QuerySet[Statement]:
    qs = scope.filter(Statement.objects.select_related("unit"), PATH)
    return qs.filter(unit__path__startswith=unit.path) if unit else qs


def statement_get(*, scope: Scope, pk: int) -> Statement:
    return scope.get_or_404(Statement.objects.select_related("unit", "unit__kind"), PATH, pk=pk)
