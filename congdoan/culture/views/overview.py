"""The culture-standard landing page: a unit's unions below with their standing, the figures, the export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.files import export_name, file_response
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import int_param, year_param
from congdoan.org import selectors as org_selectors

from .. import exports, selectors
from ..constants import CultureType, Status

PAGE_SIZE = 100


def chosen_unit(request, scope: Scope):
    """The ``?unit=`` in scope, else the first unit the user is assigned to."""
    roots = list(org_selectors.unit_roots(scope=scope))
    if not roots:
        raise PermissionDenied(_("Tài khoản chưa được giao đơn vị nào."))
    pk = int_param(request, "unit")
    if pk:
        try:
            return org_selectors.unit_get(scope=scope, pk=pk)
        except Http404:
            pass
    return roots[0]


@login_required
def index(request):
    scope = Scope.of(request)
    unit = chosen_unit(request, scope)
    year = year_param(request, today().year, minimum=2000, maximum=today().year + 1)
    status = request.GET.get("status", "")
    status = status if status in selectors.FILTERS else ""
    figures = selectors.culture_figures(scope=scope, unit=unit, year=year)
    if request.GET.get("format") == "xlsx":
        if figures["grassroots"] > exports.inline_limit():
            messages.error(
                request,
                _("Danh sách có %(n)s công đoàn cơ sở, quá nhiều để xuất ngay; hãy chọn một đơn vị cấp dưới.")
                % {"n": figures["grassroots"]},
            )
            return redirect(f"{request.path}?unit={unit.pk}&year={year}")
        rows, _count = selectors.union_rows(scope=scope, unit=unit, year=year, limit=exports.inline_limit())
        return file_response(
            exports.culture_xlsx(figures, rows), export_name("dat-chuan-van-hoa", unit.code, year)
        )
    page = int_param(request, "page", 1, minimum=1, maximum=100_000)
    rows, count = selectors.union_rows(
        scope=scope, unit=unit, year=year, status=status, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    context = {
        "unit": unit,
        "year": year,
        "years": list(range(today().year + 1, 2021, -1)),
        "status": status,
        "statuses": [(s, Status(s).label) for s in selectors.FILTERS],
        "figures": figures,
        "rows": rows,
        "count": count,
        "page": page,
        "pages": max(1, (count + PAGE_SIZE - 1) // PAGE_SIZE),
        "registrations": selectors.registration_list(scope=scope, unit=unit)[:20]
        if unit.kind.is_grassroots
        else [],
        "can_register": scope.filter(org_selectors.active_grassroots(), action=Action.ACT).exists(),
        "units": org_selectors.natural_order([unit, *org_selectors.unit_children(scope=scope, unit=unit)]),
        "ancestors": org_selectors.unit_ancestors(scope=scope, unit=unit),
        "types": CultureType.choices,
    }
    return render(request, "culture/index.html", context)
