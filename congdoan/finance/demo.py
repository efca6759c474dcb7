"""Demo data for finance: a year of dues and of the employers' fund for the demo province's grassroots unions.

Rolls are opened, filled and posted through the services (so the ledger, the transfers and the audit log are
what a treasurer's year would leave); at province and national scale only a small subset of unions (the
coso account's first) gets a year, so the national load stays fast.
"""

from __future__ import annotations

import random

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import Sector

from . import services
from .constants import DuesGroup, StatementKind
from .models import DuesLine, DuesMonth, Transfer
from .months import add_months, month_start

SYSTEM = Scope.unrestricted()
PROVINCE = "LCI"
FIRST = "LCI.BT.001"  # the coso account's union
MAX_UNIONS = {"small": 12}
DEFAULT_MAX_UNIONS = 3
MONTHS = 12


def _unions(scale: str):
    province = org_selectors.units_by_codes([PROVINCE]).get(PROVINCE)
    if province is None:
        return []
    unions = list(
        org_selectors.active_grassroots().filter(path__startswith=province.path).order_by("path")[:2000]
    )
    unions.sort(key=lambda u: (u.code != FIRST, u.path))
    return unions[: MAX_UNIONS.get(scale, DEFAULT_MAX_UNIONS)]


def _group(unit) -> str:
    return DuesGroup.STATE_ENTERPRISE if unit.sector == Sector.STATE else DuesGroup.OTHER


def _fill(roll, rng: random.Random, pays: dict[int, int]) -> None:
    rule = services.dues.roll_rule(roll)
    lines = list(DuesLine.objects.filter(roll=roll))
    for line in lines:
        pay = pays.setdefault(line.member_id, rng.randrange(5_000_000, 30_000_000, 50_000))
        line.pay, line.due = pay, rule.amount(pay)
        line.paid = line.due if rng.random() > 0.04 else 0
    DuesLine.objects.bulk_update(lines, ["pay", "due", "paid"], batch_size=2000)


def _unit_year(unit, months, rng: random.Random) -> None:
    services.profile_save(scope=SYSTEM, unit=unit, group=_group(unit))
    employer = services.employer_save(
        scope=SYSTEM, unit=unit, name=unit.employer or unit.name.replace("CĐCS ", "")
    )
    pays: dict[int, int] = {}
    for month in months:
        roll = services.dues_month_open(scope=SYSTEM, unit=unit, month=month)
        _fill(roll, rng, pays)
        services.dues_month_post(scope=SYSTEM, roll=roll, version=None)
        salary_fund = sum(pays.values()) or 50_000_000
        due = services.due_after_relief(employer, month, salary_fund)[0]
        paid = due if rng.random() > 0.1 else due // 2
        services.employer_month_record(
            scope=SYSTEM, employer=employer, month=month, salary_fund=salary_fund, paid=paid
        )
        if month.month % 3:
            continue  # spending is booked quarterly: fewer rows, the same shares
        collected = 3 * services.roll_totals(roll)["paid"]
        for line, share in (("II.4", 0.42), ("II.1", 0.40), ("II.2", 0.08), ("II.3", 0.06)):
            amount = int(collected * share)
            if amount:
                services.entry_add(
                    scope=SYSTEM,
                    unit=unit,
                    on=month.replace(day=25),
                    line=line,
                    amount=amount,
                    memo="Chi theo quy chế chi tiêu nội bộ",
                )
    for transfer in Transfer.objects.filter(from_unit=unit, owed__gt=0).order_by("month")[
        : len(months) * 2 - 2
    ]:
        services.transfer_receive(
            scope=SYSTEM,
            transfer=transfer,
            amount=transfer.owed,
            on=add_months(transfer.month, 1).replace(day=10),
        )


def load(scale: str = "small") -> None:
    rng = random.Random(2026)
    last = add_months(month_start(today()), -1)
    months = [add_months(last, -i) for i in range(MONTHS - 1, -1, -1)]
    for unit in _unions(scale):
        _unit_year(unit, months, rng)
    first = org_selectors.units_by_codes([FIRST]).get(FIRST)
    if first is not None and DuesMonth.objects.filter(unit=first).exists():
        settlement = services.statement_open(
            scope=SYSTEM, unit=first, kind=StatementKind.SETTLEMENT, year=last.year
        )
        services.statement_submit(scope=SYSTEM, statement=settlement)
        services.statement_open(scope=SYSTEM, unit=first, kind=StatementKind.BUDGET, year=last.year + 1)
