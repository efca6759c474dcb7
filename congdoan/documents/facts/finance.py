"""Facts of union finance: dues collected against expected, the employers' fund, arrears, spending shares
(``finance.figures``; dues count once their month is posted)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from congdoan.finance import figures as finance_figures
from congdoan.org.models import Unit

from .fact import MONEY, PERCENT, Fact, link

AREA = "finance"


def _share(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * 100 / Decimal(whole) if whole else None


def finance_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    c = finance_figures.collection(unit=unit, start=start, end=end)
    url = link("finance:index", unit=unit.pk, year=end.year)
    facts = [
        Fact("finance.dues_due", _("Đoàn phí phải thu"), c["dues_due"], MONEY, url=url, area=AREA),
        Fact("finance.dues_paid", _("Đoàn phí đã thu"), c["dues_paid"], MONEY, url=url, area=AREA),
        Fact(
            "finance.dues_share",
            _("Tỷ lệ thu đoàn phí"),
            _share(c["dues_paid"], c["dues_due"]),
            PERCENT,
            url=url,
            area=AREA,
        ),
        Fact("finance.fund_paid", _("Kinh phí công đoàn đã thu"), c["fund_paid"], MONEY, url=url, area=AREA),
        Fact(
            "finance.arrears",
            _("Nợ đoàn phí, kinh phí công đoàn"),
            c["dues_arrears"] + c["fund_arrears"],
            MONEY,
            url=url,
            area=AREA,
        ),
    ]
    spending = finance_figures.spending_shares(unit=unit, start=start, end=end)
    total = sum(amount for _code, _label, amount in spending)
    facts += [
        Fact(
            f"finance.spent.{code}",
            _("Tỷ trọng %(l)s") % {"l": label.lower()},
            _share(amount, total),
            PERCENT,
            url=url,
            area=AREA,
        )
        for code, label, amount in spending
    ]
    return facts
