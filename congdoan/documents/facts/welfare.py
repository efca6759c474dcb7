"""Facts of welfare: money spent by programme kind and by fund source, people supported, and the Mái ấm
Công đoàn houses approved in the period (built, repaired, their value) — approved payments net of reversals:
``welfare.selectors.welfare_figures``; people and money by paying level (``welfare.levels``), and — under
their own keys, never added to member welfare — social work for people who are not members
(``welfare.social.selectors.social_figures``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.org.models import Unit
from congdoan.welfare import selectors as welfare_selectors
from congdoan.welfare.levels import welfare_by_level
from congdoan.welfare.social.selectors import social_figures

from .fact import HOUSES, MONEY, PEOPLE, Fact, link

AREA = "welfare"
GIFTS = "lượt trao tặng"
DONORS = "nhà tài trợ"


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
    for row in welfare_by_level(scope=scope, unit=unit, start=start, end=end):
        level, name = row["level"], row["label"]
        facts += [
            Fact(
                f"welfare.level.{level}.people",
                _("Người được hỗ trợ do %(l)s chi") % {"l": name},
                row["people"],
                PEOPLE,
                url=url,
                area=AREA,
            ),
            Fact(
                f"welfare.level.{level}.amount",
                _("Chi chăm lo của %(l)s") % {"l": name},
                row["amount"],
                MONEY,
                url=url,
                area=AREA,
            ),
        ]
    social = social_figures(scope=scope, unit=unit, start=start, end=end)
    social_url = link("welfare:social", unit=unit.pk, start=start, end=end)
    facts += [
        Fact(
            "welfare.social.value",
            _("Công tác xã hội: tổng giá trị quà tặng (ngoài đoàn viên)"),
            social["value"],
            MONEY,
            url=social_url,
            area=AREA,
        ),
        Fact(
            "welfare.social.donated",
            _("Công tác xã hội: vận động nhà tài trợ"),
            social["donated"],
            MONEY,
            url=social_url,
            area=AREA,
        ),
        Fact(
            "welfare.social.gifts",
            _("Công tác xã hội: lượt trao tặng"),
            social["gifts"],
            GIFTS,
            url=social_url,
            area=AREA,
        ),
        Fact(
            "welfare.social.donors",
            _("Công tác xã hội: số nhà tài trợ"),
            social["donors_count"],
            DONORS,
            url=social_url,
            area=AREA,
        ),
    ]

    houses = [
        ("welfare.houses", _("Nhà Mái ấm Công đoàn"), figures["houses"], HOUSES),
        ("welfare.houses_new", _("Nhà Mái ấm Công đoàn xây mới"), figures["houses_new"], HOUSES),
        ("welfare.houses_repair", _("Nhà Mái ấm Công đoàn sửa chữa"), figures["houses_repair"], HOUSES),
        ("welfare.house_amount", _("Kinh phí hỗ trợ nhà Mái ấm Công đoàn"), figures["house_amount"], MONEY),
    ]
    facts += [Fact(key, label, value, measure, url=url, area=AREA) for key, label, value, measure in houses]
    return facts
