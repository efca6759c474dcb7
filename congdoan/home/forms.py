"""The dashboard's period filter: a year, a quarter, a half-year, or dates typed dd/mm/yyyy."""

from __future__ import annotations

import calendar
import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import format_date, parse_date, today
from congdoan.core.forms import StyledForm

PERIODS = [
    ("year", _l("Cả năm")),
    ("Q1", _l("Quý I")),
    ("Q2", _l("Quý II")),
    ("Q3", _l("Quý III")),
    ("Q4", _l("Quý IV")),
    ("H1", _l("6 tháng đầu năm")),
    ("H2", _l("6 tháng cuối năm")),
    ("range", _l("Từ ngày … đến ngày …")),
]
TEXT_DATE = forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "maxlength": 10})


class TypedDateField(forms.CharField):
    """A date typed as dd/mm/yyyy in a text input (never the browser's date picker)."""

    widget = TEXT_DATE

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_date(text, field=str(self.label))
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def prepare_value(self, value):
        return format_date(value) if isinstance(value, dt.date) else value


class PeriodForm(StyledForm):
    period = forms.ChoiceField(label=_l("Kỳ"), choices=PERIODS, required=False)
    year = forms.IntegerField(
        label=_l("Năm"),
        min_value=2000,
        max_value=2100,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),  # never type=number
    )
    start = TypedDateField(label=_l("Từ ngày"), required=False)
    end = TypedDateField(label=_l("Đến ngày"), required=False)

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
        months = 3 if period[0] == "Q" else 6
        first = (int(period[1]) - 1) * months + 1
        last = first + months - 1
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
