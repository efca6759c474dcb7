"""Yearly targets a unit gives its children, with the decision that gave them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import VersionConflict, digest
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import unit_children

from ..models import Indicator, TargetAssignment
from ..values import parse_value
from ._common import SYSTEM


def target_grid_version(*, assigned_by: Unit, year: int) -> str:
    """The fingerprint of the targets ``assigned_by`` gave for ``year``: the grid page sends it back."""
    rows = TargetAssignment.objects.filter(assigned_by=assigned_by, year=year).values_list(
        "unit_id", "indicator_id", "value", "decision_no", "updated_at"
    )
    return digest(rows)


@transaction.atomic
def target_assign(
    *,
    scope: Scope,
    assigned_by: Unit,
    year: int,
    decision_no: str,
    values: dict[tuple[int, int], object],
    decision_date: dt.date | None = None,
    grid_version: str | None = None,
) -> int:
    """Give yearly targets to the children of ``assigned_by``: ``values[(unit_id, indicator_id)] = value``.

    An empty value removes the target. Everything is validated first; one bad cell saves nothing.
    ``grid_version`` is ``target_grid_version`` of the grid the officer saw: when another officer saved
    targets since, ``VersionConflict`` and nothing is written. Returns the number of targets written.
    """
    scope.require_can(assigned_by)
    # One grid save at a time per assigning unit, so the version compared is the one written over.
    list(Unit.objects.select_for_update().filter(pk=assigned_by.pk).values_list("pk"))
    if grid_version is not None and grid_version != target_grid_version(assigned_by=assigned_by, year=year):
        latest = TargetAssignment.objects.filter(assigned_by=assigned_by, year=year).order_by("-updated_at")
        raise VersionConflict(assigned_by, when=latest.values_list("updated_at", flat=True).first())
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
