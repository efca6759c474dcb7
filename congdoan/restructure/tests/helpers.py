"""Shared by the restructuring tests: the effective day they use and small reads of the result."""

import datetime as dt

from congdoan.org.models import Unit, UnitKind, UnitLink

D = dt.date
DAY = D(2025, 7, 1)


def kind(code):
    return UnitKind.objects.get(code=code)


def fresh(unit):
    return Unit.objects.get(pk=unit.pk)


def open_parent(unit):
    return UnitLink.objects.get(child=unit, valid_to__isnull=True).parent


def message(exc_info) -> str:
    return " ".join(exc_info.value.messages)
