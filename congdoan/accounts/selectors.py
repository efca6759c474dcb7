"""Reads of the accounts app that pages need beside the services' rules."""

from axes.models import AccessAttempt
from django.conf import settings


def is_locked_out(username: str) -> bool:
    """Has django-axes locked this username (too many wrong passwords, from some address)?"""
    return AccessAttempt.objects.filter(
        username=username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()
