"""Reports and their workflow: open, save a draft, submit, return, approve, reopen.

Every transition is its own service that checks the current state; a refused transition raises
``ValidationError`` in Vietnamese and changes nothing. Approving or reopening a report moves its
values in or out of the stored roll-ups of its ancestors only (``Rollup``).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.core import indicators as computed
from congdoan.core.actors import user_or_none
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit

from ..constants import RuleOperator, Source
from ..models import FormIndicator, Indicator, Report, ReportForm, ReportValue
from ..periods import Period
from ..values import parse_value, show_value
from ._common import WORKFLOW, _bump, _locked, _require_period_ended, _require_version, report_period
from .notices import report_notify
from .rollups import rollup_apply


def _computed_value(indicator: Indicator, unit: Unit, period: Period) -> Decimal | None:
    if indicator.computed_code not in computed.registry():
        return None
    return Decimal(computed.compute(indicator.computed_code, unit=unit, start=period.start, end=period.end))


@transaction.atomic
def report_open(
    *,
    scope: Scope,
    unit: Unit,
    form: ReportForm,
    period: Period,
) -> Report:
    """The unit's report for the period, created (with computed values filled in) if it does not exist."""
    scope.require_can(unit)
    if period.type != form.period_type:
        raise ValidationError({"period": _("Kỳ báo cáo không khớp với mẫu “%(f)s”.") % {"f": form.name}})
    report = Report.objects.filter(unit=unit, form=form, period_start=period.start).first()
    if report:
        return report
    report = Report(unit=unit, form=form, period_start=period.start, period_end=period.end, updated_by=None)
    report.full_clean(validate_constraints=False)
    report.save()
    items = FormIndicator.objects.filter(form=form).select_related("indicator")
    rows = []
    for item in items:
        ind = item.indicator
        if not ind.in_force_on(period.end):
            continue
        is_computed = ind.source == Source.COMPUTED
        rows.append(
            ReportValue(
                report=report,
                indicator=ind,
                value=_computed_value(ind, unit, period) if is_computed else None,
                is_computed=is_computed,
                order=item.order,
                name=ind.name,
                unit_of_measure=ind.unit_of_measure,
                aggregation=ind.aggregation,
                direction=ind.direction,
                decimal_places=ind.decimal_places,
            )
        )
    ReportValue.objects.bulk_create(rows)
    WORKFLOW.record(scope, report, "open", summary=_("Mở báo cáo: %(r)s") % {"r": report}, unit=unit)
    return report


def _check_rules(report: Report, by_indicator: dict[int, ReportValue]) -> list[str]:
    errors = []
    for rule in report.form.rules.all():
        left, right = by_indicator.get(rule.left_id), by_indicator.get(rule.right_id)
        if not left or not right or left.value is None or right.value is None:
            continue
        ok = {
            RuleOperator.LE: left.value <= right.value,
            RuleOperator.GE: left.value >= right.value,
            RuleOperator.EQ: left.value == right.value,
        }[rule.operator]
        if not ok:
            errors.append(rule.message)
    return errors


@transaction.atomic
def report_save_draft(
    *,
    scope: Scope,
    report: Report,
    version: int | None,
    values: dict[int, object],
    comments: dict[int, str] | None = None,
) -> Report:
    """Save manual values (keyed by indicator id) and comments; computed values are refreshed.

    A stale ``version`` (someone saved meanwhile) is refused and nothing is saved.
    """
    report = _locked(report)
    WORKFLOW.check(scope, report, "edit", unit=report.unit)
    _require_version(report, version)
    comments = comments or {}
    rows = {v.indicator_id: v for v in report.values.select_related("indicator")}
    errors = {}
    for ind_id, row in rows.items():
        if row.is_computed:
            row.value = _computed_value(row.indicator, report.unit, report_period(report))
        elif ind_id in values:
            try:
                value = parse_value(
                    values[ind_id], uom=row.unit_of_measure, decimal_places=row.decimal_places, label=row.name
                )
            except ValueError as exc:
                errors[f"value_{ind_id}"] = str(exc)
                continue
            ind = row.indicator
            if value is not None and ind.min_value is not None and value < ind.min_value:
                errors[f"value_{ind_id}"] = _("“%(l)s”: không được nhỏ hơn %(m)s.") % {
                    "l": row.name,
                    "m": show_value(ind.min_value),
                }
                continue
            if value is not None and ind.max_value is not None and value > ind.max_value:
                errors[f"value_{ind_id}"] = _("“%(l)s”: không được lớn hơn %(m)s.") % {
                    "l": row.name,
                    "m": show_value(ind.max_value),
                }
                continue
            row.value = value
        if ind_id in comments:
            row.comment = (comments[ind_id] or "").strip()[:500]
    if errors:
        raise ValidationError(errors)
    rule_errors = _check_rules(report, rows)
    if rule_errors:
        raise ValidationError(rule_errors)
    ReportValue.objects.bulk_update(rows.values(), ["value", "comment"])
    _bump(report, scope.actor)
    return report


