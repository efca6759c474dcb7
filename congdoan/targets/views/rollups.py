"""Pages of what the reports add up to: completeness, roll-up (and its Excel), evaluation against targets."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import selectors, services, tasks
from ..periods import periods_in_year
from ._common import form_and_period as _form_and_period
from ._common import xlsx as _xlsx
from ._common import year_param as _year


@login_required
def completeness(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    if request.method == "POST" and form:
        try:
            units, people = services.reminders_send(scope=scope, unit=unit, form=form, period=period)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Đã gửi nhắc nhở tới %(p)s người ở %(u)s đơn vị (trong mục Thông báo, và qua thư điện tử nếu có)."
                )
                % {"p": people, "u": units},
            )
        return redirect(request.get_full_path())
    data = selectors.completeness(scope=scope, unit=unit, form=form, period=period) if form else None
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "data": data,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/completeness.html", context)


def _rollup_export(request, scope, unit, form, period, structure):
    """The roll-up workbook at once, or through a background job when it is bigger than the inline limit."""
    where = {"unit": unit, "form": form, "period": period, "structure": structure}
    if tasks.rollup_rows(scope=scope, **where) > tasks.inline_export_rows():
        params = {"form_id": form.pk, "period": period.key, "structure": structure}
        job = tasks.job_start(scope=scope, kind=tasks.ROLLUP_EXPORT, unit=unit, params=params)
        return redirect(job.get_absolute_url())
    name, content = tasks.rollup_file(scope=scope, **where)
    return _xlsx(content, name)


@login_required
def rollup(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    structure = "then" if request.GET.get("structure") == "then" else "now"
    if form and request.GET.get("export") == "xlsx":
        return _rollup_export(request, scope, unit, form, period, structure)
    view = (
        selectors.rollup_view(scope=scope, unit=unit, form=form, period=period, structure=structure)
        if form
        else None
    )
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "view": view,
        "structure": structure,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/rollup.html", context)


@login_required
def evaluation(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = _year(request)
    return render(
        request,
        "targets/evaluation.html",
        {"unit": unit, **selectors.evaluation(scope=scope, unit=unit, year=year)},
    )
