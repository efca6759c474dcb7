"""Union house pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ._common import _units


@login_required
def house_new(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.HouseForm(
        request.POST or None,
        units=_units(scope).filter(path__startswith=programme.owner.path),
        initial={"approved_on": today(), "approved_amount": programme.standard_amount or None},
    )

    def action(data):
        services.house_create(scope=scope, programme=programme, **data)
        return programme

    return run_form(
        request,
        action,
        form=form,
        template="welfare/form.html",
        context={"title": _("Hồ sơ Mái ấm Công đoàn"), "programme": programme},
        success=_("Đã lưu hồ sơ Mái ấm Công đoàn."),
    )


@login_required
def house_detail(request, pk: int):
    scope = Scope.of(request)
    case = selectors.house_get(scope=scope, pk=pk)
    form = forms.HouseStageForm(request.POST or None, initial={"on": today()})

    def action(data):
        services.house_advance(scope=scope, case=case, stage=data["stage"], on=data["on"])
        return f"/welfare/houses/{case.pk}/"

    return run_form(
        request,
        action,
        form=form,
        template="welfare/house_detail.html",
        context={"case": case},
        success=_("Đã cập nhật tiến độ."),
    )
