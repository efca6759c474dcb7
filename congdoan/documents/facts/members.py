"""Facts of the member registry and the unions: members at the end of the period, women, informal workers,
admitted, left, net gain; grassroots unions, founded in the period, under five members
(``members.stats``, read from the kept tallies; ``org.selectors`` for the count of unions)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.utils.translation import gettext as _

from congdoan.core.money import share
from congdoan.members import stats
from congdoan.members.constants import AGE_BANDS, Gender
from congdoan.members.derived import tally
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import Sector
from congdoan.org.models import Unit

from .fact import PEOPLE, PERCENT, UNIONS, Fact, link

AREA_MEMBERS = "members"
AREA_UNIONS = "unions"


def _subtree(unit: Unit, *, upto: dt.date, since: dt.date | None = None, columns=None) -> Counter:
    """The member tally of ``unit``'s subtree (``members.stats``' figures, read straight from the tally):
    the levels on ``upto``, or the events of ``since..upto``; the unit's own stints counted live."""
    figures = Counter(tally.sums([unit.pk], upto=upto, since=since)[unit.pk])
    figures.update(tally.own_sums([unit.pk], upto=upto, since=since, columns=columns)[unit.pk])
    return figures


def member_facts(*, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    """The registry's figures of ``unit``'s subtree (the caller has checked the scope): three reads of the
    tally (the levels at the period's end, the total the day before it, the events in it), not the
    statistics page's snapshot and per-child breakdowns (about twenty queries)."""
    level = _subtree(unit, upto=end)
    before = _subtree(unit, upto=start - stats.ONE_DAY, columns=("total",))["total"]
    events = _subtree(unit, upto=end, since=start, columns=("admitted", "leavers"))
    total, women, informal = level["total"], level["women"], level["informal"]
    admitted, left = events["admitted"], events["leavers"]
    by_sector = {sector: level[column] for sector, column in tally.SECTOR_COLUMNS.items() if level[column]}
    by_age = {
        code: level[column] for (code, *_rest), column in zip(AGE_BANDS, tally.AGE_COLUMNS, strict=True)
    }
    statistics = link("members:statistics", unit=unit.pk, on=end, start=start, end=end)
    search = {"unit": unit.pk}
    facts = [
        (
            "members.total",
            _("Đoàn viên cuối kỳ"),
            total,
            PEOPLE,
            link("members:index", **search),
        ),
        (
            "members.women",
            _("Đoàn viên nữ"),
            women,
            PEOPLE,
            link("members:index", gender=Gender.FEMALE, **search),
        ),
        ("members.women_share", _("Tỷ lệ đoàn viên nữ"), share(women, total), PERCENT, statistics),
        (
            "members.informal",
            _("Đoàn viên khu vực phi kết cấu"),
            informal,
            PEOPLE,
            link("members:index", informal="1", **search),
        ),
        ("members.admitted", _("Kết nạp trong kỳ"), admitted, PEOPLE, statistics),
        ("members.left", _("Giảm trong kỳ"), left, PEOPLE, statistics),
        ("members.net_gain", _("Tăng (giảm) thực trong kỳ"), total - before, PEOPLE, statistics),
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
        for code, n in sorted(by_sector.items(), key=lambda item: item[0] or "")
    ]
    facts += [
        (f"members.age.{code}", str(label), by_age.get(code, 0), PEOPLE, statistics)
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
