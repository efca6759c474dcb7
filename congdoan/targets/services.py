"""Writes of aggregate reporting: catalogue, targets, reports and their workflow, roll-ups.

Every transition is its own service that checks the current state; a refused transition raises
``ValidationError`` in Vietnamese and changes nothing. Approving or reopening a report moves its
values in or out of the stored roll-ups of its ancestors only (``Rollup``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core import indicators as computed
from congdoan.core.actors import user_or_none
from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import unit_children

from .constants import Aggregation, ReportStatus, RuleOperator, Source
from .models import FormIndicator, Indicator, Report, ReportForm, ReportValue, Rollup, TargetAssignment
from .periods import Period, period_of
from .values import parse_value, show_value

SYSTEM = Scope.unrestricted()


# -- permissions ---------------------------------------------------------------------------------
def require_admin(scope: Scope) -> None:
    """Catalogue and forms are managed by administrators (an admin role anywhere, or superuser)."""
    if not scope.holds(Role.ADMIN):
        raise PermissionDenied(_("Chỉ quản trị viên mới được sửa danh mục chỉ tiêu và mẫu báo cáo."))


def _locked(report: Report) -> Report:
    """Re-read the report under a row lock so concurrent transitions serialise."""
    return Report.objects.select_for_update().select_related("unit", "unit__kind", "form").get(pk=report.pk)


def _require_status(report: Report, allowed: tuple[str, ...], action: str) -> None:
    if report.status not in allowed:
        raise ValidationError(
            _("Không thể %(a)s báo cáo đang ở trạng thái “%(s)s”.")
            % {"a": action, "s": report.get_status_display()}
        )


def _require_version(report: Report, version: int | None) -> None:
    if version is not None and int(version) != report.version:
        when = timezone.localtime(report.updated_at).strftime("%H:%M %d/%m/%Y")
        raise ValidationError(_("Báo cáo đã được người khác sửa lúc %(t)s, hãy tải lại.") % {"t": when})


# -- catalogue ------------------------------------------------------------------------------------
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


# -- targets --------------------------------------------------------------------------------------
@transaction.atomic
def target_assign(
    *,
    scope: Scope,
    assigned_by: Unit,
    year: int,
    decision_no: str,
    values: dict[tuple[int, int], object],
    decision_date: dt.date | None = None,
) -> int:
    """Give yearly targets to the children of ``assigned_by``: ``values[(unit_id, indicator_id)] = value``.

    An empty value removes the target. Everything is validated first; one bad cell saves nothing.
    Returns the number of targets written.
    """
    scope.require_can(assigned_by)
    if not (decision_no or "").strip():
        raise ValidationError({"decision_no": _("Cần nhập số quyết định giao chỉ tiêu.")})
    children = {u.pk: u for u in unit_children(scope=SYSTEM, unit=assigned_by, on=dt.date(year, 1, 1))}
    children |= {u.pk: u for u in unit_children(scope=SYSTEM, unit=assigned_by)}
    indicators = Indicator.objects.in_bulk({ind for _u, ind in values})
    errors, parsed = [], {}
    for (unit_id, ind_id), raw in values.items():
        unit, ind = children.get(unit_id), indicators.get(ind_id)
        if unit is None:
            errors.append(
                _("Đơn vị mã %(id)s không trực thuộc “%(u)s”.") % {"id": unit_id, "u": assigned_by.name}
            )
            continue
        if ind is None:
            errors.append(_("Chỉ tiêu mã %(id)s không tồn tại.") % {"id": ind_id})
            continue
        try:
            parsed[(unit, ind)] = parse_value(
                raw,
                uom=ind.unit_of_measure,
                decimal_places=ind.decimal_places,
                label=f"{unit.name} – {ind.name}",
            )
        except ValueError as exc:
            errors.append(str(exc))
    if errors:
        raise ValidationError(errors)
    written = 0
    for (unit, ind), value in parsed.items():
        if value is None:
            TargetAssignment.objects.filter(unit=unit, year=year, indicator=ind).delete()
            continue
        TargetAssignment.objects.update_or_create(
            unit=unit,
            year=year,
            indicator=ind,
            defaults={
                "assigned_by": assigned_by,
                "value": value,
                "decision_no": decision_no.strip(),
                "decision_date": decision_date,
                "updated_by": user_or_none(scope.actor),
            },
        )
        written += 1
    event_record(
        actor=scope.actor,
        action="targets.target_assign",
        summary=_("Giao %(n)s chỉ tiêu năm %(y)s cho các đơn vị trực thuộc") % {"n": written, "y": year},
        unit=assigned_by,
        decision_no=decision_no,
    )
    return written


def target_import_excel(
    *,
    scope: Scope,
    assigned_by: Unit,
    year: int,
    decision_no: str,
    file,
    decision_date=None,
) -> int:
    """Targets from a sheet: row 1 = "Mã đơn vị", "Tên đơn vị", then indicator codes; one row per child."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(file).get_sheet_by_index(0).to_python()
    if not rows:
        raise ValidationError(_("Tệp Excel không có dữ liệu."))
    header = [str(c).strip() for c in rows[0]]
    by_code = {i.code: i for i in Indicator.objects.filter(code__in=header[2:])}
    errors = [
        _("Cột %(c)s: không có chỉ tiêu mã “%(k)s”.") % {"c": n + 3, "k": code}
        for n, code in enumerate(header[2:])
        if code and code not in by_code
    ]
    units = {u.code: u for u in Unit.objects.filter(code__in=[str(r[0]).strip() for r in rows[1:] if r])}
    values = {}
    for line, row in enumerate(rows[1:], start=2):
        code = str(row[0]).strip() if row else ""
        if not code:
            continue
        unit = units.get(code)
        if unit is None:
            errors.append(_("Dòng %(r)s: không có đơn vị mã “%(c)s”.") % {"r": line, "c": code})
            continue
        for n, ind_code in enumerate(header[2:], start=2):
            if ind_code in by_code and n < len(row):
                cell = row[n]
                values[(unit.pk, by_code[ind_code].pk)] = (
                    int(cell) if isinstance(cell, float) and cell.is_integer() else cell
                )
    if errors:
        raise ValidationError(errors)
    try:
        return target_assign(
            scope=scope,
            assigned_by=assigned_by,
            year=year,
            decision_no=decision_no,
            decision_date=decision_date,
            values=values,
        )
    except ValidationError as exc:
        raise ValidationError([_("Không lưu gì cả.")] + exc.messages) from exc


