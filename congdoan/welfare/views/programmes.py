"""Programme pages: the list, the form, the detail and fund sources."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ..constants import PaymentStatus, ProgrammeKind
from ._common import _units


@login_required
def index(request):
    scope = Scope.of(request)
    kind = request.GET.get("kind", "")
    programmes = selectors.programme_list(scope=scope, kind=kind, q=request.GET.get("q", ""))
    page = Paginator(programmes, 30).get_page(request.GET.get("page"))
    return render(request, "welfare/index.html", {"page": page, "kinds": ProgrammeKind.choices, "kind": kind})


def _programme_form_page(request, programme=None):
    scope = Scope.of(request)
    owners = _units(scope)
    initial = {"start": today(), "end": today() + dt.timedelta(days=60)}
    if programme is not None:
        if not scope.can(programme.owner):
            raise PermissionDenied
        initial = {f: getattr(programme, f) for f in services.PROGRAMME_FIELDS}
        initial.update(owner=programme.owner_id, units=list(programme.units.values_list("pk", flat=True)))
    version = programme.version if programme is not None else None
    form = forms.ProgrammeForm(request.POST or None, owners=owners, initial=initial, version=version)
    if programme is not None:
        form.fields["owner"].disabled = True

    def action(data):
        fields = {f: data[f] for f in services.PROGRAMME_FIELDS}
        units = list(data["units"])
        if programme is None:
            return services.programme_create(scope=scope, owner=data["owner"], units=units, **fields)
        return services.programme_update(
            scope=scope, programme=programme, units=units, version=data.get("version"), **fields
        )

    title = _("Sửa chương trình") if programme else _("Lập chương trình chăm lo")
    return run_form(
        request,
        action,
        form=form,
        template="welfare/form.html",
        context={"title": title, "programme": programme},
        success=_("Đã lưu chương trình."),
    )


@login_required
def programme_new(request):
    return _programme_form_page(request)


@login_required
def programme_edit(request, pk: int):
    return _programme_form_page(request, selectors.programme_get(scope=Scope.of(request), pk=pk))


@login_required
def programme_detail(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    status = request.GET.get("status", "")
    payments = selectors.payment_list(
        scope=scope, programme=programme, status=status, q=request.GET.get("q", "")
    )
    page = Paginator(payments.order_by("status", "unit__path", "id"), 50).get_page(request.GET.get("page"))
    by_status = dict(
        payments.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    counts = [(label, by_status.get(value, 0)) for value, label in PaymentStatus.choices]
    context = {
        "programme": programme,
        "page": page,
        "status": status,
        "statuses": PaymentStatus.choices,
        "counts": counts,
        "funds": selectors.fund_usage(scope=scope, programme=programme),
        "houses": selectors.house_list(scope=scope, programme=programme)[:50],
        "n_registrations": selectors.registration_list(scope=scope, programme=programme).count(),
        "is_owner": scope.can(programme.owner),
        "is_house": programme.kind == ProgrammeKind.UNION_HOUSE,
    }
    return render(request, "welfare/programme_detail.html", context)


@login_required
def fund_new(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.FundForm(request.POST or None)

    def action(data):
        services.fund_add(scope=scope, programme=programme, **data)
        return programme

    return run_form(
        request,
        action,
        form=form,
        template="welfare/form.html",
        context={"title": _("Thêm nguồn kinh phí"), "programme": programme},
        success=_("Đã thêm nguồn kinh phí."),
    )
