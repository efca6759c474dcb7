"""Duplicate records: the groups found, and merging one record into another."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import selectors, services


@login_required
def duplicates(request):
    scope = Scope.of(request)
    if request.method == "POST":
        try:
            keep = selectors.member_get(scope=scope, pk=int(request.POST.get("keep", "0")))
            duplicate = selectors.member_get(scope=scope, pk=int(request.POST.get("duplicate", "0")))
        except ValueError as exc:
            raise Http404 from exc
        return run_form(
            request,
            lambda: services.member_merge(scope=scope, keep=keep, duplicate=duplicate),
            success=_("Đã gộp hồ sơ."),
            back=reverse("members:duplicates"),
        )
    return render(request, "members/duplicates.html", {"groups": selectors.duplicate_groups(scope=scope)})