# -- reports ----------------------------------------------------------------------------------------
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
        if not ind.valid_on(period.end):
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
    event_record(
        actor=scope.actor,
        action="targets.report_open",
        summary=_("Mở báo cáo: %(r)s") % {"r": report},
        unit=unit,
        obj=report,
    )
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
    scope.require_can(report.unit)
    _require_status(report, (ReportStatus.DRAFT, ReportStatus.RETURNED), _("sửa"))
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


def report_period(report: Report) -> Period:
    return period_of(report.form.period_type, report.period_start)


def _bump(report: Report, actor, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.version = F("version") + 1
    report.updated_by = user_or_none(actor)
    report.save()
    report.refresh_from_db()


@transaction.atomic
def report_submit(
    *,
    scope: Scope,
    report: Report,
    version: int | None = None,
) -> Report:
    """Send the report to the parent: required values present and cross-indicator rules satisfied."""
    report = _locked(report)
    scope.require_can(report.unit)
    _require_status(report, (ReportStatus.DRAFT, ReportStatus.RETURNED), _("gửi"))
    _require_version(report, version)
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
        status=ReportStatus.SUBMITTED,
        submitted_by=user_or_none(scope.actor),
        submitted_at=timezone.now(),
        return_reason="",
    )
    event_record(
        actor=scope.actor,
        action="targets.report_submit",
        summary=_("Gửi báo cáo: %(r)s") % {"r": report},
        unit=report.unit,
        obj=report,
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
    scope.require_can(report.unit, Action.APPROVE)
    _require_status(report, (ReportStatus.SUBMITTED,), _("trả lại"))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Cần ghi lý do trả lại.")})
    _bump(report, scope.actor, status=ReportStatus.RETURNED, return_reason=reason.strip())
    event_record(
        actor=scope.actor,
        action="targets.report_return",
        summary=_("Trả lại báo cáo: %(r)s — %(why)s") % {"r": report, "why": reason.strip()},
        unit=report.unit,
        obj=report,
    )
    return report


@transaction.atomic
def report_approve(
    *,
    scope: Scope,
    report: Report,
) -> Report:
    """The parent approves a submitted report: it locks, and its values enter the ancestors' roll-ups."""
    report = _locked(report)
    scope.require_can(report.unit, Action.APPROVE)
    _require_status(report, (ReportStatus.SUBMITTED,), _("duyệt"))
    _bump(
        report,
        scope.actor,
        status=ReportStatus.APPROVED,
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    rollup_apply(report=report, sign=1)
    event_record(
        actor=scope.actor,
        action="targets.report_approve",
        summary=_("Duyệt báo cáo: %(r)s") % {"r": report},
        unit=report.unit,
        obj=report,
    )
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
    scope.require_can(report.unit, Action.APPROVE)
    _require_status(report, (ReportStatus.APPROVED,), _("mở lại"))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Cần ghi lý do mở lại báo cáo đã duyệt.")})
    rollup_apply(report=report, sign=-1)
    _bump(
        report,
        scope.actor,
        status=ReportStatus.RETURNED,
        return_reason=reason.strip(),
        approved_by=None,
        approved_at=None,
    )
    event_record(
        actor=scope.actor,
        action="targets.report_reopen",
        summary=_("Mở lại báo cáo đã duyệt: %(r)s — %(why)s") % {"r": report, "why": reason.strip()},
        unit=report.unit,
        obj=report,
    )
    return report


def report_import_excel(
    *,
    scope: Scope,
    report: Report,
    version: int | None,
    file,
) -> Report:
    """Manual values from a sheet laid out like the export (column B = indicator code, column E = value)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(file).get_sheet_by_index(0).to_python()
    known = {v.indicator.code: v for v in report.values.select_related("indicator")}
    values, comments, errors = {}, {}, []
    for line, row in enumerate(rows, start=1):
        if len(row) < 5 or not str(row[1]).strip() or str(row[1]).strip() == "Mã chỉ tiêu":
            continue
        code = str(row[1]).strip()
        if code not in known:
            if isinstance(row[0], int | float) and row[0]:
                errors.append(
                    _("Dòng %(r)s: không có chỉ tiêu mã “%(c)s” trong báo cáo.") % {"r": line, "c": code}
                )
            continue
        rv = known[code]
        if rv.is_computed:
            continue
        cell = row[5] if len(row) > 5 else ""
        try:
            values[rv.indicator_id] = parse_value(
                int(cell) if isinstance(cell, float) and cell.is_integer() else cell,
                uom=rv.unit_of_measure,
                decimal_places=rv.decimal_places,
                label=rv.name,
            )
        except ValueError as exc:
            errors.append(_("Dòng %(r)s: %(e)s") % {"r": line, "e": exc})
        if len(row) > 7 and str(row[7]).strip():
            comments[rv.indicator_id] = str(row[7]).strip()
    if errors:
        raise ValidationError(errors)
    try:
        return report_save_draft(
            scope=scope, report=report, version=version, values=values, comments=comments
        )
    except ValidationError as exc:
        raise ValidationError([_("Không lưu gì cả.")] + exc.messages) from exc


# -- roll-ups ---------------------------------------------------------------------------------------
def counts_in_rollup(row: ReportValue, unit: Unit) -> bool:
    """Whether a value enters its ancestors' roll-ups.

    Manual figures describe the unit's own work and add up through every level. Computed figures
    already cover the unit's whole subtree, so only grassroots unions' ones are added up.
    """
    if row.value is None or row.aggregation == Aggregation.NONE:
        return False
    return not row.is_computed or unit.kind.is_grassroots


def rollup_apply(*, report: Report, sign: int) -> None:
    """Add (``sign=1``) or remove (``-1``) a report's values to/from the roll-ups of its ancestors only.

    Three queries whatever the number of indicators: the ancestors' rows are read under a row lock,
    changed in memory and written back; missing rows are created.
    """
    ancestors = report.unit.ancestor_ids()
    rows = [row for row in report.values.all() if counts_in_rollup(row, report.unit)]
    if not ancestors or not rows:
        return
    period = {"period_start": report.period_start, "period_end": report.period_end}
    existing = {
        (r.unit_id, r.indicator_id): r
        for r in Rollup.objects.select_for_update().filter(
            unit_id__in=ancestors, indicator_id__in=[row.indicator_id for row in rows], **period
        )
    }
    created = []
    for row in rows:
        for unit_id in ancestors:
            cell = existing.get((unit_id, row.indicator_id))
            if cell is None:
                cell = Rollup(unit_id=unit_id, indicator_id=row.indicator_id, **period)
                created.append(cell)
            cell.total += sign * row.value
            cell.n_values += sign
    Rollup.objects.bulk_update([c for c in existing.values()], ["total", "n_values"])
    Rollup.objects.bulk_create(created)


def rollups_shift_subtree(*, unit: Unit, old_ancestor_ids: list[int], new_ancestor_ids: list[int]) -> None:
    """Move the approved values of ``unit``'s subtree from its old ancestors' roll-ups to its new ones.

    Called by the organisation's restructure services when a subtree is re-rooted (re-parent, merge,
    custody of a merged unit). Roll-ups inside the subtree do not change; only the ancestors that the
    subtree leaves lose its values and those it joins gain them, so no full rebuild is needed.
    """
    leaving = [a for a in old_ancestor_ids if a not in new_ancestor_ids]
    joining = [a for a in new_ancestor_ids if a not in old_ancestor_ids]
    if not leaving and not joining:
        return
    values = ReportValue.objects.filter(
        report__status=ReportStatus.APPROVED, report__unit__path__startswith=unit.path
    ).select_related("report__unit__kind")
    sums: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for row in values.iterator(chunk_size=5000):
        if counts_in_rollup(row, row.report.unit):
            cell = sums[(row.indicator_id, row.report.period_start, row.report.period_end)]
            cell[0] += row.value
            cell[1] += 1
    if not sums:
        return
    for ancestors, sign in ((leaving, -1), (joining, 1)):
        if not ancestors:
            continue
        existing = {
            (r.unit_id, r.indicator_id, r.period_start, r.period_end): r
            for r in Rollup.objects.select_for_update().filter(
                unit_id__in=ancestors, indicator_id__in={key[0] for key in sums}
            )
        }
        created = []
        for (indicator_id, start, end), (total, count) in sums.items():
            for unit_id in ancestors:
                cell = existing.get((unit_id, indicator_id, start, end))
                if cell is None:
                    cell = Rollup(
                        unit_id=unit_id, indicator_id=indicator_id, period_start=start, period_end=end
                    )
                    created.append(cell)
                cell.total += sign * total
                cell.n_values += sign * count
        Rollup.objects.bulk_update(list(existing.values()), ["total", "n_values"])
        Rollup.objects.bulk_create(created)


@transaction.atomic
def rollup_rebuild(*, period_start: dt.date | None = None) -> int:
    """Recompute every stored roll-up (after a restructure moved units), optionally for one period."""
    values = ReportValue.objects.filter(report__status=ReportStatus.APPROVED).select_related(
        "report__unit__kind"
    )
    old = Rollup.objects.all()
    if period_start:
        values = values.filter(report__period_start=period_start)
        old = old.filter(period_start=period_start)
    old.delete()
    acc: dict[tuple, list] = defaultdict(lambda: [Decimal(0), 0])
    for row in values.iterator(chunk_size=5000):
        unit = row.report.unit
        if not counts_in_rollup(row, unit):
            continue
        for a in unit.ancestor_ids():
            cell = acc[(a, row.indicator_id, row.report.period_start, row.report.period_end)]
            cell[0] += row.value
            cell[1] += 1
    Rollup.objects.bulk_create(
        (
            Rollup(unit_id=a, indicator_id=i, period_start=s, period_end=e, total=t, n_values=n)
            for (a, i, s, e), (t, n) in acc.items()
        ),
        batch_size=5000,
    )
    return len(acc)
