"""The catalogue: indicators and report forms, shared by every unit."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import Http404

from congdoan.core.scoping import Scope

from ..models import Indicator, ReportForm


def indicator_list(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Indicator]:
    """The catalogue is shared by every unit; ``on`` keeps those in force that day."""
    qs = Indicator.objects.all()
    if on:
        qs = qs.filter(Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on)))
    return qs


def form_list(*, scope: Scope, items: bool = True) -> QuerySet[ReportForm]:
    """The active report forms, with their items and indicators unless ``items`` is false (a page that
    shows the forms' names and periods only)."""
    qs = ReportForm.objects.filter(is_active=True)
    return qs.prefetch_related("items__indicator") if items else qs


def form_get(*, scope: Scope, pk: int) -> ReportForm:
    try:
        return form_list(scope=scope).get(pk=pk)
    except ReportForm.DoesNotExist as exc:
        raise Http404 from exc
