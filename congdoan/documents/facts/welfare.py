"""Facts of welfare: money spent by fund source and people supported in the period (approved payments,
net of reversals: ``welfare.selectors.welfare_figures``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.org.models import Unit
from congdoan.welfare import selectors as welfare_selectors

from .fact import MONEY, PEOPLE, Fact, link

AREA = "welfare"


def welfare_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    figures = welfare_selectors.welfare_figures(scope=scope, unit=unit, start=start, end=end)
    url = link("welfare:figures", unit=unit.pk, start=start, end=end)
    facts = [
        Fact("welfare.spent", _("Chi chăm lo, hỗ trợ"), figures["amount_total"], MONEY, url=url, area=AREA),
        Fact(
            "welfare.people",
            _("Lượt người được hỗ trợ"),
            figures["members_supported"],
            PEOPLE,
            url=url,
            area=AREA,
        ),
    ]
    facts += [
        Fact(f"welfare.fund.{kind}", _("Chi từ %(f)s") % {"f": label}, amount, MONEY, url=url, area=AREA)
        for kind, label, amount in figures["by_fund"]
    ]
    return facts
