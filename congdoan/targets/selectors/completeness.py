"""Completeness: which children reported for a period, which are late, which are missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.org.selectors import child_links_between, natural_order, unit_children, unit_get, unit_list

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


# The tree the children are read in: as it stood at each period's end (the default), or as it is today
# (a past period re-cut by today's units), as in ``rollups.rollup_view``.
THEN, NOW = "then", "now"


def _children_due(scope: Scope, unit: Unit, days: set[dt.date], structure: str) -> dict[dt.date, list[Unit]]:
    """The children expected to report for periods ending on each of ``days``: those of that day's tree
    (``unit_children(on=day)``), or today's children that existed that day — read in two queries for all
    the days (the links overlapping them, then their units), not one per day."""
    if not days:
        return {}
    if structure == NOW:
        today_kids = list(unit_children(scope=scope, unit=unit))
        return {day: [kid for kid in today_kids if kid.exists_on(day)] for day in days}
    links = child_links_between(parent=unit, start=min(days), end=max(days))
    units = {u.pk: u for u in unit_list(scope=scope).filter(pk__in={child for child, _f, _t in links})}
    out: dict[dt.date, list[Unit]] = {}
    for day in days:
        ids = {child for child, f, t in links if f <= day and (t is None or t >= day)}
        kids = [units[pk] for pk in ids if pk in units and units[pk].exists_on(day)]
        out[day] = sorted(kids, key=lambda u: (u.kind.level, u.name))
    return out


def _due_rows(
    scope: Scope, unit: Unit, start: dt.date, end: dt.date, day: dt.date | None, structure: str
) -> list[tuple[ReportForm, Period, list[tuple[Unit, CompletenessRow]]]]:
    """For every active form and every period of its type lying within ``start..end``: the children's rows
    as ``completeness`` builds them, read in one query for the reports and two for the children of every
    period end, not one of each per form and period."""
    forms = list(ReportForm.objects.filter(is_active=True).order_by("name", "pk"))
    wanted = [
        (form, period)
        for form in forms
        for year in range(start.year, end.year + 1)
        for period in periods_in_year(form.period_type, year)
        if start <= period.start and period.end <= end
    ]
    kids_on = _children_due(scope, unit, {period.end for _form, period in wanted}, structure)
    kid_ids = {kid.pk for kids in kids_on.values() for kid in kids}
    reports = {
        (r.form_id, r.period_start, r.unit_id): r
        for r in Report.objects.filter(
            unit_id__in=kid_ids, form__in=forms, period_start__in={p.start for _f, p in wanted}
        )
    }
    out = []
    for form, period in wanted:
        deadline = deadline_of(form, period)
        rows = []
        for kid in kids_on[period.end]:
            rep = reports.get((form.pk, period.start, kid.pk))
            state = rep.status if rep else "missing"
            submitted = rep is not None and rep.submitted_at is not None
            rows.append(CompletenessRow(kid, rep, is_late(rep if submitted else None, deadline, day), state))
        out.append((form, period, rows))
    return out


def reports_due_between(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, day: dt.date | None = None
) -> dict:
    """The children's reports for every active form and every period of its type lying within
    ``start..end``: how many were due, submitted, approved (the rest waits for approval) and late
    (the rows of ``completeness`` per form and period, read at once); ``first`` is the first (form, period)
    for a link."""
    unit_get(scope=scope, pk=unit.pk)
    figures = {"due": 0, "submitted": 0, "approved": 0, "late": 0, "first": None}
    for form, period, rows in _due_rows(scope, unit, start, end, day, THEN):
        for row in rows:
            figures["submitted"] += row.state in ("submitted", "approved")
            figures["approved"] += row.state == ReportStatus.APPROVED
            figures["late"] += row.late
        figures["due"] += len(rows)
        if figures["first"] is None and rows:
            figures["first"] = (form, period)
    figures["waiting"] = figures["submitted"] - figures["approved"]
    return figures


def reports_due_by_child(
    *,
    scope: Scope,
    unit: Unit,
    start: dt.date,
    end: dt.date,
    day: dt.date | None = None,
    structure: str = THEN,
) -> list[tuple[Unit, int, int, int]]:
    """Per child, the reports due within ``start..end`` (every active form, every period of its type):
    (child, submitted on time, submitted late, not submitted), by name; children with nothing due left
    out. The children are those of each period's end (``structure`` "then") or today's (``"now"``)."""
    unit_get(scope=scope, pk=unit.pk)
    counts: dict[int, list[int]] = {}
    units: dict[int, Unit] = {}
    for _form, _period, rows in _due_rows(scope, unit, start, end, day, structure):
        for row in rows:
            units[row.unit.pk] = row.unit
            tally = counts.setdefault(row.unit.pk, [0, 0, 0])
            submitted = row.state in ("submitted", "approved")
            tally[2 if not submitted else 1 if row.late else 0] += 1
    order = sorted(units, key=lambda pk: units[pk].name)
    return [(units[pk], *counts[pk]) for pk in order]
