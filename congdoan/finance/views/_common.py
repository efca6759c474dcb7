"""What the finance pages share: the unit a page is about."""

from __future__ import annotations

from django.http import Http404

from congdoan.core.views import int_param
from congdoan.org import selectors as org_selectors


def chosen_unit(request, scope):
    """``?unit=<id>`` (404 outside the scope) or the user's own unit."""
    pk = int_param(request, "unit")
    if pk is not None:
        return org_selectors.unit_get(scope=scope, pk=pk)
    unit = org_selectors.unit_roots(scope=scope).first()
    if unit is None:
        raise Http404
    return unit


def is_grassroots(unit) -> bool:
    return unit.kind.is_grassroots
