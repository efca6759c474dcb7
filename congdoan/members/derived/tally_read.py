"""Reading the member tally: stored subtree figures (``sums``) and the units' own stints counted live
(``own_sums``). Re-exported by ``tally``; see its docstring for what the ledger holds."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, F, Q

from ..constants import Gender
from ..models import Membership, MemberTally, MemberTallyEthnicity
from .columns import (
    ADMISSION_KINDS,
    AGE_COLUMNS,
    AGE_THRESHOLDS,
    COLUMNS,
    ETH,
    MAJORITY,
    NOT_LEAVING,
    SECTOR_COLUMNS,
)


def sums(unit_ids: Iterable[int], *, upto: dt.date, since: dt.date | None = None, ethnicity: bool = False):
    """Per unit: stored changes summed over days ``since..upto`` (from the beginning when ``since`` is
    None) — for level columns with ``since`` None that is the standing figure on ``upto``."""
    ids = list(unit_ids)
    out: dict[int, Counter] = defaultdict(Counter)
    if not ids:
        return out
    marks = ", ".join(["%s"] * len(ids))
    window = "day <= %s" + (" AND day >= %s" if since is not None else "")
    params = [*ids, upto] + ([since] if since is not None else [])
    totals = ", ".join(f"SUM({c})" for c in COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT unit_id, {totals} FROM {MemberTally._meta.db_table} "  # noqa: S608 - constant names
            f"WHERE unit_id IN ({marks}) AND {window} GROUP BY unit_id",
            params,
        )
        for unit, *values in cursor.fetchall():
            out[unit].update({c: v for c, v in zip(COLUMNS, values, strict=True) if v})
        if ethnicity:
            cursor.execute(
                f"SELECT unit_id, ethnicity, SUM(n) FROM {MemberTallyEthnicity._meta.db_table} "  # noqa: S608
                f"WHERE unit_id IN ({marks}) AND {window} GROUP BY unit_id, ethnicity",
                params,
            )
            for unit, code, n in cursor.fetchall():
                if n:
                    out[unit][ETH + code] += n
    return out


def own_sums(
    unit_ids: Iterable[int],
    *,
    upto: dt.date,
    since: dt.date | None = None,
    ethnicity: bool = False,
    columns: Iterable[str] | None = None,
) -> dict[int, Counter]:
    """The same figures for the units' own stints, counted live from them: the level figures on
    ``upto`` (when ``since`` is None) or the event counts over ``since..upto`` (only ``columns``
    when given)."""
    ids = list(unit_ids)
    out: dict[int, Counter] = defaultdict(Counter)
    if not ids:
        return out
    stints = Membership.objects.filter(unit_id__in=ids).order_by()
    if not stints.filter(valid_from__lte=upto).exists():  # units with children rarely have members
        return out
    if since is None:
        present = stints.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=upto), valid_from__lte=upto)
        year = upto.year
        agg = {
            "total": Count("id"),
            "women": Count("id", filter=Q(member__gender=Gender.FEMALE)),
            "informal": Count("id", filter=Q(member__is_informal=True)),
        }
        bounds = [0, *AGE_THRESHOLDS, 10_000]
        for column, low, high in zip(AGE_COLUMNS, bounds, bounds[1:], strict=False):
            # age by year of birth in [low, high)  <=>  born in years (year - high, year - low]
            born = Q(member__date_of_birth__lt=dt.date(max(1, year - low + 1), 1, 1))
            if year - high + 1 > 1:
                born &= Q(member__date_of_birth__gte=dt.date(year - high + 1, 1, 1))
            agg[column] = Count("id", filter=born)
        known = [s for s in SECTOR_COLUMNS if s]
        for sector, column in SECTOR_COLUMNS.items():
            where = (
                Q(unit__sector=sector)
                if sector
                else ~Q(unit__sector__in=known) | Q(unit__sector__isnull=True)
            )
            agg[column] = Count("id", filter=where)
        if columns is not None:
            agg = {c: a for c, a in agg.items() if c in set(columns)}
        for row in present.values("unit_id").annotate(**agg):
            out[row["unit_id"]].update({c: row[c] for c in agg if row[c]})
        if ethnicity:
            minorities = present.exclude(member__ethnicity=MAJORITY)
            for row in minorities.values("unit_id", "member__ethnicity").annotate(n=Count("id")):
                out[row["unit_id"]][ETH + row["member__ethnicity"]] += row["n"]
        return out
    window = (since, upto)
    admitted = Q(start_kind__in=ADMISSION_KINDS, valid_from__range=window)
    agg = {
        "admitted": Count("id", filter=admitted),
        "admitted_informal": Count("id", filter=admitted & Q(member__is_informal=True)),
        "leavers": Count(
            "id",
            filter=Q(valid_to__range=window, end_reason__isnull=False) & ~Q(end_reason__code__in=NOT_LEAVING),
        ),
    }
    for column, field in (
        ("party_introduced", "party_introduced_on"),
        ("party_admitted", "party_admitted_on"),
    ):
        on = F(f"member__{field}")
        agg[column] = Count(
            "id",
            filter=Q(**{f"member__{field}__range": window}, valid_from__lte=on)
            & (Q(valid_to__isnull=True) | Q(valid_to__gte=on)),
        )
    if columns is not None:
        agg = {c: a for c, a in agg.items() if c in set(columns)}
    overlapping = stints.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=since), valid_from__lte=upto)
    for row in overlapping.values("unit_id").annotate(**agg):
        out[row["unit_id"]].update({c: row[c] for c in agg if row[c]})
    return out
