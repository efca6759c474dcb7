"""Facts of past years entered as summaries (``history``): for each whole calendar year inside the period,
the summary figures of the unit's subtree, flagged ``summary`` and labelled "số liệu tổng hợp"."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.utils.translation import gettext as _

from congdoan.history import selectors as history_selectors
from congdoan.history.constants import SummaryItem, item_area, item_unit
from congdoan.org.models import Unit

from .fact import Fact, link

LABEL = "số liệu tổng hợp"


def history_facts(*, scope, unit: Unit, start: dt.date, end: dt.date) -> list[Fact]:
    years = [
        y for y in range(start.year, end.year + 1) if start <= dt.date(y, 1, 1) and dt.date(y, 12, 31) <= end
    ]
    totals: dict[str, int] = defaultdict(int)
    for year in years:
        for item, value in history_selectors.summary_totals(scope=scope, unit=unit, year=year).items():
            totals[item] += value
    if not totals:
        return []
    url = link("history:index", year=years[0] if len(years) == 1 else None)
    return [
        Fact(
            f"history.{item}",
            _("%(l)s (%(s)s)") % {"l": label, "s": LABEL},
            totals[item],
            item_unit(item),
            url=url,
            area=item_area(item),
            summary=True,
        )
        for item, label in SummaryItem.choices
        if item in totals
    ]
