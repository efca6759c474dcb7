"""The employer of a grassroots union: its record, months of the 2 % fund, relief decisions."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services


@login_required
def employer_edit(request, pk: int):
    """Create or rename the employer record of grassroots union ``pk``."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    current = selectors.employer_list(scope=scope).filter(unit=unit).first()
    initial = {"name": current.name, "tax_code": current.tax_code} if current else {"name": unit.employer}
    form = forms.EmployerForm(
        request.POST or None, initial=initial, version=current.version if current else None
    )

    def action(data):
        return services.employer_save(scope=scope, unit=unit, **data)

    back = f"{reverse('finance:index')}?unit={unit.pk}"
    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={"title": _("Đơn vị sử dụng lao động của %(u)s") % {"u": unit.name}, "back": back},
    )


@login_required
def employer(request, pk: int):
    scope = Scope.of(request)
    employer = selectors.employer_get(scope=scope, pk=pk)
    form = forms.EmployerMonthForm(
        request.POST or None, initial={"month": today().month, "year": today().year}
    )

    def action(data):
        month = dt.date(data["year"], data["month"], 1)
        services.employer_month_record(
            scope=scope, employer=employer, month=month, salary_fund=data["salary_fund"], paid=data["paid"]
        )
        return employer

    if request.method != "POST" or not scope.can(employer.unit, Action.ACT):
        context = _context(scope, employer)
        return render(request, "finance/employer.html", {**context, "form": form})
    return run_form(
        request, action, form=form, template="finance/employer.html", context=_context(scope, employer)
    )


def _context(scope, employer) -> dict:
    return {
        "employer": employer,
        "months": employer.months.order_by("-month")[:36],
        "reliefs": employer.reliefs.all(),
        "can_act": scope.can(employer.unit, Action.ACT),
        "relief_form": forms.ReliefForm(),
    }


@login_required
def relief_new(request, pk: int):
    scope = Scope.of(request)
    employer = selectors.employer_get(scope=scope, pk=pk)
    form = forms.ReliefForm(request.POST or None)

    def action(data):
        services.relief_add(scope=scope, employer=employer, **data)
        return employer

    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={
            "title": _("Quyết định miễn, giảm, tạm dừng đóng KPCĐ"),
            "back": employer.get_absolute_url(),
        },
    )
