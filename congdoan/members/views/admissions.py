"""Admission lists: the list pages, and submit / approve / return."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services
from ..models import AdmissionBatch


@login_required
def batch_list(request):
    scope = Scope.of(request)
    status = request.GET.get("status", "")
    batches = selectors.batch_list(scope=scope, status=status)[:200]
    return render(
        request,
        "members/batch_list.html",
        {"batches": batches, "status": status, "statuses": AdmissionBatch.Status.choices},
    )


@login_required
def batch_detail(request, pk: int):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=pk)
    context = {
        "batch": batch,
        "members": selectors.batch_members(batch=batch),
        "can_submit": scope.can(batch.unit)
        and batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        "can_decide": scope.can(batch.unit, Action.APPROVE)
        and batch.status == AdmissionBatch.Status.SUBMITTED,
        "approve_form": forms.ApproveForm(),
        "return_form": forms.ReasonForm(),
    }
    return render(request, "members/batch_detail.html", context)


def _batch_action(request, pk: int, form_class, call, success: str):
    """A button on the list's page: the service's refusal comes back as a message on that page."""
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=pk)
    back = reverse("members:batch", kwargs={"pk": batch.pk})
    if request.method != "POST":
        return redirect(back)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần nhập đủ thông tin."))
        return redirect(back)
    return run_form(request, lambda: call(scope, batch, form.cleaned_data), back=back, success=success)


@login_required
def batch_submit(request, pk: int):
    return _batch_action(
        request,
        pk,
        forms.forms.Form,
        lambda s, b, d: services.batch_submit(scope=s, batch=b),
        _("Đã gửi danh sách. Danh sách đang chờ cấp trên duyệt; khi được duyệt, đoàn viên được cấp mã."),
    )


@login_required
def batch_approve(request, pk: int):
    return _batch_action(
        request,
        pk,
        forms.ApproveForm,
        lambda s, b, d: services.batch_approve(scope=s, batch=b, decision_no=d["decision_no"]),
        _("Đã duyệt danh sách. Đoàn viên đã được cấp mã và có thể đề nghị làm thẻ."),
    )


@login_required
def batch_return(request, pk: int):
    return _batch_action(
        request,
        pk,
        forms.ReasonForm,
        lambda s, b, d: services.batch_return(scope=s, batch=b, reason=d["reason"]),
        _("Đã trả lại danh sách. Đơn vị sẽ thấy lý do, sửa và gửi lại."),
    )
