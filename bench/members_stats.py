#!/usr/bin/env python
"""Benchmark: member statistics on the national demo data (PostgreSQL), read from the member tally.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national uv run python bench/members_stats.py

For the largest province and for the whole country, today and as of past dates, times
- ``stats.total_on`` (the headline figure),
- ``stats.snapshot_on`` (total, women, informal, by ethnicity, age band and sector, plus the per-child
  drill-down),
- ``stats.admitted_between`` / ``left_between`` / ``party_between`` over a year,
- ``stats.small_grassroots_on`` (unions under five members, from the kept spans; today from the kept
  per-unit counts),
- ``stats.report`` (everything the statistics page shows, including founded unions and unions under
  five members),
each next to hand-written SQL for the same answer over the same ledger rows (``tally``), and — for the
totals and breakdowns — the best hand-written SQL straight over the 12 M stints (``raw``), which is what
the figures cost without the ledger. Prints median and p95 in milliseconds. Never passes or fails.
Apply the migrations and build the ledger first (``demo_data`` does; or ``members.tally.rebuild()``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from members import p95, timed  # noqa: E402 - the helpers of bench/members.py

from congdoan.core import dates  # noqa: E402
from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.members import stats  # noqa: E402
from congdoan.members.derived import tally  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402

SUMS = ", ".join(f"SUM({c})" for c in tally.COLUMNS)
# The best single statements over the ledger: the unit's rows up to the day, the minorities, the children.
TALLY_TOTAL = (
    """SELECT COALESCE(SUM(total), 0) FROM members_membertally WHERE unit_id = %(root)s AND day <= %(day)s"""
)
TALLY_SNAPSHOT = [
    f"SELECT {SUMS} FROM members_membertally WHERE unit_id = %(root)s AND day <= %(day)s",  # noqa: S608
    """SELECT ethnicity, SUM(n) FROM members_membertallyethnicity WHERE unit_id = %(root)s AND day <= %(day)s
       GROUP BY ethnicity""",
    """SELECT l.child_id, SUM(t.total), SUM(t.women), SUM(t.informal)
       FROM org_unitlink l JOIN members_membertally t ON t.unit_id = l.child_id AND t.day <= %(day)s
       WHERE l.parent_id = %(root)s AND l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(day)s)
       GROUP BY l.child_id""",
    """SELECT s.unit_id, COUNT(*) FROM org_unitlink l JOIN members_membership s ON s.unit_id = l.child_id
       WHERE l.parent_id = %(root)s AND l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(day)s)
         AND s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s) GROUP BY s.unit_id""",
]
EVENTS = ", ".join(f"SUM({c})" for c in tally.EVENT_COLUMNS)
# Period counts as the statistics page shows them: the unit's ledger rows over the period, and per child
# the ledger rows of the days its link to the unit covers, plus the children's own stints (the selector's
# ``_periods``: totals and the per-child split of every event column).
_STINT_EVENTS = (
    "COUNT(*) FILTER (WHERE s.start_kind IN ('admit', 'readmit') AND s.valid_from BETWEEN {f} AND {t})",
    "COUNT(*) FILTER (WHERE s.start_kind IN ('admit', 'readmit') AND s.valid_from BETWEEN {f} AND {t}"
    " AND m.is_informal)",
    "COUNT(*) FILTER (WHERE s.valid_to BETWEEN {f} AND {t} AND s.end_reason_id IS NOT NULL"
    " AND r.code NOT IN ('transfer', 'restructure'))",
    "COUNT(*) FILTER (WHERE m.party_introduced_on BETWEEN {f} AND {t} AND s.valid_from <= m.party_introduced_on"
    " AND (s.valid_to IS NULL OR s.valid_to >= m.party_introduced_on))",
    "COUNT(*) FILTER (WHERE m.party_admitted_on BETWEEN {f} AND {t} AND s.valid_from <= m.party_admitted_on"
    " AND (s.valid_to IS NULL OR s.valid_to >= m.party_admitted_on))",
)
STINT_EVENTS = ",\n    ".join(_STINT_EVENTS)
STINTS = """members_membership s JOIN members_member m ON m.id = s.member_id
    LEFT JOIN members_leavereason r ON r.id = s.end_reason_id"""
CHILD_WINDOWS = """WITH w AS (
    SELECT l.child_id, GREATEST(l.valid_from, %(start)s::date) AS f, LEAST(COALESCE(l.valid_to, %(day)s), %(day)s) AS t
    FROM org_unitlink l
    WHERE l.parent_id = %(root)s AND l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(start)s))"""
TALLY_PERIOD = [
    f"""SELECT {", ".join(f"COALESCE(a.c{i}, 0) + b.c{i}" for i in range(len(_STINT_EVENTS)))} FROM
    (SELECT {", ".join(f"SUM({c}) AS c{i}" for i, c in enumerate(tally.EVENT_COLUMNS))} FROM members_membertally
     WHERE unit_id = %(root)s AND day >= %(start)s AND day <= %(day)s) a,
    (SELECT {", ".join(f"{e} AS c{i}" for i, e in enumerate(_STINT_EVENTS)).format(f="%(start)s", t="%(day)s")}
     FROM {STINTS} WHERE s.unit_id = %(root)s AND s.valid_from <= %(day)s
       AND (s.valid_to IS NULL OR s.valid_to >= %(start)s)) b""",  # noqa: S608
    f"""{CHILD_WINDOWS}
    SELECT w.child_id, {EVENTS} FROM w JOIN members_membertally t ON t.unit_id = w.child_id AND t.day BETWEEN w.f AND w.t
    GROUP BY w.child_id""",  # noqa: S608
    f"""{CHILD_WINDOWS}
    SELECT w.child_id, {STINT_EVENTS.format(f="w.f", t="w.t")}
    FROM w JOIN {STINTS} ON s.unit_id = w.child_id
    WHERE s.valid_from <= w.t AND (s.valid_to IS NULL OR s.valid_to >= w.f) GROUP BY w.child_id""",  # noqa: S608
]
# The plain GROUP BY over members and stints a user would otherwise write (today's tree: path prefix,
# the child from the path), for the same columns and the same split.
RAW_PERIOD = f"""SELECT split_part(u.path, '/', %(child_part)s) AS branch,
    {STINT_EVENTS.format(f="%(start)s", t="%(day)s")}
