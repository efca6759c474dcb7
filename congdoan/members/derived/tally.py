"""The member tally: figures of every unit's subtree on any day, kept in step with the registry.

``MemberTally`` / ``MemberTallyEthnicity`` hold, for each unit, the daily *changes* of the figures of the
members below it (its strict descendants, through the tree as it was on each day). A figure on day d is
the sum of the rows up to d; a period count (admissions, leavings, Party dates) is the sum of the event
columns over the period. The unit's own stints are not in its rows: readers add them live (a unit with
children rarely has members of its own, and a grassroots union's own stints are a small read).

Everything is derived from two sources and nothing else:

* the *own events* of a unit, from its stints: +1 on the first day of a stint, −1 on the day after its
  last day, a move between age bands on 1 January (age is counted by year of birth, the usual rule in
  Vietnamese statistics forms: age in year Y = Y − year of birth), and the period events;
* the dated links: a unit's own events and its tally reach a parent for the interval of the link — level
  figures enter with the whole standing count on the link's first day and leave the day after its last,
  events count only on days inside the interval.

``tracking()`` wraps every change to stints or counted member attributes (the lifecycle services),
``link_apply()`` every link the restructure services open or close; ``rebuild()`` recomputes the whole
ledger with set-based SQL from stints and links. Tests prove incremental == rebuild == a brute-force recount.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Q

from congdoan.org.selectors import links_of

from ..constants import Gender
from ..models import Membership, MemberTally, MemberTallyEthnicity
from . import smallspans
from .columns import (  # noqa: F401 - readers use tally.<COLUMNS>
    ADMISSION_KINDS,
    AGE_COLUMNS,
    AGE_THRESHOLDS,
    COLUMNS,
    EARLIEST,
    ETH,
    EVENT_COLUMNS,
    LEVEL_COLUMNS,
    MAJORITY,
    NOT_LEAVING,
    ONE_DAY,
    OPEN,
    SECTOR_COLUMNS,
    Events,
    age_band,
    is_level,
)
from .counts import recount_units
from .tally_read import own_sums, sums  # noqa: F401 - readers use tally.sums / tally.own_sums
from .tally_sql import rebuild_sql

# -- own events of stints -------------------------------------------------------------------------
STINT_FIELDS = (
    "unit_id",
    "valid_from",
    "valid_to",
    "start_kind",
    "end_reason__code",
    "member__gender",
    "member__date_of_birth",
    "member__ethnicity",
    "member__is_informal",
    "member__party_introduced_on",
    "member__party_admitted_on",
    "unit__sector",
)


def _level(sign: int, female: bool, informal: bool, band: int, sector: str, ethnicity: str) -> Counter:
    c = Counter(
        {"total": sign, AGE_COLUMNS[band]: sign, SECTOR_COLUMNS.get(sector or "", "sector_none"): sign}
    )
    if ethnicity != MAJORITY:
        c[ETH + ethnicity] += sign
    if female:
        c["women"] += sign
    if informal:
        c["informal"] += sign
    return c


def stint_events(rows: Iterable[tuple], out: Events | None = None) -> Events:
    """Own events of stints given as ``STINT_FIELDS`` tuples, added into ``out`` (unit → day → column)."""
    out = out if out is not None else defaultdict(lambda: defaultdict(Counter))
    for (
        unit,
        start,
        end,
        kind,
        reason,
        gender,
        born,
        ethnicity,
        informal,
        introduced,
        admitted,
        sector,
    ) in rows:
        days = out[unit]
        female = gender == Gender.FEMALE
        born_year = born.year
        days[start].update(_level(1, female, informal, age_band(born_year, start), sector, ethnicity))
        if kind in ADMISSION_KINDS:
            days[start]["admitted"] += 1
            if informal:
                days[start]["admitted_informal"] += 1
        last = end or OPEN
        if end is not None:
            days[end + ONE_DAY].update(
                _level(-1, female, informal, age_band(born_year, end), sector, ethnicity)
            )
            if reason is not None and reason not in NOT_LEAVING:
                days[end]["leavers"] += 1
        for k_index, k in enumerate(AGE_THRESHOLDS):
            year = born_year + k
            if year > 9998:
                continue
            turn = dt.date(year, 1, 1)
            if start < turn <= last:
                days[turn][AGE_COLUMNS[k_index]] -= 1
                days[turn][AGE_COLUMNS[k_index + 1]] += 1
        for column, day in (("party_introduced", introduced), ("party_admitted", admitted)):
            if day is not None and start <= day <= last:
                days[day][column] += 1
    return out


def _stint_rows(q: Q) -> list[tuple]:
    return list(Membership.objects.filter(q).values_list(*STINT_FIELDS))


def _own_events(q: Q) -> Events:
    return stint_events(_stint_rows(q))


def _ledger_events(unit_ids: Iterable[int]) -> Events:
    """A unit's stored tally rows, in the in-memory form (so they can be passed up like own events)."""
    out: Events = defaultdict(lambda: defaultdict(Counter))
    ids = list(unit_ids)
    for row in MemberTally.objects.filter(unit_id__in=ids).values_list("unit_id", "day", *COLUMNS):
        c = out[row[0]][row[1]]
        for column, n in zip(COLUMNS, row[2:], strict=True):
            if n:
                c[column] += n
    for unit, day, ethnicity, n in MemberTallyEthnicity.objects.filter(unit_id__in=ids).values_list(
        "unit_id", "day", "ethnicity", "n"
    ):
        if n:
            out[unit][day][ETH + ethnicity] += n
    return out


