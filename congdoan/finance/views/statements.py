"""Budget and settlement pages: open, edit a budget, submit, approve, lock, reopen."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services
from ..constants import StatementKind, StatementStatus
from ..ledger import norm_warnings


@login_required
@require_POST
def statement_open(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    form = forms.StatementOpenForm(request.POST)
    back = f"{reverse('finance:index')}?unit={unit.pk}"
    if not form.is_valid():
        messages.error(request, _("Loại, năm không hợp lệ."))
        return redirect(back)
    data = form.cleaned_data
    return run_form(
        request,
        lambda: services.statement_open(scope=scope, unit=unit, kind=data["kind"], year=data["year"]),
        back="",
        success=_("Đã lập."),
    )


@login_required
def statement(request, pk: int):
    scope = Scope.of(request)
    statement = selectors.statement_get(scope=scope, pk=pk)
    lines = list(statement.lines.all())
    editable = statement.kind == StatementKind.BUDGET and statement.status == StatementStatus.DRAFT
    form = forms.BudgetForm(request.POST or None, lines=lines if editable else (), version=statement.version)

    def action(data):
        services.statement_save(
            scope=scope, statement=statement, version=data.get("version"), amounts=form.amounts()
        )
        return statement

    context = {
        "statement": statement,
        "lines": lines,
        "editable": editable and scope.can(statement.unit, Action.ACT),
        "can_act": scope.can(statement.unit, Action.ACT),
        "can_approve": scope.can(statement.unit, Action.APPROVE),
        "warnings": norm_warnings(unit=statement.unit, year=statement.year)
        if statement.kind == StatementKind.SETTLEMENT
        else [],
        "reason_form": forms.ReasonForm(),
    }
    return run_form(request, action, form=form, template="finance/statement.html", context=context)


def _transition(request, pk: int, service, success: str):
    scope = Scope.of(request)
    statement = selectors.statement_get(scope=scope, pk=pk)
    return run_form(
        request,
        lambda: service(scope=scope, statement=statement),
        back=statement.get_absolute_url(),
        success=success,
    )


@login_required
@require_POST
def statement_submit(request, pk: int):
    return _transition(request, pk, services.statement_submit, _("Đã gửi cấp trên."))


@login_required
@require_POST
def statement_approve(request, pk: int):
    return _transition(request, pk, services.statement_approve, _("Đã duyệt."))


@login_required
@require_POST
def statement_lock(request, pk: int):
    return _transition(request, pk, services.statement_lock, _("Đã khoá."))


@login_required
def statement_reopen(request, pk: int):
    scope = Scope.of(request)
    statement = selectors.statement_get(scope=scope, pk=pk)
    form = forms.ReasonForm(request.POST or None)

    def action(data):
        return services.statement_reopen(scope=scope, statement=statement, reason=data["reason"])

    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={"title": _("Mở lại %(s)s") % {"s": statement}, "back": statement.get_absolute_url()},
    )
