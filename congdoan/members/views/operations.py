"""Operations on one member from their page: transfer, leave, re-admit, card steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.audit.selectors import decision_no_suggest
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ._common import detail_url

OPERATION = "members/operation.html"


def _next_decision(member) -> dict:
    """The decision number suggested for an operation on ``member``: its union's next one this year."""
    return {"decision_no": decision_no_suggest(unit_id=member.unit_id, year=today().year)}


@login_required
def member_transfer(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.TransferForm(request.POST or None, initial=_next_decision(member))

    def action(data):
        to_unit = selectors.transfer_target_by_code(code=data["to_unit_code"])
        if to_unit is None:
            raise ValidationError(
                {"to_unit_code": _("Không có công đoàn cơ sở mã “%(c)s”.") % {"c": data["to_unit_code"]}}
            )
        result = services.member_transfer(
            scope=scope,
            member=member,
            to_unit=to_unit,
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
        )
        if not hasattr(result, "code"):
            messages.info(
                request, _("Đã gửi đề nghị chuyển sinh hoạt; chờ “%(u)s” tiếp nhận.") % {"u": to_unit.name}
            )
        return detail_url(member)

    context = {"title": _("Chuyển sinh hoạt “%(m)s”") % {"m": member.full_name}, "member": member}
    return run_form(request, action, form=form, template=OPERATION, context=context)


@login_required
def member_leave(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.LeaveForm(
        request.POST or None, reasons=selectors.leave_reasons(), initial=_next_decision(member)
    )

    def action(data):
        services.member_leave(
            scope=scope,
            member=member,
            left_on=data["left_on"],
            reason=data["reason"],
            decision_no=data["decision_no"],
        )
        return detail_url(member)

    title = _("Thôi sinh hoạt “%(m)s”") % {"m": member.full_name}
    context = {"title": title, "member": member, "danger": True}
    return run_form(request, action, form=form, template=OPERATION, context=context)


@login_required
def member_readmit(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    units = selectors.grassroots_in_scope(scope=scope)
    form = forms.ReadmitForm(
        request.POST or None, units=units, initial={"unit": member.unit_id, **_next_decision(member)}
    )

    def action(data):
        services.member_readmit(
            scope=scope,
            member=member,
            unit=data["unit"],
            readmitted_on=data["readmitted_on"],
            decision_no=data["decision_no"],
        )
        return detail_url(member)

    context = {"title": _("Kết nạp lại “%(m)s”") % {"m": member.full_name}, "member": member}
    return run_form(request, action, form=form, template=OPERATION, context=context)


CARD_STEPS = {
    "request": services.card_request,
    "print": services.card_print,
    "hand_over": services.card_hand_over,
}


@login_required
@require_POST
def member_card(request, pk: int, step: str):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    if step not in CARD_STEPS:
        raise Http404
    form = forms.CardForm(request.POST)
    day = form.cleaned_data["on"] if form.is_valid() else today()
    return run_form(
        request,
        lambda: CARD_STEPS[step](scope=scope, member=member, on=day),
        success=_("Đã cập nhật tình trạng thẻ."),
        back=detail_url(member),
    )