# -- passing events up the tree -------------------------------------------------------------------
def ancestor_intervals(unit_ids: Iterable[int]) -> dict[int, list[tuple[int, dt.date, dt.date]]]:
    """For each unit: (ancestor, from, to) for every strict ancestor over time (``OPEN`` = still)."""
    result: dict[int, list] = {u: [] for u in unit_ids}
    frontier = {(u, u, EARLIEST, OPEN) for u in result}
    seen = set()
    while frontier:
        children = {c for _o, c, _f, _t in frontier}
        by_child = defaultdict(list)
        for child, parent, f, t in links_of(sorted(children)):
            by_child[child].append((parent, f, t or OPEN))
        new = set()
        for origin, child, f, t in frontier:
            for parent, lf, lt in by_child[child]:
                nf, nt = max(f, lf), min(t, lt)
                key = (origin, parent, nf, nt)
                if nf <= nt and key not in seen:
                    seen.add(key)
                    result[origin].append((parent, nf, nt))
                    new.add(key)
        frontier = new
    return result


def project(days: dict[dt.date, Counter], f: dt.date, t: dt.date, into: dict, sign: int = 1) -> None:
    """Add what ``days`` (a unit's events) contribute to a unit above it during ``f..t`` into ``into``."""
    for day, changes in days.items():
        if day > t:
            continue
        enter = max(day, f)
        for column, n in changes.items():
            if not n:
                continue
            if is_level(column):
                into[enter][column] += sign * n
                if t != OPEN:
                    into[t + ONE_DAY][column] -= sign * n
            elif day >= f:
                into[day][column] += sign * n


def _pass_up(events: Events, sign: int, deltas: Events) -> None:
    intervals = ancestor_intervals([u for u, days in events.items() if days])
    for unit, days in events.items():
        for ancestor, f, t in intervals.get(unit, ()):
            project(days, f, t, deltas[ancestor], sign)


