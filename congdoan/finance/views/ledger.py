"""The ledger of a unit and the transfers it owes or receives."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form, year_param
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services
from ..ledger import ledger_sums, norm_warnings, totals
from ..models import LedgerEntry, Transfer


@login_required
def ledger(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = year_param(request, today().year)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    form = forms.EntryForm(request.POST or None, initial={"on": today()})

    def action(data):
        services.entry_add(scope=scope, unit=unit, **data)
        return f"{reverse('finance:ledger', args=[unit.pk])}?year={data['on'].year}"

    sums = ledger_sums(unit=unit, start=start, end=end)
    context = {
        "unit": unit,
        "year": year,
        "entries": LedgerEntry.objects.filter(unit=unit, on__gte=start, on__lte=end).order_by("-on", "-id")[
            :500
        ],
        "sums": sorted(sums.items()),
        "totals": totals(sums),
        "warnings": norm_warnings(unit=unit, year=year),
        "transfers_out": Transfer.objects.filter(from_unit=unit, month__gte=start, month__lte=end),
        "transfers_in": scope.filter(
            Transfer.objects.filter(to_unit=unit, month__gte=start, month__lte=end).select_related(
                "from_unit"
            ),
            "from_unit__path",
        ),
        "can_act": scope.can(unit, Action.ACT),
    }
    return run_form(
        request, action, form=form, template="finance/ledger.html", context=context, success=_("Đã ghi sổ.")
    )


@login_required
def entry_reverse(request, pk: int):
    scope = Scope.of(request)
    entry = scope.get_or_404(LedgerEntry.objects.select_related("unit"), "unit__path", pk=pk)
    form = forms.ReasonForm(request.POST or None)
    back = reverse("finance:ledger", args=[entry.unit_id])

    def action(data):
        services.entry_reverse(scope=scope, entry=entry, reason=data["reason"])
        return back

    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={"title": _("Điều chỉnh bút toán: %(m)s") % {"m": entry.memo}, "back": back},
    )


@login_required
def transfer_receive(request, pk: int):
    scope = Scope.of(request)
    transfer = scope.get_or_404(
        Transfer.objects.select_related("from_unit", "to_unit"), "from_unit__path", pk=pk
    )
    if not scope.can(transfer.to_unit, Action.VIEW):
        raise Http404
    form = forms.ReceiveForm(request.POST or None, initial={"amount": transfer.outstanding, "on": today()})
    back = reverse("finance:ledger", args=[transfer.to_unit_id])

    def action(data):
        services.transfer_receive(scope=scope, transfer=transfer, **data)
        return back

    title = _("Nhận %(k)s từ %(u)s") % {"k": transfer.get_kind_display(), "u": transfer.from_unit.name}
    return run_form(
        request, action, form=form, template="finance/form.html", context={"title": title, "back": back}
    )


__all__ = ["entry_reverse", "ledger", "selectors", "transfer_receive"]
