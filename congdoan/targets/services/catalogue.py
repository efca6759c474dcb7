"""The catalogue: indicators and report forms, managed by administrators."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core import indicators as computed
from congdoan.core.scoping import Scope

from ..constants import Source
from ..models import FormIndicator, Indicator, ReportForm
from ._common import require_admin


@transaction.atomic
def indicator_save(*, scope: Scope, indicator: Indicator | None = None, **fields) -> Indicator:
    """Create or change an indicator of the catalogue (administrators)."""
    require_admin(scope)
    # Work on a fresh copy so a refused change leaves the caller's object as it was.
    indicator = (
        Indicator.objects.select_for_update().get(pk=indicator.pk)
        if indicator and indicator.pk
        else Indicator()
    )
    before = {"name": indicator.name, "valid_to": str(indicator.valid_to)} if indicator.pk else None
    for name, value in fields.items():
        setattr(indicator, name, value)
    if indicator.source == Source.COMPUTED and indicator.computed_code not in computed.registry():
        raise ValidationError(
            {"computed_code": _("Mã chỉ tiêu tự tính không có trong danh mục của hệ thống.")}
        )
    if indicator.source == Source.MANUAL:
        indicator.computed_code = ""
    indicator.full_clean()
    indicator.save()
    event_record(
        actor=scope.actor,
        action="targets.indicator_save",
        summary=_("Cập nhật chỉ tiêu “%(n)s”") % {"n": indicator.name},
        obj=indicator,
        before=before,
        after={"name": indicator.name, "valid_to": str(indicator.valid_to)},
    )
    return indicator


@transaction.atomic
def form_save(
    *,
    scope: Scope,
    code: str,
    name: str,
    period_type: str,
    deadline_days: int,
    indicators: list[Indicator],
    form: ReportForm | None = None,
) -> ReportForm:
    """Create or change a report form with its ordered indicators (administrators)."""
    require_admin(scope)
    form = form or ReportForm()
    form.code, form.name, form.period_type, form.deadline_days = code, name, period_type, deadline_days
    form.full_clean()
    form.save()
    if not indicators:
        raise ValidationError({"indicators": _("Mẫu báo cáo cần ít nhất một chỉ tiêu.")})
    FormIndicator.objects.filter(form=form).delete()
    FormIndicator.objects.bulk_create(
        FormIndicator(form=form, indicator=ind, order=i) for i, ind in enumerate(indicators, start=1)
    )
    event_record(
        actor=scope.actor,
        action="targets.form_save",
        summary=_("Cập nhật mẫu báo cáo “%(n)s”") % {"n": name},
        obj=form,
    )
    return form
