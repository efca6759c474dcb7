"""Pages of the catalogue: indicators and forms; administrators edit indicators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import selectors, services
from ..constants import PeriodType
from ..forms import IndicatorForm
from ..models import Indicator


@login_required
def indicator_list(request):
    scope = Scope.of(request)
    return render(
        request,
        "targets/indicators.html",
        {
            "indicators": selectors.indicator_list(scope=scope),
            "forms": selectors.form_list(scope=scope),
            "can_edit": _is_admin(scope),
            "period_types": PeriodType,
        },
    )


def _is_admin(scope) -> bool:
    try:
        services.require_admin(scope)
    except PermissionDenied:
        return False
    return True


@login_required
def indicator_edit(request, pk: int | None = None):
    scope = Scope.of(request)
    if not _is_admin(scope):
        raise Http404
    indicator = get_object_or_404(Indicator, pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=indicator)

    def save(data):
        services.indicator_save(scope=scope, indicator=indicator, **data)
        return reverse("targets:indicators")

    return run_form(
        request,
        save,
        form=form,
        template="targets/indicator_form.html",
        context={"indicator": indicator},
        success=_("Đã lưu chỉ tiêu."),
    )
