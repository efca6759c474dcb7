"""Completeness: which children reported for a period, which are late, which are missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import natural_order, unit_children, unit_get

from ..constants import ReportStatus
from ..models import Report, ReportForm
from ..periods import Period, periods_in_year
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
    kids = natural_order(unit_children(scope=scope, unit=unit, on=period.end))
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


def reports_due_between(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, day: dt.date | None = None
) -> dict:
    """The children's reports for every active form and every period of its type lying within
    ``start..end``: how many were due, submitted, approved (the rest waits for approval) and late
    (``completeness`` per form and period); ``first`` is the first (form, period) for a link."""
    unit_get(scope=scope, pk=unit.pk)
    figures = {"due": 0, "submitted": 0, "approved": 0, "late": 0, "first": None}
    forms = list(ReportForm.objects.filter(is_active=True).order_by("name", "pk"))
    wanted = [
        (form, period)
        for form in forms
        for year in range(start.year, end.year + 1)
        for period in periods_in_year(form.period_type, year)
        if start <= period.start and period.end <= end
    ]
    # The same rows as ``completeness`` for each (form, period), read in one query for the reports and one per
    # distinct period end for the children (a year has at most five), not one of each per form and period.
    kids_on: dict[dt.date, list[Unit]] = {}
    for _form, period in wanted:
        if period.end not in kids_on:
            kids_on[period.end] = list(unit_children(scope=scope, unit=unit, on=period.end))
    kid_ids = {kid.pk for kids in kids_on.values() for kid in kids}
    reports = {
        (r.form_id, r.period_start, r.unit_id): r
        for r in Report.objects.filter(
            unit_id__in=kid_ids, form__in=forms, period_start__in={p.start for _f, p in wanted}
        )
    }
    for form, period in wanted:
        deadline = deadline_of(form, period)
        kids = kids_on[period.end]
        for kid in kids:
            rep = reports.get((form.pk, period.start, kid.pk))
            state = rep.status if rep else "missing"
            submitted = rep is not None and rep.submitted_at is not None
            figures["submitted"] += state in ("submitted", "approved")
            figures["approved"] += state == ReportStatus.APPROVED
            figures["late"] += is_late(rep if submitted else None, deadline, day)
        figures["due"] += len(kids)
        if figures["first"] is None and kids:
            figures["first"] = (form, period)
    figures["waiting"] = figures["submitted"] - figures["approved"]
    return figures
