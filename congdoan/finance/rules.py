"""Reading the dated rule tables, and the arithmetic on them.

Rounding (stated once, tested): every amount is rounded **half up to the đồng** (``round_vnd``), after the
rate is applied and before the cap; a split gives the grassroots union its rounded share and the level above
the rest, so the two always add up to the collected total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date

from .constants import DuesGroup, SplitKind
from .models import BaseSalary, DuesRate, FundRate, SpendingNorm, Split, UnitDuesProfile

HUNDRED = Decimal(100)


def round_vnd(value: Decimal | int) -> int:
    """Half up to the whole đồng (0,5 đ → 1 đ)."""
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(amount: int, percent: Decimal) -> int:
    return round_vnd(Decimal(amount) * Decimal(percent) / HUNDRED)


def _on(qs, day: dt.date, what: str):
    row = qs.latest_in_force(day)
    if row is None:
        raise ValidationError(
            _("Chưa có %(what)s áp dụng ngày %(day)s trong bảng quy định.")
            % {"what": what, "day": format_date(day)}
        )
    return row


def base_salary_on(day: dt.date) -> int:
    return _on(BaseSalary.objects.all(), day, _("lương cơ sở")).amount


def fund_rate_on(day: dt.date) -> Decimal:
    return _on(FundRate.objects.all(), day, _("mức đóng kinh phí công đoàn")).rate


def grassroots_percent_on(kind: str, day: dt.date) -> Decimal:
    return _on(Split.objects.filter(kind=kind), day, _("tỷ lệ phân phối")).grassroots_percent


def split(kind: str, collected: int, day: dt.date) -> tuple[int, int]:
    """(kept by the grassroots union, owed to the level above) of ``collected``; they add up exactly."""
    kept = percent_of(collected, grassroots_percent_on(kind, day))
    return kept, collected - kept


@dataclass(frozen=True)
class DuesRule:
    """The dues rule of one unit for one day: rate (%), the pay base, the cap in đồng (None: no cap)."""

    group: str
    rate: Decimal
    pay_base: str
    cap: int | None
    collecting: bool = True

    def amount(self, pay: int) -> int:
        if not self.collecting or pay <= 0:
            return 0
        due = percent_of(pay, self.rate)
        return min(due, self.cap) if self.cap is not None else due


def collecting_on(profile: UnitDuesProfile | None, day: dt.date) -> bool:
    """False from the day the unit is paid wholly by the state budget (no dues, no fund)."""
    return not (profile and profile.state_budget_from and profile.state_budget_from <= day)


def dues_rule(
    *, day: dt.date, group: str = DuesGroup.OTHER, profile: UnitDuesProfile | None = None
) -> DuesRule:
    """The rule in force on ``day`` for ``profile``'s group (``group`` when the unit has no profile), with the
    unit's own higher rate when its executive committee decided one (from its date)."""
    group = profile.group if profile else group
    row = _on(DuesRate.objects.filter(group=group), day, _("mức đóng đoàn phí"))
    cap = None
    if row.cap_percent_of_base is not None:
        cap = percent_of(base_salary_on(day), row.cap_percent_of_base)
    rate = row.rate
    own = profile and profile.own_rate and (profile.own_rate_from is None or profile.own_rate_from <= day)
    if own and profile.own_rate > rate:
        rate = profile.own_rate
        if profile.own_rate_uncapped:
            cap = None
    return DuesRule(
        group=group, rate=rate, pay_base=row.pay_base, cap=cap, collecting=collecting_on(profile, day)
    )


def dues_amount(*, pay: int, day: dt.date, group: str = DuesGroup.OTHER, profile=None) -> int:
    return dues_rule(day=day, group=group, profile=profile).amount(pay)


def fund_due(*, salary_fund: int, day: dt.date) -> int:
    """The 2 % (as in force on ``day``) of the insured salary fund, before any relief."""
    return percent_of(salary_fund, fund_rate_on(day))


def norms_on(day: dt.date) -> list[SpendingNorm]:
    return list(SpendingNorm.objects.in_force(day).order_by("id"))


__all__ = [
    "DuesRule",
    "SplitKind",
    "base_salary_on",
    "collecting_on",
    "dues_amount",
    "dues_rule",
    "fund_due",
    "fund_rate_on",
    "grassroots_percent_on",
    "norms_on",
    "percent_of",
    "round_vnd",
    "split",
]