FROM org_unit u JOIN {STINTS} ON s.unit_id = u.id
WHERE u.path LIKE %(prefix)s AND s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(start)s)
GROUP BY 1"""
# Straight over the stints: the tree of the day (recursive walk of the links valid that day).
SUBTREE_ON = """WITH RECURSIVE t(id, branch) AS (
    SELECT %(root)s::bigint, NULL::bigint
    UNION ALL
    SELECT l.child_id, COALESCE(t.branch, l.child_id) FROM org_unitlink l JOIN t ON l.parent_id = t.id
    WHERE l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(day)s))"""
RAW_TOTAL = f"""{SUBTREE_ON}
SELECT COUNT(*) FROM t JOIN members_membership s ON s.unit_id = t.id
WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)"""
RAW_SNAPSHOT = f"""{SUBTREE_ON}
SELECT m.gender, m.ethnicity, m.is_informal, u.sector, EXTRACT(YEAR FROM m.date_of_birth), t.branch, COUNT(*)
FROM t JOIN org_unit u ON u.id = t.id JOIN members_membership s ON s.unit_id = u.id
JOIN members_member m ON m.id = s.member_id
WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
GROUP BY 1, 2, 3, 4, 5, 6"""

# Unions under five members straight over the stints: every grassroots union of the day's tree, counted.
RAW_SMALL = f"""{SUBTREE_ON}
SELECT u.id, COUNT(s.id) FROM t JOIN org_unit u ON u.id = t.id JOIN org_unitkind k ON k.id = u.kind_id
LEFT JOIN members_membership s ON s.unit_id = u.id
    AND s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
WHERE k.is_grassroots AND u.founded_on <= %(day)s AND (u.dissolved_on IS NULL OR u.dissolved_on >= %(day)s)
GROUP BY u.id HAVING COUNT(s.id) < 5"""


def run_sql(queries, params):
    queries = [queries] if isinstance(queries, str) else queries

    def run():
        with connection.cursor() as cursor:
            for q in queries:
                cursor.execute(q, params)
                cursor.fetchall()

    return run


def same_period(selector: tuple[dict, dict], params: dict) -> str:
    """Whether the hand-written ledger SQL gives the selector's totals and per-child split."""
    totals, per_branch = selector
    with connection.cursor() as cursor:
        cursor.execute(TALLY_PERIOD[0], params)
        hand = dict(zip(tally.EVENT_COLUMNS, (n or 0 for n in cursor.fetchone()), strict=True))
        split: dict = {c: {} for c in tally.EVENT_COLUMNS}
        for query in TALLY_PERIOD[1:]:
            cursor.execute(query, params)
            for child, *values in cursor.fetchall():
                for column, n in zip(tally.EVENT_COLUMNS, values, strict=True):
                    if n:
                        split[column][child] = split[column].get(child, 0) + n
    same = hand == {c: totals[c] or 0 for c in tally.EVENT_COLUMNS} and all(
        split[c] == {k: v for k, v in per_branch[c].items() if v} for c in tally.EVENT_COLUMNS
    )
    return "same answer" if same else "DIFFERENT ANSWER"


