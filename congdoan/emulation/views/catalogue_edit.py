"""Pages where administrators edit the award catalogue (national) and award quotas (per granting unit)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.scoping import Action
from congdoan.core.views import run_form
from congdoan.org.catalogue_access import (
    administered_units,
    catalogue_admin_scope,
    is_national_admin,
    require_national_admin,
)

from .. import selectors, services
from ..catalogue_forms import AwardKindForm, QuotaForm
from ..models import AwardKind, AwardQuota
from ._common import year_param


@login_required
def catalogue_manage(request):
    scope = catalogue_admin_scope(request)
    year = year_param(request)
    national = is_national_admin(scope)
    quotas = [
        (q, national if q.granting_unit is None else scope.can(q.granting_unit, Action.ADMINISTER))
        for q in selectors.quotas_in_scope(scope=scope, year=year)
    ]
    context = {"kinds": selectors.award_kinds(), "quotas": quotas, "year": year, "can_edit_kinds": national}
    return render(request, "emulation/catalogue_manage.html", context)


@login_required
def award_kind_edit(request, pk: int | None = None):
    scope = catalogue_admin_scope(request)
    require_national_admin(scope)
    kind = get_object_or_404(AwardKind, pk=pk) if pk else None
    form = AwardKindForm(request.POST or None, instance=kind)

    def save(data):
        services.award_kind_save(scope=scope, kind=kind, **data)
        return reverse("emulation:catalogue_manage")

    return run_form(
        request,
        save,
        form=form,
        template="emulation/award_kind_form.html",
        context={"kind": kind},
        success=_("Đã lưu danh mục khen thưởng; hồ sơ mới xét theo thời gian áp dụng của từng mục."),
    )


@login_required
def quota_edit(request, pk: int | None = None):
    scope = catalogue_admin_scope(request)
    quota = None
    if pk:
        quota = get_object_or_404(AwardQuota.objects.select_related("award_kind", "granting_unit"), pk=pk)
        if quota.granting_unit is not None and not scope.can(quota.granting_unit, Action.VIEW):
            raise Http404
    national = is_national_admin(scope)
    units = administered_units(scope=scope, max_level=3)
    form = QuotaForm(request.POST or None, instance=quota, units=units, national=national)

    def save(data):
        services.quota_save(scope=scope, quota=quota, **data)
        return reverse("emulation:catalogue_manage") + f"?year={data['year']}"

    return run_form(
        request,
        save,
        form=form,
        template="emulation/quota_form.html",
        context={"quota": quota},
        success=_("Đã lưu chỉ tiêu khen thưởng; hội đồng xét theo chỉ tiêu mới."),
    )
