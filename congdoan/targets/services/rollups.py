"""Stored roll-ups: a report's approved values added to (or taken from) its ancestors' totals."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db import transaction

from congdoan.org.models import Unit

from ..constants import Aggregation, ReportStatus
from ..models import Report, ReportValue, Rollup


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