def line(label: str, ours: list[float], **others: list[float]) -> None:
    text = f"{label:<46} median {statistics.median(ours):8.1f} ms  p95 {p95(ours):8.1f} ms"
    for name, theirs in others.items():
        ratio = statistics.median(ours) / max(statistics.median(theirs), 0.001)
        text += f"  | {name} {statistics.median(theirs):8.1f} ms ({ratio:4.2f}x)"
    print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--raw-repeat", type=int, default=2, help="runs of the straight-over-stints SQL (slow)"
    )
    parser.add_argument("--past", default="2023-12-31,2025-06-01")
    parser.add_argument("--no-raw", action="store_true")
    parser.add_argument("--province", default="", help="unit code (default: the largest province)")
    parser.add_argument("--page-only", action="store_true", help="only the statistics page rows")
    args = parser.parse_args()
    today = dates.today()
    days = [(today, "today")] + [(dt.date.fromisoformat(p), f"on {p}") for p in args.past.split(",")]
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM members_member")
        n_members = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*), pg_size_pretty(pg_total_relation_size('members_membertally')) FROM members_membertally"
        )
        n_rows, size = cursor.fetchone()
        cursor.execute("SELECT COUNT(*) FROM members_membertallyethnicity")
        n_eth = cursor.fetchone()[0]
        cursor.execute(
            """SELECT t.unit_id FROM members_membertally t JOIN org_unit u ON u.id = t.unit_id
               JOIN org_unitkind k ON k.id = u.kind_id AND k.code = 'province'
               GROUP BY t.unit_id ORDER BY SUM(t.total) DESC LIMIT 1"""
        )
        province = Unit.objects.get(pk=cursor.fetchone()[0])
    if args.province:
        province = Unit.objects.get(code=args.province)
    root = Unit.objects.filter(depth=0).order_by("pk").first()
    load = os.getloadavg()[0]
    print(
        f"data: {n_members:,} members; ledger {n_rows:,} rows + {n_eth:,} minority rows ({size}); load {load:.1f}"
    )
    everything = Scope.unrestricted()
    for unit, label in ((province, f"province {province.name}"), (root, "country")):
        for day, when in days if not args.page_only else ():
            params = {
                "root": unit.pk,
                "day": day,
                "start": dt.date(day.year, 1, 1),
                "prefix": unit.path + "%",
                "child_part": unit.depth + 3,
            }
            n = stats.total_on(unit=unit, on=day)
            raw = {} if args.no_raw else {"raw": timed(run_sql(RAW_TOTAL, params), args.raw_repeat)}
            line(
                f"total, {label}, {when} ({n:,})",
                timed(lambda u=unit, d=day: stats.total_on(unit=u, on=d), args.repeat),
                tally=timed(run_sql(TALLY_TOTAL, params), args.repeat),
                **raw,
            )
            raw = {} if args.no_raw else {"raw": timed(run_sql(RAW_SNAPSHOT, params), args.raw_repeat)}
            line(
                f"breakdown + drill-down, {label}, {when}",
                timed(lambda u=unit, d=day: stats.snapshot_on(unit=u, on=d), args.repeat),
                tally=timed(run_sql(TALLY_SNAPSHOT, params), args.repeat),
                **raw,
            )
            small = len(stats.small_grassroots_on(unit=unit, on=day)[0])
            raw = {} if args.no_raw else {"raw": timed(run_sql(RAW_SMALL, params), args.raw_repeat)}
            line(
                f"unions under five, {label}, {when} ({small:,})",
                timed(lambda u=unit, d=day: stats.small_grassroots_on(unit=u, on=d), args.repeat),
                **raw,
            )
            start = dt.date(day.year, 1, 1)

            def period(u=unit, s=start, d=day):
                return stats._periods(u, tally.EVENT_COLUMNS, s, d)

            check = same_period(period(), params)
            raw = {} if args.no_raw else {"raw": timed(run_sql(RAW_PERIOD, params), args.raw_repeat)}
            line(
                f"period counts {start.year} (+ per child), {label} ({check})",
                timed(period, args.repeat),
                tally=timed(run_sql(TALLY_PERIOD, params), args.repeat),
                **raw,
            )
        for day, when in days[1:] if args.page_only else ():
            start = dt.date(day.year, 1, 1)
            line(
                f"past-day parts (unions under five + founded), {label}, {when}",
                timed(
                    lambda u=unit, d=day, s=start: (
                        stats.small_grassroots_on(unit=u, on=d),
                        stats.grassroots_founded_between(unit=u, start=s, end=d),
                    ),
                    args.repeat,
                ),
            )
        for day, when in days[:2] if not args.page_only else days:
            start = dt.date(day.year, 1, 1)
            line(
                f"statistics page (report), {label}, {when}",
                timed(
                    lambda u=unit, d=day, s=start: stats.report(
                        scope=everything, unit=u, on=d, start=s, end=d
                    ),
                    max(3, args.repeat // 3),
                ),
            )


if __name__ == "__main__":
    main()
