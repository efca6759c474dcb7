"""Facts of welfare: money spent by programme kind and by fund source, people supported, and the Mái ấm
Công đoàn houses approved in the period (built, repaired, their value) — approved payments net of
reversals: ``welfare.selectors.welfare_figures``."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.org.models import Unit
from congdoan.welfare import selectors as welfare_selectors

from .fact import HOUSES, MONEY, PEOPLE, Fact, link

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
        Fact(f"welfare.kind.{kind}", _("Chi cho %(k)s") % {"k": label}, amount, MONEY, url=url, area=AREA)
        for kind, label, amount in figures["by_kind"]
    ]
    facts += [
        Fact(f"welfare.fund.{kind}", _("Chi từ %(f)s") % {"f": label}, amount, MONEY, url=url, area=AREA)
        for kind, label, amount in figures["by_fund"]
    ]
    houses = [
        ("welfare.houses", _("Nhà Mái ấm Công đoàn"), figures["houses"], HOUSES),
        ("welfare.houses_new", _("Nhà Mái ấm Công đoàn xây mới"), figures["houses_new"], HOUSES),
        ("welfare.houses_repair", _("Nhà Mái ấm Công đoàn sửa chữa"), figures["houses_repair"], HOUSES),
        ("welfare.house_amount", _("Kinh phí hỗ trợ nhà Mái ấm Công đoàn"), figures["house_amount"], MONEY),
    ]
    facts += [Fact(key, label, value, measure, url=url, area=AREA) for key, label, value, measure in houses]
    return facts
