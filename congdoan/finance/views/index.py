"""The finance index: a grassroots union's months and money; an upper level's collection against expected."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import year_param

from .. import figures, forms, selectors
from ..constants import StatementStatus
from ..ledger import ledger_sums, norm_warnings, totals, transfer_sums
from ._common import chosen_unit, is_grassroots


@login_required
def index(request):
    scope = Scope.of(request)
    unit = chosen_unit(request, scope)
    year = year_param(request, today().year)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    grassroots = is_grassroots(unit)
    context = {
        "unit": unit,
        "year": year,
        "grassroots": grassroots,
        "can_act": scope.can(unit, Action.ACT),
        "collection": figures.collection(unit=unit, start=start, end=end),
        "sums": totals(ledger_sums(unit=unit, start=start, end=end, subtree=not grassroots)),
        "transfers": transfer_sums(unit=unit, start=start, end=end),
        "statements": selectors.statement_list(scope=scope, unit=unit).filter(year__gte=year - 1)[:50],
        "awaiting": selectors.statement_list(scope=scope, unit=unit)
        .filter(status=StatementStatus.SUBMITTED)
        .exclude(unit=unit)[:50],
        "open_form": forms.StatementOpenForm(initial={"year": year, "kind": "settlement"}),
    }
    if grassroots:
        context |= {
            "rolls": selectors.roll_list(scope=scope, unit=unit)[:24],
            "month_form": forms.MonthForm(initial={"month": today().month, "year": today().year}),
            "arrears": selectors.member_arrears(scope=scope, unit=unit)[:100],
            "warnings": norm_warnings(unit=unit, year=year),
            "employer": selectors.employer_list(scope=scope).filter(unit=unit).first(),
            "profile": selectors.profile_of(unit=unit),
        }
    else:
        context["children"] = figures.collection_by_child(scope=scope, unit=unit, start=start, end=end)
    return render(request, "finance/index.html", context)
