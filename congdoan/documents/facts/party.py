"""Facts of Party introductions: members introduced to the Party and admitted in the period
(``party.selectors.party_figures``). Political data: only for users holding an officer role (none otherwise)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.org.models import Unit
from congdoan.party import selectors as party_selectors

from .fact import PEOPLE, Fact, link

AREA = "party"


def party_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    if not party_selectors.may_see(scope):
        return []
    figures = party_selectors.party_figures(scope=scope, unit=unit, start=start, end=end)
    url = link("party:figures", unit=unit.pk, start=start, end=end)
    return [
        Fact(
            "party.introduced",
            _("Đoàn viên ưu tú được giới thiệu cho Đảng"),
            figures.introduced,
            PEOPLE,
            url=url,
            area=AREA,
        ),
        Fact(
            "party.admitted",
            _("Đoàn viên được kết nạp vào Đảng"),
            figures.admitted,
            PEOPLE,
            url=url,
            area=AREA,
        ),
    ]
