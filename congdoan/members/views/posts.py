"""Union posts a member held: add, correct or end, delete one entered by mistake."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ._common import detail_url

OPERATION = "members/operation.html"


@login_required
def post_add(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.PostForm(request.POST or None)

    def action(data):
        services.post_add(scope=scope, member=member, **data)
        return detail_url(member)

    context = {"title": _("Thêm chức vụ cho “%(m)s”") % {"m": member.full_name}, "member": member}
    return run_form(request, action, form=form, template=OPERATION, context=context)


def _post_of(request, pk: int, post_id: int):
    """The member (scoped: 404 outside the user's units) and one of their posts; refused without the right."""
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    post = get_object_or_404(selectors.member_posts(member=member), pk=post_id)
    if not scope.can(member.unit):
        raise PermissionDenied
    return scope, member, post


@login_required
def post_edit(request, pk: int, post_id: int):
    """Correct a post, or end it by giving its last day."""
    scope, member, post = _post_of(request, pk, post_id)
    initial = {f: getattr(post, f) for f in ("title", "valid_from", "valid_to", "is_full_time")}
    form = forms.PostEditForm(request.POST or None, initial=initial)

    def action(data):
        services.post_update(scope=scope, post=post, **data)
        return detail_url(member)

    title = _("Sửa chức vụ “%(t)s” của “%(m)s”") % {"t": post.title, "m": member.full_name}
    return run_form(
        request, action, form=form, template=OPERATION, context={"title": title, "member": member}
    )


@login_required
def post_delete(request, pk: int, post_id: int):
    """Delete a post entered by mistake, after a confirmation page."""
    scope, member, post = _post_of(request, pk, post_id)
    if request.method == "POST":
        return run_form(
            request,
            lambda: services.post_delete(scope=scope, post=post),
            success=_("Đã xoá chức vụ “%(t)s”.") % {"t": post.title},
            back=detail_url(member),
        )
    title = _("Xoá chức vụ “%(t)s” (từ %(d)s) của “%(m)s”?") % {
        "t": post.title,
        "d": format_date(post.valid_from),
        "m": member.full_name,
    }
    context = {"title": title, "member": member, "form": forms.ConfirmForm(), "danger": True}
    return render(request, OPERATION, context)
