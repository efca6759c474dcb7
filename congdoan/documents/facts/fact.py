"""One figure of the fact table: what it counts, its value, whether it is final, and the list behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse

from congdoan.core.money import format_number

# Units of measure (Vietnamese, as printed after a figure).
PEOPLE = "người"
MONEY = "đồng"
PERCENT = "%"
TARGETS = "chỉ tiêu"
UNIONS = "công đoàn cơ sở"
REPORTS = "báo cáo"
AWARDS = "lượt khen thưởng"
HOUSES = "nhà"


@dataclass(frozen=True)
class Fact:
    """A figure of a unit's subtree over a period.

    ``approved`` is False when the figure includes data not yet approved (provisional, "tạm tính");
    ``url`` is the list or page the figure was counted from; ``previous`` the same figure for the same
    period of last year (None when not computed or not applicable); ``out_of`` the M of an "N/M" figure;
    ``summary`` True for a past year's figure entered as a summary, with no detail behind it ("số liệu tổng
    hợp", ``documents.facts.history``; its label says so too).
    """

    key: str
    label: str
    value: int | Decimal | None
    unit: str
    approved: bool = True
    url: str = ""
    previous: int | Decimal | None = None
    area: str = ""
    out_of: int | None = None
    summary: bool = False

    def with_previous(self, previous: int | Decimal | None) -> Fact:
        return replace(self, previous=previous)

    @property
    def display(self) -> str:
        """The value the Vietnamese way: 1.234.567, 47,99 %, 12/18."""
        return display(self.value, self.unit, self.out_of)

    @property
    def previous_display(self) -> str:
        return display(self.previous, self.unit)


def display(value, unit: str = "", out_of: int | None = None) -> str:
    if value is None:
        return "—"
    if unit == PERCENT:
        text = str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", ",")
        return f"{text} %"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        whole, _dot, frac = str(value).partition(".")
        return f"{format_number(int(whole))},{frac}"
    text = format_number(int(value))
    return f"{text}/{format_number(out_of)}" if out_of is not None else text


def link(name: str, *args, **params) -> str:
    """The URL of a named page with its query string (dates as ISO)."""
    query = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in params.items() if v is not None}
    url = reverse(name, args=args or None)
    return f"{url}?{urlencode(query)}" if query else url
