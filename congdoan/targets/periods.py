"""Reporting periods: quarters, halves and years, written as keys like ``2026-Q1``, ``2026-H2``, ``2026``."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .constants import PeriodType


@dataclass(frozen=True)
class Period:
    type: str
    year: int
    number: int = 1

    @property
    def start(self) -> dt.date:
        months = {"Q": 3, "H": 6, "Y": 12}[self.type]
        return dt.date(self.year, (self.number - 1) * months + 1, 1)

    @property
    def end(self) -> dt.date:
        months = {"Q": 3, "H": 6, "Y": 12}[self.type]
        month = self.number * months
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def key(self) -> str:
        return str(self.year) if self.type == PeriodType.YEAR else f"{self.year}-{self.type}{self.number}"

    @property
    def label(self) -> str:
        if self.type == PeriodType.QUARTER:
            return _("Quý %(n)s năm %(y)s") % {"n": ["I", "II", "III", "IV"][self.number - 1], "y": self.year}
        if self.type == PeriodType.HALF:
            return (_("6 tháng đầu năm %(y)s") if self.number == 1 else _("6 tháng cuối năm %(y)s")) % {
                "y": self.year
            }
        return _("Năm %(y)s") % {"y": self.year}

    def same_last_year(self) -> Period:
        return Period(self.type, self.year - 1, self.number)

    def deadline(self, days: int) -> dt.date:
        return self.end + dt.timedelta(days=days)


def parse_period(key: str) -> Period:
    """``2026-Q1`` / ``2026-H2`` / ``2026``; anything else raises ValueError in Vietnamese."""
    text = (key or "").strip().upper()
    try:
        if "-" in text:
            year, rest = text.split("-", 1)
            kind, number = rest[0], int(rest[1:])
            limit = {"Q": 4, "H": 2}[kind]
            if not 1 <= number <= limit:
                raise ValueError
            return Period(kind, int(year), number)
        return Period(PeriodType.YEAR, int(text), 1)
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(
            _("Kỳ báo cáo “%(k)s” không hợp lệ (ví dụ: 2026-Q1, 2026-H1, 2026).") % {"k": key}
        ) from exc


def period_of(period_type: str, start: dt.date) -> Period:
    months = {"Q": 3, "H": 6, "Y": 12}[period_type]
    return Period(period_type, start.year, (start.month - 1) // months + 1)


def periods_in_year(period_type: str, year: int) -> list[Period]:
    count = {"Q": 4, "H": 2, "Y": 1}[period_type]
    return [Period(period_type, year, n) for n in range(1, count + 1)]
