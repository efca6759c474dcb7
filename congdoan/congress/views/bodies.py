"""A term's page: its congress, its bodies and their people; appointing committees; the recognising decision."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services


@login_required
def term_page(request, pk: int):
    scope = Scope.of(request)
    term = selectors.term_get(scope=scope, pk=pk)
    congress = getattr(term, "congress", None)
    context = {
        "term": term,
        "congress": congress,
        "unit": term.unit,
        "bodies": selectors.bodies_of(term=term),
        "can_act": scope.can(term.unit),
        "can_recognise": scope.can(term.unit, Action.APPROVE),
    }
    return render(request, "congress/term.html", context)


@login_required
def congress_page(request, pk: int):
    return redirect("congress:term", selectors.congress_get(scope=Scope.of(request), pk=pk).term_id)


@login_required
def seat_new(request, pk: int):
    scope = Scope.of(request)
    term = selectors.term_get(scope=scope, pk=pk)
    if not scope.can(term.unit):
        raise PermissionDenied
    members = member_selectors.members_in_scope(scope=scope, unit=term.unit, active=True)
    initial = {"kind": request.GET.get("kind", "executive")[:16]}
    form = forms.SeatForm(request.POST or None, members=members, initial=initial)
    form.fields["member"].widget.unit_id = term.unit.pk

    def action(data):
        services.seat_add(scope=scope, term=term, **data)
        return term

    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={
            "title": _("Thêm người vào cơ quan lãnh đạo"),
            "unit": term.unit,
            "back": term.get_absolute_url(),
        },
        success=_("Đã thêm."),
    )


@login_required
@require_POST
def seat_remove(request, pk: int):
    scope = Scope.of(request)
    seat = selectors.seat_get(scope=scope, pk=pk)
    term = seat.body.term
    return run_form(
        request,
        lambda: services.seat_remove(scope=scope, seat=seat),
        back=term.get_absolute_url(),
        success=_("Đã bỏ “%(n)s”.") % {"n": seat.full_name},
    )


@login_required
def term_appoint(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.APPROVE):
        raise PermissionDenied
    form = forms.AppointForm(request.POST or None)

    def action(data):
        return services.term_appoint(scope=scope, unit=unit, **data)

    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={
            "title": _("Chỉ định Ban Chấp hành (đơn vị thành lập mới, hợp nhất, sáp nhập)"),
            "unit": unit,
            "back": f"/congress/units/{unit.pk}/",
        },
        success=_("Đã lưu quyết định chỉ định. Hãy nhập danh sách Ban Chấp hành."),
    )


@login_required
def term_recognise(request, pk: int):
    scope = Scope.of(request)
    term = selectors.term_get(scope=scope, pk=pk)
    if not scope.can(term.unit, Action.APPROVE):
        raise PermissionDenied
    initial = {
        "decision_no": term.decision_no,
        "decision_date": term.decision_date,
        "signer_name": term.signer_name,
    }
    if term.signer_title:
        initial["signer_title"] = term.signer_title
    form = forms.RecogniseForm(request.POST or None, initial=initial, version=term.version)

    def action(data):
        return services.term_recognise(scope=scope, term=term, **data)

    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={
            "title": _("Quyết định công nhận Ban Chấp hành"),
            "unit": term.unit,
            "back": term.get_absolute_url(),
        },
        success=_("Đã lưu quyết định công nhận."),
    )
