"""Spans of days on which a grassroots union had fewer than five members (``SmallUnionSpan``).

The statistics page lists, for any day, the grassroots unions under five members (the charter's
minimum). Counting every union's stints on a past day is a scan of millions of stints for the whole
country; these kept spans make it a read of the unions small on that day, each then walked up the tree
as it was on that day (``small_on``).

A union's spans depend on its own stints and its founding and dissolution days only (not on where it
sits in the tree), so they are recomputed per union, from the same SQL as the full rebuild:

* ``refresh(unit_ids)`` — ``tally.tracking`` calls it for the units whose stints changed, the
  restructure services for a unit founded or dissolved;
* ``rebuild()`` — all unions, after bulk loads (``services.registry_rebuild_derived``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection, transaction

from .models import SmallUnionSpan

MIN_MEMBERS = 5  # the charter's minimum for a grassroots union
OPEN = "9999-12-31"
_CHUNK = 500  # unit ids per statement when refreshing many units


def _spans_sql(pg: bool, units: str = "") -> str:
    """SELECT (unit_id, valid_from, valid_to) of every maximal span under ``MIN_MEMBERS`` members.

    Per union, the member count changes by +1 on a stint's first day and −1 the day after its last;
    a running sum gives the count from each change on, the changes of the "small" flag delimit the
    spans, which are clipped to the days the union existed (founding day to dissolution day).
    """
    next_day = "(s.valid_to + 1)" if pg else "date(s.valid_to, '+1 day')"
    before = "(c.next_change - 1)" if pg else "date(c.next_change, '-1 day')"
    return f"""
    WITH gu AS (
        SELECT u.id, u.founded_on, u.dissolved_on FROM org_unit u JOIN org_unitkind k ON k.id = u.kind_id
        WHERE k.is_grassroots = %s {units}
    ),
    ev AS (
        SELECT e.unit_id, e.day, SUM(e.d) AS d FROM (
            SELECT gu.id AS unit_id, gu.founded_on AS day, 0 AS d FROM gu
            UNION ALL
            SELECT s.unit_id, s.valid_from, 1 FROM members_membership s JOIN gu ON gu.id = s.unit_id
            UNION ALL
            SELECT s.unit_id, {next_day}, -1 FROM members_membership s JOIN gu ON gu.id = s.unit_id
            WHERE s.valid_to IS NOT NULL
        ) e GROUP BY e.unit_id, e.day
    ),
    flagged AS (
        SELECT unit_id, day,
            CASE WHEN SUM(d) OVER (PARTITION BY unit_id ORDER BY day ROWS UNBOUNDED PRECEDING) < %s
                 THEN 1 ELSE 0 END AS small
        FROM ev
    ),
    edges AS (
        SELECT unit_id, day, small, LAG(small, 1, 0) OVER (PARTITION BY unit_id ORDER BY day) AS was
        FROM flagged
    ),
    changes AS (
        SELECT unit_id, day, small,
            LEAD(day) OVER (PARTITION BY unit_id ORDER BY day) AS next_change
        FROM edges WHERE small <> was
    ),
    clipped AS (
        SELECT c.unit_id,
            CASE WHEN c.day < gu.founded_on THEN gu.founded_on ELSE c.day END AS valid_from,
            CASE WHEN c.next_change IS NULL THEN gu.dissolved_on
                 WHEN gu.dissolved_on IS NULL OR {before} < gu.dissolved_on THEN {before}
                 ELSE gu.dissolved_on END AS valid_to
        FROM changes c JOIN gu ON gu.id = c.unit_id
        WHERE c.small = 1
    )
    SELECT unit_id, valid_from, valid_to FROM clipped
    WHERE valid_to IS NULL OR valid_to >= valid_from
    """  # noqa: S608 - only constant SQL fragments are interpolated


def _insert(units: str = "", params: Iterable = ()) -> None:
    table = SmallUnionSpan._meta.db_table
    pg = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (unit_id, valid_from, valid_to) "  # noqa: S608 - constant names
            + _spans_sql(pg, units),
            [True, *params, MIN_MEMBERS],
        )


def refresh(unit_ids: Iterable[int | None]) -> None:
    """Recompute the spans of these units (non-grassroots units simply get none)."""
    ids = sorted({u for u in unit_ids if u is not None})
    if not ids:
        return
    with transaction.atomic():
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            SmallUnionSpan.objects.filter(unit_id__in=chunk).delete()
            _insert("AND u.id IN (" + ", ".join(["%s"] * len(chunk)) + ")", chunk)


def rebuild() -> None:
    """Recompute every union's spans from the stints (set-based; the bulk loaders call this)."""
    with transaction.atomic():
        SmallUnionSpan.objects.all().delete()
        _insert()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SmallUnionSpan._meta.db_table}")


def small_on(root_id: int, day: dt.date) -> list[tuple[int, str, str, int, int]]:
    """Grassroots unions under ``root_id`` (in the tree as it was on ``day``) with fewer than five
    members on ``day``: (id, code, name, branch, members), branch being the child of the root they lie
    under (0 for the root itself).

    The unions small on that day are read from the spans; each is walked up the links valid on that
    day until it reaches the root (or the top); only the chains reaching the root are kept.
    """
    table = SmallUnionSpan._meta.db_table
    sql = f"""
    WITH RECURSIVE up(unit_id, anc, below) AS (
        SELECT s.unit_id, s.unit_id, s.unit_id FROM {table} s
        WHERE s.valid_from <= %s AND (s.valid_to IS NULL OR s.valid_to >= %s)
        UNION ALL
        SELECT up.unit_id, l.parent_id, up.anc FROM up JOIN org_unitlink l ON l.child_id = up.anc
        WHERE up.anc <> %s AND l.valid_from <= %s AND (l.valid_to IS NULL OR l.valid_to >= %s)
    )
    SELECT u.id, u.code, u.name, CASE WHEN up.unit_id = %s THEN 0 ELSE up.below END,
        (SELECT COUNT(*) FROM members_membership m WHERE m.unit_id = u.id
            AND m.valid_from <= %s AND (m.valid_to IS NULL OR m.valid_to >= %s))
    FROM up JOIN org_unit u ON u.id = up.unit_id
    WHERE up.anc = %s
    """  # noqa: S608 - constant table name
    with connection.cursor() as cursor:
        cursor.execute(sql, [day, day, root_id, day, day, root_id, day, day, root_id])
        return cursor.fetchall()
