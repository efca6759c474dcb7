"""What the member pages share: the member page's URL, the units a user may act on."""

from __future__ import annotations

from django.urls import reverse

from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit


def detail_url(member) -> str:
    return reverse("members:detail", args=[member.pk])


def actable(scope: Scope):
    """IDs of units the user may act on (officer role or above)."""
    return scope.filter(Unit.objects.all(), action=Action.ACT).values("pk")
