"""Facts of the culture-standard recognition: grassroots unions registered in the period's year, those
recognised (a recognition in force on the period's last day), and the share recognised
(``culture.selectors.culture_figures``)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.culture import selectors as culture_selectors
from congdoan.org.models import Unit

from .fact import PERCENT, UNIONS, Fact, link

AREA = "culture"


def culture_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    year = end.year
    figures = culture_selectors.culture_figures(scope=scope, unit=unit, year=year, on=min(end, today()))
    url = link("culture:index", unit=unit.pk, year=year)
    whole = figures["grassroots"]
    return [
        Fact(
            "culture.registered",
            _("CĐCS đăng ký đạt chuẩn văn hoá năm %(y)s") % {"y": year},
            figures["registered"],
            UNIONS,
            url=url,
            area=AREA,
            out_of=whole,
        ),
        Fact(
            "culture.recognised",
            _("CĐCS có đơn vị đạt chuẩn văn hoá"),
            figures["recognised"],
            UNIONS,
            url=url,
            area=AREA,
            out_of=whole,
        ),
        Fact(
            "culture.share",
            _("Tỷ lệ CĐCS có đơn vị đạt chuẩn văn hoá"),
            figures["recognised_share"],
            PERCENT,
            url=url,
            area=AREA,
        ),
    ]
