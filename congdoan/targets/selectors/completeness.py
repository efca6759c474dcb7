"""Completeness: which children reported for a period, which are late, which are missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import unit_children, unit_get

from ..constants import ReportStatus
from ..models import Report, ReportForm
from ..periods import Period
from .reports import deadline_of, is_late


@dataclass
class CompletenessRow:
    unit: Unit
    report: Report | None
    late: bool
    state: str  # approved, submitted, returned, draft, missing


def completeness(
    *, scope: Scope, unit: Unit, form: ReportForm, period: Period, day: dt.date | None = None
) -> dict:
    """Which children (as the tree stood at the period end) submitted, which are late, which are missing."""
    unit_get(scope=scope, pk=unit.pk)
    deadline = deadline_of(form, period)
    kids = list(unit_children(scope=scope, unit=unit, on=period.end))
    reports = {
        r.unit_id: r for r in Report.objects.filter(unit__in=kids, form=form, period_start=period.start)
    }
    rows = []
    for kid in kids:
        rep = reports.get(kid.pk)
        state = rep.status if rep else "missing"
        submitted = rep is not None and rep.submitted_at is not None
        rows.append(CompletenessRow(kid, rep, is_late(rep if submitted else None, deadline, day), state))
    in_time = sum(1 for r in rows if r.state in ("submitted", "approved") and not r.late)
    return {
        "rows": rows,
        "deadline": deadline,
        "total": len(rows),
        "submitted": sum(1 for r in rows if r.state in ("submitted", "approved")),
        "approved": sum(1 for r in rows if r.state == ReportStatus.APPROVED),
        "on_time": in_time,
        "late": sum(1 for r in rows if r.late and r.state in ("submitted", "approved")),
        "reminders": [r for r in rows if r.state not in ("submitted", "approved")],
    }