def _write(deltas: Events) -> None:
    """Add the changes to the stored ledger (upsert), then drop rows that became all zero."""
    rows, eth_rows = [], []
    for unit, days in deltas.items():
        for day, changes in days.items():
            values = [changes.get(c, 0) for c in COLUMNS]
            if any(values):
                rows.append((unit, day, *values))
            for column, n in changes.items():
                if column.startswith(ETH) and n:
                    eth_rows.append((unit, day, column[len(ETH) :], n))
    if not rows and not eth_rows:
        return
    table, eth_table = MemberTally._meta.db_table, MemberTallyEthnicity._meta.db_table
    names = ", ".join(COLUMNS)
    marks = ", ".join(["%s"] * (len(COLUMNS) + 2))
    additions = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in COLUMNS)
    # Always in key order: concurrent transactions then lock shared ancestor rows in the same order.
    rows.sort()
    eth_rows.sort()
    units = sorted({r[0] for r in rows} | {r[0] for r in eth_rows})
    days = [r[1] for r in rows] + [r[1] for r in eth_rows]
    with connection.cursor() as cursor:
        if rows:
            cursor.executemany(
                f"INSERT INTO {table} (unit_id, day, {names}) VALUES ({marks}) "  # noqa: S608 - constant names
                f"ON CONFLICT (unit_id, day) DO UPDATE SET {additions}",
                rows,
            )
        if eth_rows:
            cursor.executemany(
                f"INSERT INTO {eth_table} (unit_id, day, ethnicity, n) VALUES (%s, %s, %s, %s) "  # noqa: S608
                f"ON CONFLICT (unit_id, day, ethnicity) DO UPDATE SET n = {eth_table}.n + excluded.n",
                eth_rows,
            )
    touched = Q(unit_id__in=units, day__range=(min(days), max(days)))
    MemberTally.objects.filter(touched, **{c: 0 for c in COLUMNS}).delete()
    MemberTallyEthnicity.objects.filter(touched, n=0).delete()


def _diff(after: Events, before: Events) -> Events:
    out: Events = defaultdict(lambda: defaultdict(Counter))
    for source, sign in ((after, 1), (before, -1)):
        for unit, days in source.items():
            for day, changes in days.items():
                c = out[unit][day]
                for column, n in changes.items():
                    c[column] += sign * n
    return out


# -- the two hooks --------------------------------------------------------------------------------
def _capture(member_ids, unit_ids) -> Q:
    q = Q(pk__in=[])
    if member_ids:
        q |= Q(member_id__in=list(member_ids))
    if unit_ids:
        q |= Q(unit_id__in=[u for u in unit_ids if u is not None])
    return q


@contextmanager
def tracking(*, member_ids=(), unit_ids=()):
    """Wrap any change to stints, to members' counted attributes or to a unit's sector.

    Pass the members whose stints (or attributes) change, and/or the units whose stints change (a moved
    stint must be captured on both sides: pass its member). Afterwards the per-unit counts of today,
    the tally ledger and the spans under five members are brought in step for exactly what changed.
    """
    member_ids, unit_ids = list(member_ids), list(unit_ids)
    with transaction.atomic():
        before_rows = _stint_rows(_capture(member_ids, unit_ids))
        yield
        after_rows = _stint_rows(_capture(member_ids, unit_ids))
        delta = _diff(stint_events(after_rows), stint_events(before_rows))
        deltas: Events = defaultdict(lambda: defaultdict(Counter))
        _pass_up(delta, 1, deltas)
        _write(deltas)
        units = {r[0] for r in before_rows} | {r[0] for r in after_rows} | set(unit_ids)
        recount_units(units)
        smallspans.refresh(units)


def link_apply(link, sign: int) -> None:
    """Add (``sign`` = 1) or remove (−1) what the subtree under ``link.child`` brings to the units above
    through this link over its interval. Restructure services call it with −1 before changing a link's
    dates and with +1 after, and with +1 for a new link."""
    child = link.child_id
    events = _own_events(Q(unit_id=child))
    for day, changes in _ledger_events([child]).get(child, {}).items():
        events[child][day].update(changes)
    if not events.get(child):
        return
    f, t = link.valid_from, link.valid_to or OPEN
    windows = [(link.parent_id, f, t)]
    for ancestor, af, at in ancestor_intervals([link.parent_id])[link.parent_id]:
        nf, nt = max(f, af), min(t, at)
        if nf <= nt:
            windows.append((ancestor, nf, nt))
    deltas: Events = defaultdict(lambda: defaultdict(Counter))
    for ancestor, wf, wt in windows:
        project(events[child], wf, wt, deltas[ancestor], sign)
    _write(deltas)


# -- full rebuild ---------------------------------------------------------------------------------
def rebuild(*, preloaded_from: int | None = None, keep_own: bool = False) -> None:
    """Recompute the whole ledger from stints and links (set-based SQL; the bulk loaders call this).
    The two options are ``tally_sql.rebuild_sql``'s (own events preloaded by a bulk writer; keep the
    own events for the other derived tables)."""
    with transaction.atomic():
        rebuild_sql(connection, preloaded_from=preloaded_from, keep_own=keep_own)
