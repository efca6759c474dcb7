"""Reads of background jobs, scoped through the unit each job was done for."""

from django.db.models import QuerySet

from congdoan.core.scoping import Scope

from .models import Job


def job_list(*, scope: Scope, kind: str = "") -> QuerySet[Job]:
    """Jobs done for units in the user's scope, newest first."""
    qs = scope.filter(Job.objects.select_related("unit", "created_by"), "unit__path")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-created_at", "-id")


def job_get(*, scope: Scope, pk: int) -> Job:
    """One job in scope, or 404."""
    return scope.get_or_404(Job.objects.select_related("unit", "created_by"), "unit__path", pk=pk)
