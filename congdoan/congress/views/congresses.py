"""Congress pages: the list, a unit's congresses and terms, planning and recording a congress."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import int_param, run_form, year_param
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services
from ..constants import CongressForm


@login_required
def index(request):
    scope = Scope.of(request)
    unit_id = int_param(request, "unit")
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    year = year_param(request)
    congresses = selectors.congress_list(scope=scope, unit=unit, year=year)
    page = Paginator(congresses, 30).get_page(int_param(request, "page", 1, minimum=1))
    context = {
        "page": page,
        "plans": selectors.plan_list(scope=scope)[:20],
        "units": org_selectors.unit_roots(scope=scope),
        "unit": unit,
        "year": year,
    }
    return render(request, "congress/index.html", context)


@login_required
def unit_page(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    context = {
        "unit": unit,
        "terms": selectors.terms_of(scope=scope, unit=unit),
        "plans": selectors.plans_above(unit=unit)[:5],
        "can_act": scope.can(unit),
        "can_appoint": scope.can(unit, Action.APPROVE),
    }
    return render(request, "congress/unit.html", context)


def _congress_form_page(request, *, unit=None, congress=None):
    scope = Scope.of(request)
    unit = unit or congress.unit
    if not scope.can(unit):
        raise PermissionDenied
    if congress is None:
        year = today().year
        initial = {"start_year": year, "end_year": year + 5, "form": CongressForm.ALL_MEMBERS}
        version = None
    else:
        initial = {f: getattr(congress, f) for f in services.CONGRESS_FIELDS}
        initial.update(start_year=congress.term.start_year, end_year=congress.term.end_year)
        version = congress.version
    form = forms.CongressPlanForm(request.POST or None, initial=initial, version=version)

    def action(data):
        fields = {f: data[f] for f in services.CONGRESS_FIELDS}
        years = {"start_year": data["start_year"], "end_year": data["end_year"]}
        if congress is None:
            return services.congress_create(scope=scope, unit=unit, **years, **fields)
        return services.congress_update(
            scope=scope, congress=congress, version=data.get("version"), **years, **fields
        )

    title = _("Sửa đại hội") if congress else _("Dự kiến đại hội")
    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={"title": title, "unit": unit, "back": congress.get_absolute_url() if congress else ""},
        success=_("Đã lưu đại hội."),
    )


@login_required
def congress_new(request, pk: int):
    return _congress_form_page(request, unit=org_selectors.unit_get(scope=Scope.of(request), pk=pk))


@login_required
def congress_edit(request, pk: int):
    return _congress_form_page(request, congress=selectors.congress_get(scope=Scope.of(request), pk=pk))


@login_required
def congress_record(request, pk: int):
    scope = Scope.of(request)
    congress = selectors.congress_get(scope=scope, pk=pk)
    if not scope.can(congress.unit):
        raise PermissionDenied
    initial = {
        "held_on": congress.held_on or congress.planned_on,
        "form": congress.form,
        "consent_no": congress.consent_no,
        "delegates": congress.delegates,
        "members_count": congress.members_count,
    }
    form = forms.CongressRecordForm(request.POST or None, initial=initial, version=congress.version)

    def action(data):
        return services.congress_record(
            scope=scope,
            congress=congress,
            held_on=data["held_on"],
            form=data["form"],
            consent_no=data["consent_no"],
            delegates=data["delegates"],
            members_count=data["members_count"],
            version=data.get("version"),
        )

    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={
            "title": _("Ghi nhận đại hội đã tổ chức"),
            "unit": congress.unit,
            "back": congress.get_absolute_url(),
        },
        success=_("Đã ghi nhận đại hội. Hãy nhập Ban Chấp hành và các cơ quan được bầu."),
    )
