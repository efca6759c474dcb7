"""Reads of the accounts app that pages need beside the services' rules."""

from axes.models import AccessAttempt
from django.conf import settings

from congdoan.core.roles import Role

from .models import Assignment


def is_locked_out(username: str) -> bool:
    """Has django-axes locked this username (too many wrong passwords, from some address)?"""
    return AccessAttempt.objects.filter(
        username=username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()


def officers_of_units(unit_ids) -> dict[int, list]:
    """Active users who work for each of these units (officers and administrators, not viewers), by unit id:
    those a reminder or a report's return is addressed to."""
    rows = (
        Assignment.objects.filter(unit_id__in=list(unit_ids), user__is_active=True)
        .exclude(role=Role.VIEWER)
        .select_related("user")
    )
    found: dict[int, list] = {}
    for row in rows:
        found.setdefault(row.unit_id, []).append(row.user)
    return found
