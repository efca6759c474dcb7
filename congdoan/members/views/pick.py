"""The member picker's suggestions (members/widgets.py MemberCodeInput)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congdoan.core.scoping import Scope
from congdoan.core.views import int_param
from congdoan.org import selectors as org_selectors

from .. import selectors


@login_required
def member_pick(request):
    """``<option value="CODE">Name — unit</option>``s for the datalist of a MemberCodeInput."""
    scope = Scope.of(request)
    field = request.GET.get("field", "q")
    unit = None
    if request.GET.get("unit"):
        # A unit outside the user's scope (or not a number: "²".isdigit() is true) narrows to nothing rather
        # than widening to the whole scope.
        unit_id = int_param(request, "unit")
        unit = (
            org_selectors.unit_list(scope=scope).filter(pk=unit_id).first() if unit_id is not None else None
        )
        if unit is None:
            return render(request, "members/partials/member_options.html", {"members": []})
    members = selectors.member_pick(
        scope=scope,
        q=request.GET.get(field) or request.GET.get("q") or "",
        unit=unit,
        active=request.GET.get("active") == "1",
    )
    return render(request, "members/partials/member_options.html", {"members": members})
