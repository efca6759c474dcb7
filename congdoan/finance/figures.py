"""Figures of a subtree over a period: dues collected against expected, the fund, arrears, spending shares.

Read by the finance index page and by the documents app's fact table (``documents/facts/finance.py``).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum

from congdoan.core.money import share
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .constants import SPENDING_LINES, Line, MonthStatus
from .ledger import ledger_sums
from .models import DuesMonth, EmployerMonth


def _sum(qs, *fields) -> dict[str, int]:
    row = qs.aggregate(**{f: Sum(f) for f in fields})
    return {f: row[f] or 0 for f in fields}


def collection(*, unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Dues due and paid on posted rolls, the fund due and paid, of ``unit``'s subtree over the months of
    ``start..end``; arrears = due − paid (suspended fund months counted once their back-payment date passed)."""
    rolls = DuesMonth.objects.filter(
        unit__path__startswith=unit.path,
        status=MonthStatus.POSTED,
        month__gte=start.replace(day=1),
        month__lte=end,
    )
    totals = _sum(rolls, "due_total", "paid_total")
    dues = {"due": totals["due_total"], "paid": totals["paid_total"]}
    fund_qs = EmployerMonth.objects.filter(
        employer__unit__path__startswith=unit.path, month__gte=start.replace(day=1), month__lte=end
    )
    fund = _sum(fund_qs, "due", "paid")
    deferred = _sum(fund_qs.filter(deferred_to__gte=end), "due", "paid")
    return {
        "dues_due": dues["due"],
        "dues_paid": dues["paid"],
        "dues_arrears": dues["due"] - dues["paid"],
        "fund_due": fund["due"],
        "fund_paid": fund["paid"],
        "fund_arrears": (fund["due"] - fund["paid"]) - (deferred["due"] - deferred["paid"]),
        "dues_share": share_text(dues["paid"], dues["due"]),
        "fund_share": share_text(fund["paid"], fund["due"]),
    }


def spending_shares(*, unit: Unit, start: dt.date, end: dt.date) -> list[tuple[str, str, int]]:
    """(line, label, amount) of the subtree's spending (consolidated) over the period."""
    sums = ledger_sums(unit=unit, start=start, end=end, subtree=True)
    return [(code, Line(code).label, sums.get(code, 0)) for code in SPENDING_LINES]


def collection_by_child(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date) -> list[tuple[Unit, dict]]:
    """The collection of each unit directly below ``unit`` (in scope), for the index page's table."""
    children = org_selectors.unit_children(scope=scope, unit=unit)
    return [(child, collection(unit=child, start=start, end=end)) for child in children]


def share_text(part: int, whole: int) -> str:
    """47,99 % (half up), or — when there is nothing to divide by."""
    value = share(part, whole)
    return "—" if value is None else f"{value} %".replace(".", ",")
