"""Facts of the member registry and the unions: members at the end of the period, women, informal workers,
admitted, left, net gain; grassroots unions, founded in the period, under five members
(``members.stats``, read from the kept tallies; ``org.selectors`` for the count of unions)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.core.money import share
from congdoan.members import stats
from congdoan.members.constants import AGE_BANDS, Gender
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import Sector
from congdoan.org.models import Unit

from .fact import PEOPLE, PERCENT, UNIONS, Fact, link

AREA_MEMBERS = "members"
AREA_UNIONS = "unions"


def member_facts(*, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    """The registry's figures of ``unit``'s subtree (the caller has checked the scope)."""
    snap = stats.snapshot_on(unit=unit, on=end)
    before = stats.total_on(unit=unit, on=start - stats.ONE_DAY)
    admitted, _by_branch = stats.admitted_between(unit=unit, start=start, end=end)
    left, _by_branch = stats.left_between(unit=unit, start=start, end=end)
    statistics = link("members:statistics", unit=unit.pk, on=end, start=start, end=end)
    search = {"unit": unit.pk}
    facts = [
        (
            "members.total",
            _("Đoàn viên cuối kỳ"),
            snap.total,
            PEOPLE,
            link("members:index", **search),
        ),
        (
            "members.women",
            _("Đoàn viên nữ"),
            snap.women,
            PEOPLE,
            link("members:index", gender=Gender.FEMALE, **search),
        ),
        ("members.women_share", _("Tỷ lệ đoàn viên nữ"), share(snap.women, snap.total), PERCENT, statistics),
        (
            "members.informal",
            _("Đoàn viên khu vực phi kết cấu"),
            snap.informal,
            PEOPLE,
            link("members:index", informal="1", **search),
        ),
        ("members.admitted", _("Kết nạp trong kỳ"), admitted, PEOPLE, statistics),
        ("members.left", _("Giảm trong kỳ"), left, PEOPLE, statistics),
        ("members.net_gain", _("Tăng (giảm) thực trong kỳ"), snap.total - before, PEOPLE, statistics),
    ]
    # Composition at the end of the period: by sector of the union and by age band (the statistics forms').
    sectors = {code: label for code, label in Sector.choices}
    facts += [
        (
            f"members.sector.{code or 'none'}",
            str(sectors.get(code, _("Chưa phân loại"))),
            n,
            PEOPLE,
            statistics,
        )
        for code, n in sorted(snap.by_sector.items(), key=lambda item: item[0] or "")
    ]
    facts += [
        (f"members.age.{code}", str(label), snap.by_age.get(code, 0), PEOPLE, statistics)
        for code, label, _low, _high in AGE_BANDS
    ]
    return [
        Fact(key, label, value, measure, url=url, area=AREA_MEMBERS)
        for key, label, value, measure, url in facts
    ]


def union_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    """Grassroots unions of the subtree at the end of the period, founded in it, under five members."""
    counts = org_selectors.unit_counts(scope=scope, unit=unit, on=end)
    founded = stats.grassroots_founded_between(unit=unit, start=start, end=end)
    small, _per_branch = stats.small_grassroots_on(unit=unit, on=end)
    tree = link("org:unit", unit.pk)
    statistics = link("members:statistics", unit=unit.pk, on=end, start=start, end=end)
    facts = [
        ("unions.grassroots", _("Công đoàn cơ sở"), counts["grassroots"], tree),
        ("unions.founded", _("Thành lập mới trong kỳ"), founded["total"], statistics),
        ("unions.founded_state", _("Thành lập mới, khu vực nhà nước"), founded["state"], statistics),
        ("unions.founded_non_state", _("Thành lập mới, ngoài nhà nước"), founded["non_state"], statistics),
        ("unions.small", _("Công đoàn cơ sở dưới 5 đoàn viên"), len(small), statistics),
    ]
    return [Fact(key, label, value, UNIONS, url=url, area=AREA_UNIONS) for key, label, value, url in facts]
