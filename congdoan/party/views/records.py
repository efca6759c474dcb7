"""Introduce a member; one introduction (and its next step); a member's Party record."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.core.scoping import Action
from congdoan.core.views import int_param, run_form
from congdoan.members import selectors as member_selectors
from congdoan.members.constants import MemberStatus, PartyStatus

from .. import forms, selectors, services
from ._common import officer_scope


def _members(scope):
    return scope.filter(
        member_selectors.members_in_scope(scope=scope, active=True), "unit__path", action=Action.ACT
    )


@login_required
def introduce(request):
    scope = officer_scope(request)
    members = _members(scope)
    initial = {}
    member_id = int_param(request, "member")
    if member_id:
        initial["member"] = members.filter(pk=member_id).first()
    form = forms.IntroduceForm(request.POST or None, members=members, initial=initial)

    def action(data):
        return services.introduction_create(scope=scope, **data)

    return run_form(
        request,
        action,
        form=form,
        template="party/form.html",
        context={"title": _("Giới thiệu đoàn viên ưu tú cho Đảng")},
        success=_("Đã ghi nhận việc giới thiệu đoàn viên cho Đảng."),
    )


@login_required
def detail(request, pk: int):
    scope = officer_scope(request)
    introduction = selectors.introduction_get(scope=scope, pk=pk)
    form = None
    if introduction.is_open:
        form = forms.MoveForm(request.POST or None, status=introduction.status, version=introduction.version)
    if request.method == "GET":
        services.party_record_read(
            scope=scope, member=introduction.member, unit=introduction.unit, via=request.path
        )

    def action(data):
        services.introduction_move(scope=scope, introduction=introduction, **data)
        return introduction

    context = {
        "i": introduction,
        "history": selectors.member_introductions(scope=scope, member=introduction.member),
    }
    if form is None:
        return render(request, "party/detail.html", {**context, "form": None})
    return run_form(
        request, action, form=form, template="party/detail.html", context=context, success=_("Đã cập nhật.")
    )


@login_required
def edit(request, pk: int):
    scope = officer_scope(request)
    introduction = selectors.introduction_get(scope=scope, pk=pk)
    form = forms.EditForm(
        request.POST or None,
        initial={f: getattr(introduction, f) for f in ("resolution_no", "party_cell", "mentors")},
        version=introduction.version,
    )

    def action(data):
        return services.introduction_update(scope=scope, introduction=introduction, **data)

    return run_form(
        request,
        action,
        form=form,
        template="party/form.html",
        context={"title": _("Sửa hồ sơ giới thiệu của “%(m)s”") % {"m": introduction.member.full_name}},
    )


@login_required
def member(request, pk: int):
    """A member's Party record: every introduction, and a button to introduce them."""
    scope = officer_scope(request)
    person = member_selectors.member_get(scope=scope, pk=pk)
    if not scope.can(person.unit, Action.ACT):
        raise Http404
    services.party_record_read(scope=scope, member=person, unit=person.unit, via=request.path)
    history = selectors.member_introductions(scope=scope, member=person)
    can_introduce = (
        person.status == MemberStatus.ACTIVE
        and person.party_status != PartyStatus.ADMITTED
        and not any(i.is_open for i in history)
    )
    return render(
        request, "party/member.html", {"member": person, "history": history, "can_introduce": can_introduce}
    )
