"""Reads of the audit log, always through the user's Scope."""

from django.db.models import QuerySet

from congdoan.core.scoping import Scope

from .models import Event


def event_list(*, scope: Scope, unit=None) -> QuerySet[Event]:
    """Events about units in scope (newest first); events without a unit are for the whole system."""
    qs = scope.filter(Event.objects.select_related("actor", "unit"), "unit__path")
    if not scope.everything:
        qs = qs.exclude(unit__isnull=True)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs.order_by("-at", "-id")


def events_of(*, scope: Scope, obj) -> QuerySet[Event]:
    """Events recorded about one object (e.g. a unit), if the user may see that object's unit."""
    return event_list(scope=scope).filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