@transaction.atomic
def report_submit(
    *,
    scope: Scope,
    report: Report,
    version: int | None = None,
) -> Report:
    """Send the report to the parent: period ended (``CONGDOAN_ALLOW_EARLY_SUBMIT`` aside), required values
    present and cross-indicator rules satisfied."""
    report = _locked(report)
    step = WORKFLOW.check(scope, report, "submit", unit=report.unit)
    _require_version(report, version)
    _require_period_ended(report)
    rows = {v.indicator_id: v for v in report.values.select_related("indicator")}
    missing = [v.name for v in rows.values() if v.indicator.required and v.value is None]
    if missing:
        raise ValidationError(_("Chưa nhập các chỉ tiêu bắt buộc: %(l)s.") % {"l": "; ".join(missing)})
    rule_errors = _check_rules(report, rows)
    if rule_errors:
        raise ValidationError(rule_errors)
    _bump(
        report,
        scope.actor,
        status=step.target,
        submitted_by=user_or_none(scope.actor),
        submitted_at=timezone.now(),
        return_reason="",
    )
    WORKFLOW.record(
        scope, report, "submit", summary=_("Gửi báo cáo: %(r)s") % {"r": report}, unit=report.unit
    )
    return report


@transaction.atomic
def report_return(
    *,
    scope: Scope,
    report: Report,
    reason: str,
) -> Report:
    """The parent sends a submitted report back with a reason."""
    report = _locked(report)
    step = WORKFLOW.check(scope, report, "return", unit=report.unit, reason=reason)
    reason = reason.strip()
    _bump(report, scope.actor, status=step.target, return_reason=reason)
    WORKFLOW.record(
        scope,
        report,
        "return",
        summary=_("Trả lại báo cáo: %(r)s — %(why)s") % {"r": report, "why": reason},
        unit=report.unit,
    )
    report_notify(report=report, kind="returned", actor=scope.actor, reason=reason)
    return report


@transaction.atomic
def report_approve(
    *,
    scope: Scope,
    report: Report,
) -> Report:
    """The parent approves a submitted report: it locks, and its values enter the ancestors' roll-ups."""
    report = _locked(report)
    step = WORKFLOW.check(scope, report, "approve", unit=report.unit)
    _bump(
        report,
        scope.actor,
        status=step.target,
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    rollup_apply(report=report, sign=1)
    WORKFLOW.record(
        scope, report, "approve", summary=_("Duyệt báo cáo: %(r)s") % {"r": report}, unit=report.unit
    )
    report_notify(report=report, kind="approved", actor=scope.actor)
    return report


@transaction.atomic
def report_reopen(
    *,
    scope: Scope,
    report: Report,
    reason: str,
) -> Report:
    """The parent unlocks an approved report (audited, with a reason); its values leave the roll-ups."""
    report = _locked(report)
    step = WORKFLOW.check(scope, report, "reopen", unit=report.unit, reason=reason)
    reason = reason.strip()
    rollup_apply(report=report, sign=-1)
    _bump(
        report,
        scope.actor,
        status=step.target,
        return_reason=reason,
        approved_by=None,
        approved_at=None,
    )
    WORKFLOW.record(
        scope,
        report,
        "reopen",
        summary=_("Mở lại báo cáo đã duyệt: %(r)s — %(why)s") % {"r": report, "why": reason},
        unit=report.unit,
    )
    return report
