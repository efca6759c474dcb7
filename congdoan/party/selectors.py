"""Reads of Party introductions. Political data: only officers and administrators see it (``Action.ACT``
roots of the scope); anything else is 404, as if it did not exist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .constants import OPEN_STATES, IntroStatus
from .models import Introduction

PATH = "unit__path"


def may_see(scope: Scope) -> bool:
    """Does the user hold an officer (or administrator) role somewhere? (Viewers never see Party data.)"""
    return scope.holds(Role.OFFICER)


def _base() -> QuerySet[Introduction]:
    return Introduction.objects.select_related("member", "unit")


def introductions(
    *,
    scope: Scope,
    unit: Unit | None = None,
    status: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[Introduction]:
    """Introductions of units the user acts on (``unit``'s subtree when given), with a step in ``start..end``."""
    qs = scope.filter(_base(), PATH, action=Action.ACT)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if status == "open":
        qs = qs.filter(status__in=OPEN_STATES)
    elif status in IntroStatus.values:
        qs = qs.filter(status=status)
    if start or end:
        start, end = start or dt.date(1900, 1, 1), end or dt.date(2100, 12, 31)
        qs = qs.filter(
            Q(introduced_on__range=(start, end))
            | Q(training_from__range=(start, end))
            | Q(admitted_on__range=(start, end))
            | Q(closed_on__range=(start, end))
        )
    return qs.order_by("-introduced_on", "-id")


def introduction_get(*, scope: Scope, pk: int) -> Introduction:
    """One introduction of a unit the user acts on, or 404 (a viewer gets 404 too)."""
    return scope.get_or_404(scope.filter(_base(), PATH, action=Action.ACT), PATH, pk=pk)


def member_introductions(*, scope: Scope, member) -> list[Introduction]:
    """A member's introductions the user may see (all of them, oldest first)."""
    qs = scope.filter(_base(), PATH, action=Action.ACT).filter(member=member)
    return list(qs.order_by("introduced_on", "id"))


def action_units(*, scope: Scope) -> QuerySet[Unit]:
    """Units the user acts on (the unit filter of the pages)."""
    return scope.filter(org_selectors.unit_list(scope=scope), "path", action=Action.ACT).order_by("path")


@dataclass
class Figures:
    unit: Unit
    introduced: int = 0
    admitted: int = 0
    not_admitted: int = 0
    withdrawn: int = 0
    open_at_end: int = 0
    is_self: bool = False


def _figures_q(start: dt.date, end: dt.date) -> dict:
    return {
        "introduced": Count("id", filter=Q(introduced_on__range=(start, end))),
        "admitted": Count("id", filter=Q(status=IntroStatus.ADMITTED, admitted_on__range=(start, end))),
        "not_admitted": Count("id", filter=Q(status=IntroStatus.NOT_ADMITTED, closed_on__range=(start, end))),
        "withdrawn": Count("id", filter=Q(status=IntroStatus.WITHDRAWN, closed_on__range=(start, end))),
        "open_at_end": Count(
            "id",
            filter=Q(introduced_on__lte=end)
            & (
                Q(admitted_on__isnull=True, closed_on__isnull=True)
                | Q(admitted_on__gt=end)
                | Q(closed_on__gt=end)
            ),
        ),
    }


def party_figures(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date) -> Figures:
    """Introduced, admitted, not admitted, withdrawn in ``start..end`` and still open on ``end``, for the
    introductions made by unions of ``unit``'s subtree (today's tree)."""
    org_selectors.unit_get(scope=scope, pk=unit.pk)
    qs = scope.filter(Introduction.objects.all(), PATH, action=Action.ACT)
    row = qs.filter(unit__path__startswith=unit.path).aggregate(**_figures_q(start, end))
    return Figures(unit=unit, **row)


def party_figures_children(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date) -> list[Figures]:
    """The same figures for each child of ``unit`` (and the unit's own introductions, when it has any)."""
    rows = []
    own = scope.filter(Introduction.objects.filter(unit=unit), PATH, action=Action.ACT)
    if own.exists():
        rows.append(Figures(unit=unit, is_self=True, **own.aggregate(**_figures_q(start, end))))
    for child in org_selectors.unit_children(scope=scope, unit=unit):
        figures = party_figures(scope=scope, unit=child, start=start, end=end)
        if figures.introduced or figures.admitted or figures.open_at_end or figures.not_admitted:
            rows.append(figures)
    return rows
