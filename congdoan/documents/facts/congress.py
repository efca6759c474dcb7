"""Facts of congresses: how many grassroots unions held their congress in the round governing the unit (its own
plan or the closest level above's), by the end of the period — "N/M công đoàn cơ sở đã tổ chức đại hội"."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.congress import selectors as congress_selectors
from congdoan.core.money import share
from congdoan.core.scoping import Action
from congdoan.org.models import Unit

from .fact import PERCENT, UNIONS, Fact, link

AREA = "congress"


def congress_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    plan = congress_selectors.round_for(unit=unit, year=end.year)
    if plan is None:
        return []
    held, total = congress_selectors.round_grassroots(scope=scope, plan=plan, within=unit, upto=end)
    if not total:
        return []
    url = link("congress:plan", plan.pk) if scope.can(plan.owner, Action.VIEW) else ""
    term = f"{plan.term_start}–{plan.term_end}"
    return [
        Fact(
            "congress.grassroots_held",
            _("Công đoàn cơ sở đã tổ chức đại hội nhiệm kỳ %(t)s") % {"t": term},
            held,
            UNIONS,
            url=url,
            area=AREA,
            out_of=total,
        ),
        Fact(
            "congress.grassroots_held_share",
            _("Tỷ lệ công đoàn cơ sở đã tổ chức đại hội nhiệm kỳ %(t)s") % {"t": term},
            share(held, total),
            PERCENT,
            url=url,
            area=AREA,
        ),
    ]
