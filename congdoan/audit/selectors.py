"""Reads of the audit log, always through the user's Scope."""

import re

from django.db.models import QuerySet

from congdoan.core.scoping import Scope

from . import version
from .models import Event


def event_list(*, scope: Scope, unit=None) -> QuerySet[Event]:
    """Events about units in scope (newest first); events without a unit are for the whole system."""
    qs = scope.filter(Event.objects.select_related("actor", "unit"), "unit__path")
    if not scope.everything:
        qs = qs.exclude(unit__isnull=True)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.order_by("-at", "-id")


def data_version(units=None) -> str:
    """The version of the data that answers kept in the cache about ``units`` (None: the whole country) are
    keyed by: the counters of their areas and the global one (``version``; one cache read, no query)."""
    return version.version(None if units is None else version.reader_areas(units))


def events_of(*, scope: Scope, obj) -> QuerySet[Event]:
    """Events recorded about one object (e.g. a unit), if the user may see that object's unit."""
    return event_list(scope=scope).filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


_NUMBERED = re.compile(r"^\s*(\d{1,6})\s*(/\S.*)?$")
# The decisions a grassroots union issues itself about its members (founding or approving decisions recorded on
# the same unit are the level above's and follow the level above's numbering).
OWN_DECISIONS = (
    "member.admit",
    "member.transfer",
    "member.transfer_request",
    "member.leave",
    "member.readmit",
)


def decision_no_suggest(*, unit_id: int, year: int) -> str:
    """The union's next decision number this year, following the highest of its own recorded in the audit log
    ("15/QĐ-CĐCS" → "16/QĐ-CĐCS"); "" when it has recorded none this year (the officer types the first)."""
    best: tuple[int, str] | None = None
    numbers = (
        Event.objects.filter(unit_id=unit_id, at__year=year, action__in=OWN_DECISIONS)
        .exclude(decision_no="")
        .values_list("decision_no", flat=True)
    )
    for text in numbers.iterator():
        match = _NUMBERED.match(text)
        if match and (best is None or int(match.group(1)) > best[0]):
            best = (int(match.group(1)), match.group(2) or "")
    return f"{best[0] + 1}{best[1]}" if best else ""
