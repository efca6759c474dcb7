"""The fact table of a unit over a period: every figure the dashboard shows and the documents print.

``facts_for`` reads each work area through its app's selectors and stats functions (never their
models) and adds the same figure for the same period of last year (``Fact.previous``). One module per
area: ``members`` (members and unions), ``targets`` (reports and targets), ``welfare``, ``emulation``.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import today
from congdoan.core.money import share
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .congress import AREA as AREA_CONGRESS
from .congress import congress_facts
from .culture import AREA as AREA_CULTURE
from .culture import culture_facts
from .emulation import AREA as AREA_EMULATION
from .emulation import emulation_facts
from .fact import PERCENT, Fact, display
from .finance import AREA as AREA_FINANCE
from .finance import finance_facts
from .history import history_facts
from .members import AREA_MEMBERS, AREA_UNIONS, member_facts, union_facts
from .party import AREA as AREA_PARTY
from .party import party_facts
from .targets import AREA as AREA_TARGETS
from .targets import target_facts
from .welfare import AREA as AREA_WELFARE
from .welfare import welfare_facts

AREAS = [
    (AREA_MEMBERS, _l("Đoàn viên")),
    (AREA_UNIONS, _l("Công đoàn cơ sở")),
    (AREA_TARGETS, _l("Báo cáo, chỉ tiêu")),
    (AREA_WELFARE, _l("Chăm lo")),
    (AREA_EMULATION, _l("Thi đua, khen thưởng")),
    (AREA_FINANCE, _l("Tài chính công đoàn")),
    (AREA_PARTY, _l("Giới thiệu đoàn viên cho Đảng")),
    (AREA_CONGRESS, _l("Đại hội, nhiệm kỳ")),
    (AREA_CULTURE, _l("Đạt chuẩn văn hoá")),
]


def year_before(day: dt.date) -> dt.date:
    """The same day one year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _admitted_of_target(facts: list[Fact]) -> list[Fact]:
    """Admissions in the period as a share of the year's recruitment target ("đạt 104,5 % chỉ tiêu"), when the
    unit was given one."""
    by_key = {f.key: f for f in facts}
    admitted, target = by_key.get("members.admitted"), by_key.get("targets.recruitment")
    if admitted is None or target is None or not target.value:
        return []
    return [
        Fact(
            "members.admitted_of_target",
            str(_l("Kết nạp so với chỉ tiêu năm")),
            share(int(admitted.value or 0), int(target.value)),
            PERCENT,
            admitted.approved and target.approved,
            target.url,
            area=AREA_MEMBERS,
        )
    ]


def _compute(scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    facts = _areas(scope, unit, start, end, as_of)
    return facts + _admitted_of_target(facts)


def _areas(scope: Scope, unit: Unit, start: dt.date, end: dt.date, as_of: dt.date) -> list[Fact]:
    return [
        *member_facts(unit=unit, start=start, end=end),
        *union_facts(scope=scope, unit=unit, start=start, end=end),
        *target_facts(scope=scope, unit=unit, start=start, end=end, as_of=as_of),
        *welfare_facts(scope=scope, unit=unit, start=start, end=end),
        *emulation_facts(scope=scope, unit=unit, start=start, end=end),
        *finance_facts(scope=scope, unit=unit, start=start, end=end),
        *party_facts(scope=scope, unit=unit, start=start, end=end),
        *congress_facts(scope=scope, unit=unit, start=start, end=end),
        *history_facts(scope=scope, unit=unit, start=start, end=end),
        *culture_facts(scope=scope, unit=unit, start=start, end=end),
    ]


def facts_for(
    *,
    scope: Scope,
    unit: Unit,
    start: dt.date,
    end: dt.date,
    as_of: dt.date | None = None,
    previous: bool = True,
) -> list[Fact]:
    """The facts of ``unit``'s subtree over ``start..end`` (404 outside the scope), each with the same
    figure for the same period of last year (unless ``previous`` is False). ``as_of`` (default today) is
    the day reports are judged late on."""
    org_selectors.unit_get(scope=scope, pk=unit.pk)
    day = as_of or today()
    current = _compute(scope, unit, start, end, day)
    if not previous:
        return current
    last_start, last_end = year_before(start), year_before(end)
    last = {f.key: f.value for f in _compute(scope, unit, last_start, last_end, year_before(day))}
    return [fact.with_previous(last.get(fact.key)) for fact in current]


def facts_by_area(facts: list[Fact]) -> list[tuple[str, str, list[Fact]]]:
    """(area, title, facts) in the dashboard's order, areas without facts left out."""
    return [
        (area, str(title), [f for f in facts if f.area == area])
        for area, title in AREAS
        if any(f.area == area for f in facts)
    ]


__all__ = ["AREAS", "Fact", "display", "facts_by_area", "facts_for", "share", "year_before"]
