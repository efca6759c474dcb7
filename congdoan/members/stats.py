"""Member statistics for a unit's subtree, as of any date and over any period (reads only).

Figures on a day and period counts come from the member tally (``tally`` module, decision of
2026-11-28): one sum over the unit's ledger rows up to the day (or over the period) plus the unit's own
stints, and the same per child for the drill-down (a child counts for the days its link to the unit
covers). "In the subtree on day d" follows the dated ``UnitLink`` rows, so figures stay true after
transfers, merges and dissolutions. Founded unions are read live, each walked up the links of its
founding day (``org.selectors.branches_under``); unions under five members from kept spans
(``smallspans``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _

from congdoan.audit.kept import kept as audit_kept
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import Sector
from congdoan.org.models import Unit

from .constants import AGE_BANDS, ETHNICITY_NAMES, Gender
from .derived import smallspans, tally
from .models import Membership, MemberTally

LATEST = dt.date(9999, 12, 31)
ONE_DAY = dt.timedelta(days=1)
MIN_GRASSROOTS_MEMBERS = smallspans.MIN_MEMBERS
BRANCH_COLUMNS = ("total", "women", "informal")


def _today_totals(unit: Unit) -> dict:
    """Today's totals from the derived per-unit counts of open stints, corrected by the few stints
    that open after today (counted there but not yet members) or close today or later (not open,
    still members today)."""
    day = today()
    prefix = unit.path + "%"
    sql = """SELECT COALESCE(SUM(c.total), 0), COALESCE(SUM(c.women), 0), COALESCE(SUM(c.informal), 0)
    FROM members_unitmembercount c JOIN org_unit u ON u.id = c.unit_id WHERE u.path LIKE %s"""
    total, women, informal = _rows(sql, [prefix])[0]
    correction = """SELECT COUNT(*), COALESCE(SUM(CASE WHEN m.gender = %s THEN 1 ELSE 0 END), 0),
        COALESCE(SUM(CASE WHEN m.is_informal THEN 1 ELSE 0 END), 0)
    FROM members_membership s JOIN org_unit u ON u.id = s.unit_id JOIN members_member m ON m.id = s.member_id
    WHERE u.path LIKE %s AND """
    later = _rows(correction + "s.valid_to IS NULL AND s.valid_from > %s", [Gender.FEMALE, prefix, day])[0]
    closing = _rows(
        correction + "s.valid_to >= %s AND s.valid_from <= %s", [Gender.FEMALE, prefix, day, day]
    )[0]
    return {
        "total": total - later[0] + closing[0],
        "women": women - later[1] + closing[1],
        "informal": informal - later[2] + closing[2],
    }


def _links_change_after(day: dt.date) -> bool:
    """Whether the tree changed after ``day`` (then the materialised path is not that day's tree): a link
    ended on or after it, or a unit moved after it. A unit *founded* after it (its first link starts on
    its founding day) does not count: units that did not exist yet are in no count of that day. Read
    from the row the tree's services keep (``org.selectors.tree_changed_after``), not searched per page."""
    return org_selectors.tree_changed_after(day)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass
class Snapshot:
    """Members in a subtree on one day, with breakdowns; ``branches`` holds the totals per child."""

    total: int = 0
    women: int = 0
    informal: int = 0
    by_ethnicity: dict = field(default_factory=lambda: defaultdict(int))
    by_age: dict = field(default_factory=lambda: defaultdict(int))
    by_sector: dict = field(default_factory=lambda: defaultdict(int))
    branches: dict = field(default_factory=lambda: defaultdict(_counts))


def _counts() -> defaultdict:
    """A module-level factory (not a lambda) so a Snapshot pickles into the cache."""
    return defaultdict(int)


def _figures(
    unit_ids, *, upto: dt.date, since: dt.date | None = None, ethnicity: bool = False, columns=None
) -> dict:
    """Per unit: the tally of its subtree below it plus its own stints (``tally`` module); ``columns``
    limits what is counted live from the own stints."""
    ids = list(unit_ids)
    out = tally.sums(ids, upto=upto, since=since, ethnicity=ethnicity)
    live = tally.own_sums(ids, upto=upto, since=since, ethnicity=ethnicity, columns=columns)
    for unit, figures in live.items():
        out[unit].update(figures)
    return out


def _child_links(unit: Unit, start: dt.date, end: dt.date) -> list[tuple[int, dt.date, dt.date]]:
    """(child, from, to) of the links below ``unit`` overlapping ``start..end``, clipped to it."""
    return [
        (child, max(f, start), min(t or LATEST, end))
        for child, f, t in org_selectors.child_links_between(parent=unit, start=start, end=end)
    ]


def snapshot_on(*, unit: Unit, on: dt.date) -> Snapshot:
    """Members of ``unit``'s subtree on ``on``: total, women, informal, by ethnicity, age band, sector."""
    fig = _figures([unit.pk], upto=on, ethnicity=True)[unit.pk]
    snap = Snapshot(total=fig["total"], women=fig["women"], informal=fig["informal"])
    for column, n in fig.items():
        if column.startswith(tally.ETH) and n:
            snap.by_ethnicity[column[len(tally.ETH) :]] += n
    majority = snap.total - sum(snap.by_ethnicity.values())
    if majority:
        snap.by_ethnicity[tally.MAJORITY] = majority
    for (code, *_rest), column in zip(AGE_BANDS, tally.AGE_COLUMNS, strict=True):
        if fig[column]:
            snap.by_age[code] += fig[column]
    for sector, column in tally.SECTOR_COLUMNS.items():
        if fig[column]:
            snap.by_sector[sector] += fig[column]
    children = [child for child, _f, _t in _child_links(unit, on, on)]
    for child, figures in _figures(children, upto=on, columns=BRANCH_COLUMNS).items():
        if figures["total"]:
            b = snap.branches[child]
            for key in ("total", "women", "informal"):
                b[key] = figures[key]
    return snap


def total_on(*, unit: Unit, on: dt.date) -> int:
    """How many members ``unit``'s subtree had on ``on``."""
    return _figures([unit.pk], upto=on, columns=("total",))[unit.pk]["total"]


def totals_on(*, unit: Unit, days: list[dt.date]) -> dict[dt.date, int]:
    """``total_on`` for several days in two reads: the unit's tally rows summed up to each day in one pass,
    and its own stints open on each day in another (a chart of members over time)."""
    days = sorted(set(days))
    if not days:
        return {}
    upto = ", ".join(["COALESCE(SUM(CASE WHEN day <= %s THEN total ELSE 0 END), 0)"] * len(days))
    ledger = _rows(
        f"SELECT {upto} FROM {MemberTally._meta.db_table} WHERE unit_id = %s AND day <= %s",  # noqa: S608
        [*days, unit.pk, days[-1]],
    )[0]
    open_on = ", ".join(
        [
            "COALESCE(SUM(CASE WHEN valid_from <= %s AND (valid_to IS NULL OR valid_to >= %s) THEN 1 ELSE 0 END), 0)"
        ]
        * len(days)
    )
    own = _rows(
        f"SELECT {open_on} FROM {Membership._meta.db_table} WHERE unit_id = %s AND valid_from <= %s",  # noqa: S608
        [*(d for day in days for d in (day, day)), unit.pk, days[-1]],
    )[0]
    return {day: int(a or 0) + int(b or 0) for day, a, b in zip(days, ledger, own, strict=True)}


def _periods(unit: Unit, columns: tuple[str, ...], start: dt.date, end: dt.date) -> tuple[dict, dict]:
    """Event columns summed over ``start..end`` for the subtree, and per child while it was below:
    ({column: n}, {column: {child: n}})."""
    totals = _figures([unit.pk], upto=end, since=start, columns=columns)[unit.pk]
    windows: dict[tuple, list[int]] = defaultdict(list)
    for child, f, t in _child_links(unit, start, end):
        windows[(f, t)].append(child)
    per_branch: dict = {c: defaultdict(int) for c in columns}
    for (f, t), children in windows.items():
        for child, figures in _figures(children, upto=t, since=f, columns=columns).items():
            for column in columns:
                if figures[column]:
                    per_branch[column][child] += figures[column]
    return {c: totals[c] for c in columns}, per_branch


def _period(unit: Unit, column: str, start: dt.date, end: dt.date) -> tuple[int, dict]:
    totals, per_branch = _periods(unit, (column,), start, end)
    return totals[column], per_branch[column]


def admitted_between(
    *, unit: Unit, start: dt.date, end: dt.date, informal_only: bool = False
) -> tuple[int, dict]:
    """Admissions and re-admissions with their first day in ``start..end`` (total, per branch)."""
    return _period(unit, "admitted_informal" if informal_only else "admitted", start, end)


def left_between(*, unit: Unit, start: dt.date, end: dt.date) -> tuple[int, dict]:
    """Members who stopped (last day in ``start..end``) for a reason other than moving elsewhere."""
    return _period(unit, "leavers", start, end)


def party_between(*, unit: Unit, start: dt.date, end: dt.date, admitted: bool = False) -> int:
    """Members introduced to (or admitted into) the Party in the period while in the subtree."""
    column = "party_admitted" if admitted else "party_introduced"
    return _figures([unit.pk], upto=end, since=start, columns=(column,))[unit.pk][column]


def grassroots_founded_between(*, unit: Unit, start: dt.date, end: dt.date) -> dict:
    """Grassroots unions founded in the period under the unit: total, state and non-state.

    When no link has changed since ``start``, the tree of the whole period is today's: the materialised
    path answers (a range scan). Otherwise each union founded in the period must have lain under the
    unit on its founding day: its chain of links is read upwards (``org.selectors.branches_under``)."""
    founded = org_selectors.grassroots_founded_between(start=start, end=end)
    founded = founded.exclude(pk=unit.pk)
    if not _links_change_after(start - ONE_DAY):
        sectors = list(founded.filter(path__startswith=unit.path).values_list("sector", flat=True))
    elif unit.depth > 0:  # a province or below: walk its subtree of the period down the links
        rows = org_selectors.grassroots_founded_under(root_id=unit.pk, start=start, end=end)
        sectors = [sector for _pk, sector in rows]
    else:  # the country: every union founded anywhere, each walked up its founding day's links
        rows = list(founded.values_list("id", "founded_on", "sector"))
        under = org_selectors.branches_under(root_id=unit.pk, days={pk: day for pk, day, _sector in rows})
        sectors = [sector for pk, _day, sector in rows if pk in under]
    state = sum(1 for sector in sectors if sector == "state")
    return {"total": len(sectors), "state": state, "non_state": len(sectors) - state}


def small_grassroots_on(*, unit: Unit, on: dt.date) -> tuple[list[tuple[int, str, str, int]], dict]:
    """Grassroots unions existing on ``on`` with fewer than 5 members: (id, code, name, members), from
    the kept spans under five members (``smallspans``), walked up the tree as it was that day; and how
    many lie under each child of the unit."""
    rows = smallspans.small_on(unit.pk, on, walk_down=unit.depth > 0)
    per_branch: dict = defaultdict(int)
    for _id, _code, _name, branch, _n in rows:
        per_branch[branch] += 1
    return [(r[0], r[1], r[2], r[4]) for r in sorted(rows, key=lambda r: r[2])], per_branch


@dataclass
class Report:
    unit: Unit
    on: dt.date
    start: dt.date
    end: dt.date
    snapshot: Snapshot
    total_before: int
    admitted: int
    informal_admitted: int
    left: int
    party_introduced: int
    party_admitted: int
    founded: dict
    small_unions: list
    rows: list  # per child: dict with unit and figures

    @property
    def net_change(self) -> int:
        return self.snapshot_end_total - self.total_before

    snapshot_end_total: int = 0


def report(*, scope: Scope, unit: Unit, on: dt.date, start: dt.date, end: dt.date) -> Report:
    """Everything the statistics page shows for ``unit`` (in scope): as of ``on`` and over ``start..end``."""
    org_selectors.unit_get(scope=scope, pk=unit.pk)
    snap = snapshot_on(unit=unit, on=on)
    end_total = snap.total if end == on else total_on(unit=unit, on=end)
    before = total_on(unit=unit, on=start - ONE_DAY)
    events, by_branch = _periods(unit, tally.EVENT_COLUMNS, start, end)
    admitted, admitted_by = events["admitted"], by_branch["admitted"]
    informal_admitted = events["admitted_informal"]
    left, left_by = events["leavers"], by_branch["leavers"]
    small, small_by = small_grassroots_on(unit=unit, on=on)
    rows = []
    for child in org_selectors.natural_order(org_selectors.unit_children(scope=scope, unit=unit, on=on)):
        b = snap.branches.get(child.pk, {})
        rows.append(
            {
                "unit": child,
                "total": b.get("total", 0),
                "women": b.get("women", 0),
                "informal": b.get("informal", 0),
                "admitted": admitted_by.get(child.pk, 0),
                "left": left_by.get(child.pk, 0),
                "small_unions": small_by.get(child.pk, 0),
            }
        )
    return Report(
        unit=unit,
        on=on,
        start=start,
        end=end,
        snapshot=snap,
        total_before=before,
        admitted=admitted,
        informal_admitted=informal_admitted,
        left=left,
        party_introduced=events["party_introduced"],
        party_admitted=events["party_admitted"],
        founded=grassroots_founded_between(unit=unit, start=start, end=end),
        small_unions=small,
        rows=rows,
        snapshot_end_total=end_total,
    )


def ethnicity_rows(snap: Snapshot) -> list[tuple[str, int]]:
    return sorted(((ETHNICITY_NAMES.get(k, k), n) for k, n in snap.by_ethnicity.items()), key=lambda r: -r[1])


def age_rows(snap: Snapshot) -> list[tuple[str, int]]:
    return [(str(label), snap.by_age.get(code, 0)) for code, label, _low, _high in AGE_BANDS]


def sector_rows(snap: Snapshot) -> list[tuple[str, int]]:
    labels = dict(Sector.choices)
    return [(str(labels.get(k, _("Chưa phân loại"))), n) for k, n in sorted(snap.by_sector.items())]


# Kept pages: a safety net for writes made outside the services; the data version does the real invalidation.
def kept(*, scope: Scope, parts: tuple, compute, units=None):
    """``compute()`` kept until the next write in the areas of ``units`` (``audit.kept``; None: anywhere):
    the statistics page and the home cards."""
    return audit_kept("members.stats", scope=scope, parts=parts, compute=compute, units=units)
