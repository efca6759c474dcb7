"""Pages of the report forms' catalogue: national administrators edit forms and their validation rules.

Non-administrators do not see these pages (404); administrators below the national level see the list and
are refused (403) any change.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form
from congdoan.org.catalogue_access import catalogue_admin_scope, is_national_admin, require_national_admin

from .. import services
from ..catalogue_forms import ReportFormForm, RuleForm
from ..models import Indicator, ReportForm, ValidationRule


def _admin_scope(request, *, edit: bool) -> Scope:
    scope = catalogue_admin_scope(request)
    if edit:
        require_national_admin(scope)
    return scope


@login_required
def form_list(request):
    scope = _admin_scope(request, edit=False)
    forms = ReportForm.objects.annotate(n_reports=Count("reports", distinct=True)).prefetch_related(
        "items__indicator", "rules__left", "rules__right"
    )
    context = {"report_forms": forms.order_by("-is_active", "name"), "can_edit": is_national_admin(scope)}
    return render(request, "targets/form_catalogue.html", context)


def _offered_indicators(form: ReportForm | None):
    """Indicators in force today, and those already on the form (even if ended)."""
    day = today()
    in_force = Indicator.objects.filter(valid_from__lte=day).exclude(valid_to__lt=day)
    if form is not None:
        in_force = in_force | Indicator.objects.filter(form_items__form=form)
    return list(in_force.distinct().order_by("sort_order", "name"))


@login_required
def form_edit(request, pk: int | None = None):
    scope = _admin_scope(request, edit=True)
    report_form = get_object_or_404(ReportForm, pk=pk) if pk else None
    form = ReportFormForm(
        request.POST or None, instance=report_form, indicators=_offered_indicators(report_form)
    )

    def save(data):
        saved = services.report_form_edit(
            scope=scope,
            form=report_form,
            code=data["code"],
            name=data["name"],
            period_type=data["period_type"],
            deadline_days=data["deadline_days"],
            is_active=data["is_active"],
            indicators=data["indicators"],
        )
        return reverse("targets:form_edit", args=[saved.pk])

    rules = report_form.rules.select_related("left", "right") if report_form else []
    return run_form(
        request,
        save,
        form=form,
        template="targets/form_catalogue_edit.html",
        context={"report_form": report_form, "rules": rules},
        success=_(
            "Đã lưu mẫu báo cáo. Các báo cáo đã mở giữ nguyên chỉ tiêu cũ; báo cáo mở từ nay theo mẫu mới."
        ),
    )


@login_required
def rule_edit(request, form_pk: int, pk: int | None = None):
    scope = _admin_scope(request, edit=True)
    report_form = get_object_or_404(ReportForm, pk=form_pk)
    rule = get_object_or_404(ValidationRule, pk=pk, form=report_form) if pk else None
    form = RuleForm(request.POST or None, instance=rule, report_form=report_form)

    def save(data):
        services.rule_save(scope=scope, form=report_form, rule=rule, **data)
        return reverse("targets:form_edit", args=[report_form.pk])

    return run_form(
        request,
        save,
        form=form,
        template="targets/rule_edit.html",
        context={"report_form": report_form, "rule": rule},
        success=_("Đã lưu quy tắc kiểm tra; quy tắc áp dụng khi lưu và gửi báo cáo."),
    )


@require_POST
@login_required
def rule_delete(request, form_pk: int, pk: int):
    scope = _admin_scope(request, edit=True)
    rule = get_object_or_404(
        ValidationRule.objects.select_related("left", "right", "form"), pk=pk, form_id=form_pk
    )
    back = reverse("targets:form_edit", args=[form_pk])
    return run_form(
        request, lambda: services.rule_delete(scope=scope, rule=rule), success=_("Đã xoá quy tắc."), back=back
    )
