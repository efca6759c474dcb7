"""Writes of past years' summary figures: one unit's year edited on its page, or many from an Excel file."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import today
from congdoan.core.money import MAX_AMOUNT
from congdoan.core.scoping import Scope

from .constants import SummaryItem
from .models import SummaryFigure, YearSummary

FIRST_YEAR = 1929


def _check(unit, year: int | None, values: dict) -> None:
    """Refusals shared by the page and the import (Vietnamese, naming the year or the item)."""
    if year is None or not FIRST_YEAR <= year < today().year:
        raise ValidationError(
            {
                "year": _("Số liệu tổng hợp chỉ dành cho các năm đã qua (%(a)s–%(b)s).")
                % {"a": FIRST_YEAR, "b": today().year - 1}
            }
        )
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if unit.founded_on > last or (unit.dissolved_on is not None and unit.dissolved_on < first):
        raise ValidationError(
            {"year": _("%(u)s không hoạt động trong năm %(y)s.") % {"u": unit.name, "y": year}}
        )
    for item, value in values.items():
        if item not in SummaryItem.values:
            raise ValidationError(_("Chỉ tiêu “%(i)s” không có.") % {"i": item})
        if value is not None and not 0 <= value <= MAX_AMOUNT:
            raise ValidationError(
                {item: _("%(l)s: giá trị phải từ 0 trở lên.") % {"l": SummaryItem(item).label}}
            )


def _apply(scope: Scope, unit, year: int, values: dict, note: str | None, version: int | None) -> YearSummary:
    summary, _created = YearSummary.objects.select_for_update().get_or_create(
        unit=unit, year=year, defaults={"entered_by": user_or_none(scope.actor)}
    )
    version_claim(summary, None if _created else version)
    if note is not None:
        summary.note = " ".join(note.split())[:255]
    summary.entered_by = user_or_none(scope.actor)
    summary.save()
    for item, value in values.items():
        if value is None:
            SummaryFigure.objects.filter(summary=summary, item=item).delete()
        else:
            SummaryFigure.objects.update_or_create(summary=summary, item=item, defaults={"value": value})
    return summary


@transaction.atomic
def summary_save(
    *, scope: Scope, unit, year: int, values: dict, note: str = "", version: int | None = None
) -> YearSummary:
    """Set ``unit``'s summary figures of ``year`` (``values``: {item: int or None to clear})."""
    scope.require_can(unit)
    _check(unit, year, values)
    summary = _apply(scope, unit, year, values, note, version)
    event_record(
        actor=scope.actor,
        action="history.summary_save",
        summary=_("Số liệu tổng hợp năm %(y)s của %(u)s") % {"y": year, "u": unit.name},
        unit=unit,
        obj=summary,
        after={k: v for k, v in values.items() if v is not None},
    )
    return summary


@transaction.atomic
def summaries_import(*, scope: Scope, rows: list[dict], units: dict) -> list[YearSummary]:
    """Summary figures from Excel, one row per unit and year: all or nothing, every bad row named.

    ``rows``: "row", "unit_code", "year", "values" {item: int} (empty cells left out: unchanged) and "errors";
    ``units`` the units named, by upper-cased code. A unit outside the user's scope is a row error.
    """
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    errors: list[str] = []
    plan = []
    seen: set = set()
    for row in rows:
        line = row["row"]
        if row["errors"]:
            errors += [_("Dòng %(r)s: %(m)s") % {"r": line, "m": m} for m in row["errors"]]
            continue
        unit = units.get(row["unit_code"].upper())
        if unit is None or not scope.can(unit):
            errors.append(
                _("Dòng %(r)s: đơn vị “%(c)s” không có hoặc ngoài phạm vi của bạn.")
                % {"r": line, "c": row["unit_code"]}
            )
            continue
        if (unit.pk, row["year"]) in seen:
            errors.append(
                _("Dòng %(r)s: %(u)s năm %(y)s đã có ở dòng trên.")
                % {"r": line, "u": unit.code, "y": row["year"]}
            )
            continue
        seen.add((unit.pk, row["year"]))
        try:
            scope.require_can(unit)
            _check(unit, row["year"], row["values"])
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(_("Dòng %(r)s: %(m)s") % {"r": line, "m": " ".join(messages)})
            continue
        plan.append((unit, row["year"], row["values"]))
    if errors:
        raise ValidationError(errors)
    made = [_apply(scope, unit, year, values, None, None) for unit, year, values in plan]
    event_record(
        actor=scope.actor,
        action="history.summaries_import",
        summary=_("Nhập số liệu tổng hợp các năm trước của %(n)s đơn vị từ Excel") % {"n": len(made)},
        unit=made[0].unit,
    )
    return made
