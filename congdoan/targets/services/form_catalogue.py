"""Report forms and their validation rules, edited in the app by national administrators.

A report copies the form's indicators into its own rows when it is opened (``report_open``), so editing a form
changes only reports opened afterwards; what would change the meaning of existing reports (their period type)
is refused once the form has reports.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope
from congdoan.org.catalogue_access import require_national_admin

from ..models import FormIndicator, Indicator, Report, ReportForm, ValidationRule


def _form_snapshot(form: ReportForm) -> dict:
    return {
        "code": form.code,
        "name": form.name,
        "period_type": form.period_type,
        "deadline_days": form.deadline_days,
        "is_active": form.is_active,
        "indicators": list(
            FormIndicator.objects.filter(form=form)
            .order_by("order")
            .values_list("indicator__code", flat=True)
        ),
        "rules": [
            f"{left} {operator} {right}"
            for left, operator, right in ValidationRule.objects.filter(form=form)
            .order_by("pk")
            .values_list("left__code", "operator", "right__code")
        ],
    }


@transaction.atomic
def report_form_edit(
    *,
    scope: Scope,
    form: ReportForm | None = None,
    code: str,
    name: str,
    period_type: str,
    deadline_days: int,
    is_active: bool = True,
    indicators: list[Indicator],
) -> ReportForm:
    """Create or change a report form with its ordered indicators; reports already opened keep their rows."""
    require_national_admin(scope)
    if form is not None and form.pk:
        form = ReportForm.objects.select_for_update().get(pk=form.pk)
        before = _form_snapshot(form)
        if period_type != form.period_type and Report.objects.filter(form=form).exists():
            raise ValidationError(
                {
                    "period_type": _(
                        "Mẫu đã có báo cáo nên không đổi được kỳ báo cáo; hãy tạo mẫu mới và ngừng dùng mẫu này."
                    )
                }
            )
    else:
        form, before = ReportForm(), None
    if not indicators:
        raise ValidationError({"indicators": _("Mẫu báo cáo cần ít nhất một chỉ tiêu.")})
    form.code, form.name, form.period_type = code, name, period_type
    form.deadline_days, form.is_active = deadline_days, is_active
    form.full_clean()
    form.save()
    FormIndicator.objects.filter(form=form).delete()
    FormIndicator.objects.bulk_create(
        FormIndicator(form=form, indicator=ind, order=i) for i, ind in enumerate(indicators, start=1)
    )
    # Rules about indicators no longer on the form would never apply: drop them with the indicator.
    kept = [ind.pk for ind in indicators]
    ValidationRule.objects.filter(form=form).exclude(left__in=kept, right__in=kept).delete()
    event_record(
        actor=scope.actor,
        action="targets.form_edit",
        summary=(_("Sửa mẫu báo cáo “%(n)s”") if before else _("Thêm mẫu báo cáo “%(n)s”")) % {"n": name},
        obj=form,
        before=before,
        after=_form_snapshot(form),
    )
    return form


def _rule_snapshot(rule: ValidationRule) -> dict:
    return {
        "left": rule.left.code,
        "operator": rule.operator,
        "right": rule.right.code,
        "message": rule.message,
    }


@transaction.atomic
def rule_save(
    *,
    scope: Scope,
    form: ReportForm,
    rule: ValidationRule | None = None,
    left: Indicator,
    operator: str,
    right: Indicator,
    message: str,
) -> ValidationRule:
    """Add or change a cross-indicator check of a form (checked when a report is saved or submitted)."""
    require_national_admin(scope)
    on_form = set(FormIndicator.objects.filter(form=form).values_list("indicator_id", flat=True))
    errors = {}
    if left.pk not in on_form:
        errors["left"] = _("Chỉ tiêu “%(n)s” không có trong mẫu báo cáo.") % {"n": left.name}
    if right.pk not in on_form:
        errors["right"] = _("Chỉ tiêu “%(n)s” không có trong mẫu báo cáo.") % {"n": right.name}
    elif left.pk == right.pk:
        errors["right"] = _("Hãy so sánh hai chỉ tiêu khác nhau.")
    if errors:
        raise ValidationError(errors)
    if rule is not None and rule.pk:
        rule = (
            ValidationRule.objects.select_for_update(of=("self",))
            .select_related("left", "right")
            .get(pk=rule.pk, form=form)
        )
        before = _rule_snapshot(rule)
    else:
        rule, before = ValidationRule(form=form), None
    rule.left, rule.operator, rule.right, rule.message = left, operator, right, message
    rule.full_clean()
    rule.save()
    event_record(
        actor=scope.actor,
        action="targets.rule_save",
        summary=_("Cập nhật quy tắc kiểm tra của mẫu “%(n)s”") % {"n": form.name},
        obj=form,
        before=before,
        after=_rule_snapshot(rule),
    )
    return rule


@transaction.atomic
def rule_delete(*, scope: Scope, rule: ValidationRule) -> None:
    require_national_admin(scope)
    before = _rule_snapshot(rule)
    form = rule.form
    rule.delete()
    event_record(
        actor=scope.actor,
        action="targets.rule_delete",
        summary=_("Xoá quy tắc kiểm tra của mẫu “%(n)s”") % {"n": form.name},
        obj=form,
        before=before,
    )
