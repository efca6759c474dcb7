"""Pages of the leave reasons' list (national): administrators see it, national administrators edit it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from congdoan.core.forms import StyledModelForm
from congdoan.core.views import run_form
from congdoan.org.catalogue_access import catalogue_admin_scope, is_national_admin, require_national_admin

from .. import services
from ..models import LeaveReason


class LeaveReasonForm(StyledModelForm):
    class Meta:
        model = LeaveReason
        fields = ["code", "name", "is_active", "sort_order"]
        labels = {"sort_order": _l("Thứ tự")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sort_order"].required = False  # empty: 0


@login_required
def leave_reason_list(request):
    scope = catalogue_admin_scope(request)
    rows = [
        {
            "cells": [r.code, r.name, _("Có") if r.is_system else ""],
            "active": r.is_active,
            "edit_url": reverse("members:leave_reason_edit", args=[r.pk]),
        }
        for r in LeaveReason.objects.all()
    ]
    context = {
        "title": _("Lý do thôi sinh hoạt"),
        "columns": [_("Mã"), _("Lý do"), _("Do hệ thống dùng")],
        "rows": rows,
        "can_edit": is_national_admin(scope),
        "new_url": reverse("members:leave_reason_new"),
        "note": _(
            "Lý do ngừng dùng không còn trong danh sách chọn khi cho thôi sinh hoạt; hồ sơ cũ giữ nguyên."
        ),
    }
    return render(request, "core/catalogue_list.html", context)


@login_required
def leave_reason_edit(request, pk: int | None = None):
    scope = catalogue_admin_scope(request)
    require_national_admin(scope)
    reason = get_object_or_404(LeaveReason, pk=pk) if pk else None
    form = LeaveReasonForm(request.POST or None, instance=reason)

    def save(data):
        services.leave_reason_save(scope=scope, reason=reason, **data)
        return reverse("members:leave_reasons")

    return run_form(
        request,
        save,
        form=form,
        template="core/catalogue_form.html",
        context={
            "title": reason.name if reason else _("Thêm lý do thôi sinh hoạt"),
            "back_url": reverse("members:leave_reasons"),
            "back_title": _("Lý do thôi sinh hoạt"),
        },
        success=_("Đã lưu lý do thôi sinh hoạt."),
    )
