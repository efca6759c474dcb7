"""Excel imports: yearly targets and a report's values from a workbook, all or nothing.

Row errors name the row (“Dòng N: …”); one bad row saves nothing. The pages and the API run these as
background jobs (``targets.tasks``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from ..models import Indicator, Report
from ..values import parse_value
from .reports import report_save_draft
from .targets import target_assign


def _indicator_columns(headers: list[str]) -> tuple[dict[int, Indicator], list[str]]:
    """Column index (from 2) → indicator, read by the indicator's name (accents and case ignored) or its code."""
    catalogue = list(Indicator.objects.all())
    by_code = {i.code: i for i in catalogue}
    by_name: dict[str, list[Indicator]] = {}
    for indicator in catalogue:
        by_name.setdefault(fold(indicator.name), []).append(indicator)
    columns, errors = {}, []
    for n, text in enumerate(headers, start=2):
        if not text:
            continue
        named = by_name.get(fold(text), [])
        if text in by_code:
            columns[n] = by_code[text]
        elif len(named) == 1:
            columns[n] = named[0]
        elif named:
            errors.append(
                _("Cột %(c)s: có nhiều chỉ tiêu tên “%(k)s”; hãy ghi mã chỉ tiêu ở dòng tiêu đề.")
                % {"c": n + 1, "k": text}
            )
        else:
            errors.append(_("Cột %(c)s: không có chỉ tiêu “%(k)s”.") % {"c": n + 1, "k": text})
    return columns, errors


def target_import_excel(
    *,
    scope: Scope,
    assigned_by: Unit,
    year: int,
    decision_no: str,
    file,
    decision_date=None,
) -> int:
    """Targets from a sheet: row 1 = "Mã đơn vị", "Tên đơn vị", then indicators by name (the template's
    Vietnamese headers) or by code; one row per child."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_filelike(file).get_sheet_by_index(0).to_python()
    if not rows:
        raise ValidationError(_("Tệp Excel không có dữ liệu."))
    header = [str(c).strip() for c in rows[0]]
    by_column, errors = _indicator_columns(header[2:])
    units = org_selectors.units_by_codes(str(r[0]) for r in rows[1:] if r)
    values = {}
    for line, row in enumerate(rows[1:], start=2):
        code = str(row[0]).strip() if row else ""
        if not code:
            continue
        unit = units.get(code)
        if unit is None:
            errors.append(_("Dòng %(r)s: không có đơn vị mã “%(c)s”.") % {"r": line, "c": code})
            continue
        for n, indicator in by_column.items():
            if n < len(row):
                cell = row[n]
                values[(unit.pk, indicator.pk)] = (
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
