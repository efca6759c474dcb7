"""Transfer requests between grassroots unions: the inbox/outbox, accept or refuse."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services


@login_required
def transfer_list(request):
    scope = Scope.of(request)
    context = {
        "inbox": selectors.transfer_inbox(scope=scope)[:200],
        "outbox": selectors.transfer_outbox(scope=scope)[:100],
        "reason_form": forms.ReasonForm(),
    }
    return render(request, "members/transfers.html", context)


@login_required
@require_POST
def transfer_decide(request, pk: int, decision: str):
    scope = Scope.of(request)
    transfer = selectors.transfer_get(scope=scope, pk=pk)
    if decision == "accept":

        def action():
            return services.transfer_accept(scope=scope, request=transfer)

    elif decision == "refuse":

        def action():
            return services.transfer_refuse(
                scope=scope, request=transfer, reason=request.POST.get("reason", "")
            )

    else:
        raise Http404
    return run_form(request, action, back=reverse("members:transfers"))
