"""Dues roll pages: open a month, the grid, import a payroll, post, reverse; the unit's dues profile."""

from __future__ import annotations

import datetime as dt

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
from ..constants import PayBase
from ..rules import dues_rule


@login_required
@require_POST
def roll_open(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    form = forms.MonthForm(request.POST)
    back = f"{reverse('finance:index')}?unit={unit.pk}"
    if not form.is_valid():
        messages.error(request, _("Tháng, năm không hợp lệ."))
        return redirect(back)
    month = dt.date(form.cleaned_data["year"], form.cleaned_data["month"], 1)
    return run_form(
        request,
        lambda: services.dues_month_open(scope=scope, unit=unit, month=month),
        back=back,
        success=_("Đã mở bảng thu."),
    )


@login_required
def roll(request, pk: int):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=pk)
    lines = list(selectors.roll_lines(roll=roll))
    form = forms.RollForm(request.POST or None, lines=lines, version=roll.version)

    def action(data):
        services.dues_month_save(scope=scope, roll=roll, version=data.get("version"), rows=form.amounts())
        return roll

    rule = dues_rule(day=roll.month, profile=selectors.profile_of(unit=roll.unit))
    context = {
        "roll": roll,
        "pay_base": PayBase(rule.pay_base).label,
        "lines": lines,
        "totals": services.roll_totals(roll),
        "rule": rule,
        "can_act": scope.can(roll.unit, Action.ACT),
        "post_form": forms.VersionForm(version=roll.version),
        "reverse_form": forms.ReasonForm(version=roll.version),
        "import_form": forms.PayrollForm(version=roll.version),
    }
    return run_form(
        request,
        action,
        form=form,
        template="finance/roll.html",
        context=context,
        success=_("Đã lưu bảng thu."),
    )


@login_required
def roll_import(request, pk: int):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=pk)
    form = forms.PayrollForm(request.POST or None, request.FILES or None, version=roll.version)

    def action(data):
        count = services.dues_import(
            scope=scope, roll=roll, content=data["file"].read(), version=data.get("version")
        )
        return f"{roll.get_absolute_url()}?imported={count}"

    return run_form(
        request,
        action,
        form=form,
        template="finance/import.html",
        context={"roll": roll},
        success=_("Đã nhập bảng lương."),
    )


@login_required
@require_POST
def roll_post(request, pk: int):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=pk)
    form = forms.VersionForm(request.POST)
    version = form.cleaned_data.get("version") if form.is_valid() else -1
    return run_form(
        request,
        lambda: services.dues_month_post(scope=scope, roll=roll, version=version),
        back=roll.get_absolute_url(),
        success=_("Đã ghi sổ tháng."),
    )


@login_required
def roll_reverse(request, pk: int):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=pk)
    form = forms.ReasonForm(request.POST or None, version=roll.version)

    def action(data):
        return services.dues_month_reverse(
            scope=scope, roll=roll, version=data.get("version"), reason=data["reason"]
        )

    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={"title": _("Điều chỉnh tháng đã ghi sổ"), "back": roll.get_absolute_url()},
        success=_("Đã huỷ ghi sổ; sửa bảng thu rồi ghi sổ lại."),
    )


@login_required
def profile(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    current = selectors.profile_of(unit=unit)
    initial = {f: getattr(current, f) for f in services.profiles.FIELDS} if current else {"group": "3"}
    form = forms.ProfileForm(
        request.POST or None, initial=initial, version=current.version if current else None
    )

    back = f"{reverse('finance:index')}?unit={unit.pk}"

    def action(data):
        services.profile_save(scope=scope, unit=unit, **data)
        return back

    return run_form(
        request,
        action,
        form=form,
        template="finance/form.html",
        context={"title": _("Thông tin đóng đoàn phí: %(u)s") % {"u": unit.name}, "back": back},
    )
