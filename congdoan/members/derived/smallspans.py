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
from django.db.models import Q

from congdoan.org.models import Unit
from congdoan.org.selectors import branches_under, subtree_between_sql

from ..models import SmallUnionSpan

MIN_MEMBERS = 5  # the charter's minimum for a grassroots union
_CHUNK = 500  # unit ids per statement when refreshing many units


def _spans_sql(pg: bool, units: str = "", own: str = "") -> str:
    """SELECT (unit_id, valid_from, valid_to, members) of every span with the same count under
    ``MIN_MEMBERS`` members.

    Per union, the member count changes by +1 on a stint's first day and −1 the day after its last;
    a running sum gives the count from each change on; each change starts a span that lasts until the
    next, clipped to the days the union existed (founding day to dissolution day).
    ``units`` (``IN (…)`` with placeholders, or empty for all) limits the units, in the three places
    its parameters are repeated; the stints are read straight (a full rebuild scans them once) and
    units that are not grassroots unions drop out at the end. ``own`` (a table of own events per unit and
    day, ``tally_sql``'s ``tally_own``, for all units) replaces the stints: its ``total`` is the same ±1 (its
    rows without a change of the total, age bands moving or Party dates, are left out: no count changes there).
    """
    next_day = "(s.valid_to + 1)" if pg else "date(s.valid_to, '+1 day')"
    before = "(c.next_change - 1)" if pg else "date(c.next_change, '-1 day')"
    stints = f"WHERE s.unit_id {units}" if units else ""
    ends = f"{stints} AND" if units else "WHERE"
    grassroots = f"AND u.id {units}" if units else ""
    changes = (
        f"SELECT o.unit_id, o.day, o.total FROM {own} o WHERE o.total <> 0"  # noqa: S608 - a table name of ours
        if own
        else f"""SELECT s.unit_id, s.valid_from, 1 FROM members_membership s {stints}
            UNION ALL
            SELECT s.unit_id, {next_day}, -1 FROM members_membership s {ends} s.valid_to IS NOT NULL"""  # noqa: S608
    )
    return f"""
    WITH gu AS (
        SELECT u.id, u.founded_on, u.dissolved_on FROM org_unit u JOIN org_unitkind k ON k.id = u.kind_id
        WHERE k.is_grassroots = %s {grassroots}
    ),
    ev AS (
        SELECT e.unit_id, e.day, SUM(e.d) AS d FROM (
            SELECT gu.id AS unit_id, gu.founded_on AS day, 0 AS d FROM gu
            UNION ALL
            {changes}
        ) e GROUP BY e.unit_id, e.day
    ),
    counted AS (
        SELECT unit_id, day, SUM(d) OVER (PARTITION BY unit_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS n
        FROM ev
    ),
    edges AS (
        SELECT unit_id, day, n, LAG(n) OVER (PARTITION BY unit_id ORDER BY day) AS was FROM counted
    ),
    changes AS (
        SELECT unit_id, day, n, LEAD(day) OVER (PARTITION BY unit_id ORDER BY day) AS next_change
        FROM edges WHERE was IS NULL OR n <> was
    ),
    clipped AS (
        SELECT c.unit_id, c.n,
            CASE WHEN c.day < gu.founded_on THEN gu.founded_on ELSE c.day END AS valid_from,
            CASE WHEN c.next_change IS NULL THEN gu.dissolved_on
                 WHEN gu.dissolved_on IS NULL OR {before} < gu.dissolved_on THEN {before}
                 ELSE gu.dissolved_on END AS valid_to
        FROM changes c JOIN gu ON gu.id = c.unit_id
        WHERE c.n < %s
    )
    SELECT unit_id, valid_from, valid_to, n FROM clipped
    WHERE valid_to IS NULL OR valid_to >= valid_from
    """  # noqa: S608 - only constant SQL fragments are interpolated


def _insert(ids: list[int] | None = None, own: str = "") -> None:
    table = SmallUnionSpan._meta.db_table
    pg = connection.vendor == "postgresql"
    units = "IN (" + ", ".join(["%s"] * len(ids)) + ")" if ids else ""
    with connection.cursor() as cursor:
        if pg and not ids:
            cursor.execute("SET LOCAL work_mem = '1GB'")  # the full rebuild sorts millions of rows
        cursor.execute(
            f"INSERT INTO {table} (unit_id, valid_from, valid_to, members) "  # noqa: S608 - constant names
            + _spans_sql(pg, units, own),
            [True, *(ids or ()), *(ids or ()), *(ids or ()), MIN_MEMBERS],
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
            _insert(chunk)


def rebuild(own: str = "") -> None:
    """Recompute every union's spans from the stints, or from a table of all units' own events
    (``own``, see ``_spans_sql``) — set-based; the bulk loaders call this."""
    with transaction.atomic():
        SmallUnionSpan.objects.all().delete()
        _insert(own=own)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SmallUnionSpan._meta.db_table}")


def small_on(root_id: int, day: dt.date, *, walk_down: bool = True) -> list[tuple[int, str, str, int, int]]:
    """Grassroots unions under ``root_id`` (in the tree as it was on ``day``) with fewer than five
    members on ``day``: (id, code, name, branch, members), branch being the child of the root they lie
    under (0 for the root itself).

    ``walk_down`` (a province, a commune): the root's subtree of that day is walked down the links and
    joined with the spans of that day, one statement. Otherwise (the whole country, where every small
    union is under the root anyway) the unions small on that day are read from the spans and walked up
    the tree of that day (``org.selectors.branches_under``: the links read upwards, level by level).
    """
    if walk_down:
        walk, params = subtree_between_sql(root_id=root_id, start=day, end=day)
        spans, units = SmallUnionSpan._meta.db_table, Unit._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""{walk} SELECT DISTINCT s.unit_id, u.code, u.name, w.branch, s.members
                FROM walk w JOIN {spans} s ON s.unit_id = w.id JOIN {units} u ON u.id = s.unit_id
                WHERE s.valid_from <= %s AND (s.valid_to IS NULL OR s.valid_to >= %s)""",  # noqa: S608
                [*params, day, day],
            )
            return [tuple(row) for row in cursor.fetchall()]
    on_day = Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    small = {
        unit: (code, name, n)
        for unit, code, name, n in SmallUnionSpan.objects.filter(on_day).values_list(
            "unit_id", "unit__code", "unit__name", "members"
        )
    }
    branches = branches_under(root_id=root_id, days=dict.fromkeys(small, day))
    return [(unit, *small[unit][:2], below, small[unit][2]) for unit, below in branches.items()]
