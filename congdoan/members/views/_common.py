"""What the member pages share: the member page's URL, the units a user may act on."""

from __future__ import annotations

from django.urls import reverse

from congdoan.core.scoping import Action, Scope
from congdoan.org import selectors as org_selectors


def detail_url(member) -> str:
    return reverse("members:detail", args=[member.pk])


def actable(scope: Scope):
    """IDs of units the user may act on (officer role or above)."""
    return scope.filter(org_selectors.unit_list(scope=scope).order_by(), action=Action.ACT).values("pk")
