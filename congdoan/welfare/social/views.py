"""Pages of social work: the gift list (with its figures and Excel export), a gift, donors, an Excel list."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus

from .. import selectors as welfare_selectors
from . import exports, forms, selectors, services
from .excel import gift_rows


def _units(scope):
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE).order_by("path")


def _programmes(scope):
    return welfare_selectors.programme_list(scope=scope)


@login_required
def social(request):
    scope = Scope.of(request)
    units = _units(scope)
    form = forms.GiftFilterForm(request.GET or None, units=units)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit = roots[0] if roots else None
    year = today().year
    start, end, kind = dt.date(year, 1, 1), dt.date(year, 12, 31), ""
    if form.is_valid():
        unit = form.cleaned_data["unit"] or unit
        start = form.cleaned_data["start"] or start
        end = form.cleaned_data["end"] or end
        kind = form.cleaned_data["recipient_kind"] or ""
    if unit is None:
        raise PermissionDenied
    gifts = selectors.gift_list(scope=scope, unit=unit, start=start, end=end, recipient_kind=kind)
    figures = selectors.social_figures(scope=scope, unit=unit, start=start, end=end)
    if request.GET.get("format") == "xlsx":
        return file_response(
            exports.gifts_xlsx(unit=unit, start=start, end=end, gifts=gifts, figures=figures),
            f"cong-tac-xa-hoi-{unit.code}.xlsx",
        )
    page = Paginator(gifts, 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "unit": unit,
        "start": start,
        "end": end,
        "s": figures,
        "kind": kind,
    }
    context["can_act"] = scope.can(unit)
    return render(request, "welfare/social/index.html", context)


@login_required
def gift_new(request):
    scope = Scope.of(request)
    donors = selectors.donor_list(scope=scope)
    form = forms.GiftEntryForm(
        request.POST or None,
        units=_units(scope),
        donors=donors,
        programmes=_programmes(scope),
        initial={"given_on": today()},
    )

    def action(data):
        services.gift_create(scope=scope, **data)
        return reverse("welfare:social")

    return run_form(
        request,
        action,
        form=form,
        template="welfare/social/form.html",
        context={"title": _("Ghi nhận quà tặng công tác xã hội")},
        success=_("Đã ghi nhận quà tặng."),
    )


@login_required
@require_POST
def gift_delete(request, pk: int):
    scope = Scope.of(request)
    gift = selectors.gift_get(scope=scope, pk=pk)
    return run_form(
        request,
        lambda: services.gift_delete(scope=scope, gift=gift),
        back=reverse("welfare:social"),
        success=_("Đã xoá quà tặng."),
    )


@login_required
def donors(request):
    scope = Scope.of(request)
    q = (request.GET.get("q") or "")[:100]
    rows = selectors.donor_list(scope=scope, q=q)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "welfare/social/donors.html", {"page": page, "q": q})


@login_required
def donor_new(request):
    scope = Scope.of(request)
    form = forms.DonorEntryForm(request.POST or None, units=_units(scope))

    def action(data):
        services.donor_create(scope=scope, **data)
        return reverse("welfare:donors")

    return run_form(
        request,
        action,
        form=form,
        template="welfare/social/form.html",
        context={"title": _("Thêm nhà tài trợ")},
        success=_("Đã thêm nhà tài trợ."),
    )


@login_required
def gift_import(request):
    scope = Scope.of(request)
    units = _units(scope)
    form = forms.GiftImportForm(
        request.POST or None, request.FILES or None, units=units, programmes=_programmes(scope)
    )

    def action(data):
        rows = gift_rows(data["file"].read())
        codes = {r["unit_code"] for r in rows if r["unit_code"]}
        by_code = org_selectors.units_by_codes(codes, ignore_case=True)
        made = services.gifts_import(
            scope=scope, rows=rows, units=by_code, unit=data["unit"], programme=data["programme"]
        )
        return reverse("welfare:social") + f"?start={min(g.given_on for g in made).isoformat()}"

    return run_form(
        request,
        action,
        form=form,
        template="welfare/social/import.html",
        context={},
        success=_("Đã nhập danh sách quà tặng."),
    )
