"""Sums of the ledger: a unit's own, or a subtree's consolidated (transfers inside it left out)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from congdoan.org.models import Unit

from .constants import INCOME_LINES, SPENDING_LINES, Line
from .models import LedgerEntry, Transfer
from .rules import norms_on


def ledger_sums(*, unit: Unit, start: dt.date, end: dt.date, subtree: bool = False) -> dict[str, int]:
    """{line code: sum} over ``start..end``. With ``subtree``, every unit below is added and the two legs
    of each transfer between units of the subtree are left out (money moving inside it)."""
    qs = LedgerEntry.objects.filter(on__gte=start, on__lte=end)
    if subtree:
        inside = Q(
            transfer__from_unit__path__startswith=unit.path, transfer__to_unit__path__startswith=unit.path
        )
        qs = qs.filter(unit__path__startswith=unit.path).exclude(inside)
    else:
        qs = qs.filter(unit=unit)
    return {row["line"]: row["total"] for row in qs.values("line").annotate(total=Sum("amount")).order_by()}


def totals(sums: dict[str, int]) -> dict[str, int]:
    income = sum(sums.get(code, 0) for code in INCOME_LINES)
    spending = sum(sums.get(code, 0) for code in SPENDING_LINES)
    up = sums.get(Line.TRANSFER_UP, 0)
    return {"income": income, "spending": spending, "transfer_up": up, "balance": income - spending - up}


def transfer_sums(*, unit: Unit, start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    """What ``unit`` owes above and has paid, and what its units below owe it and have paid."""

    def agg(qs):
        row = qs.filter(month__gte=start, month__lte=end).aggregate(
            owed=Sum("owed"), received=Sum("received")
        )
        return {"owed": row["owed"] or 0, "received": row["received"] or 0}

    return {
        "up": agg(Transfer.objects.filter(from_unit=unit)),
        "below": agg(Transfer.objects.filter(to_unit=unit)),
    }


def norm_warnings(*, unit: Unit, year: int) -> list[str]:
    """The year's spending shares that break the norms (≥ 40 % care, ≤ 45 % allowances, ≤ 15 % other),
    as Vietnamese sentences; shares are of the year's spending."""
    sums = ledger_sums(unit=unit, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    spending = sum(sums.get(code, 0) for code in SPENDING_LINES)
    if spending <= 0:
        return []
    warnings = []
    for norm in norms_on(dt.date(year, 12, 31)):
        part = sum(sums.get(code.strip(), 0) for code in norm.lines.split(","))
        share = Decimal(part) * 100 / Decimal(spending)
        broken = share < norm.percent if norm.bound == "min" else share > norm.percent
        if broken:
            text = f"{share.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}".replace(".", ",")
            limit = _("tối thiểu") if norm.bound == "min" else _("tối đa")
            warnings.append(
                _("%(n)s chiếm %(s)s %% tổng chi (định mức %(b)s %(p)s %%).")
                % {
                    "n": norm.name,
                    "s": text,
                    "b": limit,
                    "p": f"{norm.percent.normalize():f}".replace(".", ","),
                }
            )
    return warnings
