"""Pages of the unit kinds' list (national): administrators see it, national administrators edit it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from congdoan.core.forms import StyledModelForm
from congdoan.core.views import run_form

from .catalogue_access import catalogue_admin_scope, is_national_admin, require_national_admin
from .kind_services import unit_kind_save
from .models import UnitKind


class UnitKindForm(StyledModelForm):
    class Meta:
        model = UnitKind
        fields = ["code", "name", "level", "is_grassroots", "is_historic", "sort_order"]
        labels = {"sort_order": _l("Thứ tự")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sort_order"].required = False  # empty: 0


@login_required
def unit_kind_list(request):
    scope = catalogue_admin_scope(request)
    rows = [
        {
            "cells": [k.code, k.name, k.level, _("Có") if k.is_grassroots else ""],
            "active": not k.is_historic,
            "edit_url": reverse("org:unit_kind_edit", args=[k.pk]),
        }
        for k in UnitKind.objects.all()
    ]
    context = {
        "title": _("Loại đơn vị"),
        "columns": [_("Mã"), _("Tên loại"), _("Cấp"), _("Là công đoàn cơ sở")],
        "rows": rows,
        "can_edit": is_national_admin(scope),
        "new_url": reverse("org:unit_kind_new"),
        "note": _("Loại “chỉ còn trong lịch sử” không dùng để thành lập đơn vị mới; đơn vị cũ giữ nguyên."),
    }
    return render(request, "core/catalogue_list.html", context)


@login_required
def unit_kind_edit(request, pk: int | None = None):
    scope = catalogue_admin_scope(request)
    require_national_admin(scope)
    kind = get_object_or_404(UnitKind, pk=pk) if pk else None
    form = UnitKindForm(request.POST or None, instance=kind)

    def save(data):
        unit_kind_save(scope=scope, kind=kind, **data)
        return reverse("org:unit_kinds")

    return run_form(
        request,
        save,
        form=form,
        template="core/catalogue_form.html",
        context={
            "title": kind.name if kind else _("Thêm loại đơn vị"),
            "back_url": reverse("org:unit_kinds"),
            "back_title": _("Loại đơn vị"),
        },
        success=_("Đã lưu loại đơn vị."),
    )
