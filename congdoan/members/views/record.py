"""The member record: admit a new member, show the record, correct personal data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ..constants import MemberStatus
from ._common import actable, detail_url

OPERATION = "members/operation.html"


@login_required
def member_new(request):
    scope = Scope.of(request)
    units = selectors.grassroots_in_scope(scope=scope).filter(pk__in=actable(scope))
    unit = request.GET.get("unit")
    if not unit:
        only = list(units.values_list("pk", flat=True)[:2])
        unit = only[0] if len(only) == 1 else None  # the officer's only grassroots union, preselected
    form = forms.AdmitForm(request.POST or None, units=units, initial={"unit": unit})

    def action(data):
        personal = {k: v for k, v in data.items() if k not in ("unit", "admitted_on", "decision_no")}
        member = services.member_admit(
            scope=scope,
            unit=data["unit"],
            admitted_on=data["admitted_on"],
            decision_no=data["decision_no"],
            **personal,
        )
        return detail_url(member)

    return run_form(
        request,
        action,
        form=form,
        template=OPERATION,
        context={"title": _("Kết nạp đoàn viên mới")},
        success=_(
            "Đã lập hồ sơ. Đoàn viên nằm trong danh sách đề nghị kết nạp: gửi danh sách để cấp trên duyệt và cấp mã."
        ),
    )


@login_required
def member_detail(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    can_act = scope.can(member.unit) and member.status != MemberStatus.MERGED
    context = {
        "member": member,
        "stints": selectors.member_stints(member=member),
        "posts": selectors.member_posts(member=member),
        "can_act": can_act,
        "card_form": forms.CardForm(),
        "batches": member.admission_batches.all(),
    }
    return render(request, "members/detail.html", context)


@login_required
def member_edit(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    initial = {f: getattr(member, f) for f in services.PERSONAL_FIELDS}
    form = forms.PersonalEditForm(request.POST or None, initial=initial, version=member.version)

    def action(data):
        services.member_update(scope=scope, member=member, **data)
        return detail_url(member)

    context = {"title": _("Sửa thông tin “%(m)s”") % {"m": member.full_name}, "member": member}
    return run_form(request, action, form=form, template=OPERATION, context=context)
