"""The dashboard's period filter: a year, a half-year, a quarter, a month, or dates typed dd/mm/yyyy; and the
day the figures are read as of (reports judged late on it; a period still running is cut at it); and the tree
the breakdowns by child unit follow (as it stood at the period's end, or as it is today)."""

from __future__ import annotations

import calendar
import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import today
from congdoan.core.fields import DateField, YearField
from congdoan.core.forms import StyledForm
from congdoan.targets.selectors import NOW, THEN

PERIODS = [
    ("year", _l("Cả năm")),
    ("Q1", _l("Quý I")),
    ("Q2", _l("Quý II")),
    ("Q3", _l("Quý III")),
    ("Q4", _l("Quý IV")),
    ("H1", _l("6 tháng đầu năm")),
    ("H2", _l("6 tháng cuối năm")),
    *[(f"M{m}", _l("Tháng %(m)s") % {"m": m}) for m in range(1, 13)],
    ("range", _l("Từ ngày … đến ngày …")),
]

# The tree the breakdowns by child unit are read in (``targets.selectors.THEN`` / ``NOW``): as it stood at
# the period's end (the default) or as it is today (a past period re-cut by today's units).
STRUCTURES = [
    (THEN, _l("như tại thời điểm báo cáo")),
    (NOW, _l("như hiện nay")),
]


class PeriodForm(StyledForm):
    period = forms.ChoiceField(label=_l("Kỳ"), choices=PERIODS, required=False)
    year = YearField(label=_l("Năm"), required=False)
    start = DateField(label=_l("Từ ngày"), required=False)
    end = DateField(label=_l("Đến ngày"), required=False)
    as_of = DateField(label=_l("Số liệu tính đến ngày"), required=False)
    structure = forms.ChoiceField(label=_l("Cây tổ chức"), choices=STRUCTURES, required=False)

    def clean(self):
        data = super().clean()
        if data.get("period") == "range" and not (data.get("start") and data.get("end")):
            raise forms.ValidationError(_l("Hãy nhập cả ngày bắt đầu và ngày kết thúc (dd/mm/yyyy)."))
        return data

    def dates(self) -> tuple[dt.date, dt.date]:
        """The period chosen (the current year when the form is empty or invalid)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        year = data.get("year") or today().year
        period = data.get("period") or "year"
        if period == "range":
            start, end = data["start"], data["end"]
            return (start, end) if start <= end else (end, start)
        if period == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if period[0] == "M":
            month = int(period[1:])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        months = 3 if period[0] == "Q" else 6
        first = (int(period[1]) - 1) * months + 1
        last = first + months - 1
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])

    def tree(self) -> str:
        """The tree of the breakdowns by child unit: ``NOW`` when chosen, else ``THEN``."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return NOW if data.get("structure") == NOW else THEN

    def tree_label(self) -> str:
        return str(dict(STRUCTURES)[self.tree()])

    def window(self) -> tuple[dt.date, dt.date, dt.date]:
        """(start, end, as of): today unless an as-of day is chosen; a chosen one inside the period cuts it
        there (the figures up to that day)."""
        start, end = self.dates()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        chosen = data.get("as_of")
        if chosen is None:
            return start, end, today()
        return start, (chosen if start <= chosen < end else end), chosen
