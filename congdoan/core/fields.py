"""The one date field and the one number field every form uses (and the API types built on the same parsers).

Dates are typed and shown dd/mm/yyyy in a text input that the vendored flatpickr picker (static/js/dates.js,
Vietnamese locale) enhances — never ``<input type=date>``, whose format follows the machine's locale. Whole numbers
and amounts are typed with Vietnamese grouping ("1.000.000") in a text input with the numeric keypad — never
``<input type=number>``, which reads "1.000.000" as 1. Both parse on the server, so a browser without JavaScript,
the API and the Excel imports all take the same text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _l
from pydantic import BeforeValidator, PlainSerializer

from congdoan.core.dates import format_date, parse_date
from congdoan.core.money import MAX_AMOUNT, format_number, parse_amount, parse_decimal, parse_integer

# Dates before 1900 or after 2100 are typing slips in this domain (births, decisions, payments, reports).
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


class DateInput(forms.TextInput):
    """A text input for dd/mm/yyyy that static/js/dates.js turns into a picker."""

    def __init__(self, attrs=None):
        base = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "autocomplete": "off",
            "maxlength": 10,
            "data-datepicker": "",
        }
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        return format_date(value) if isinstance(value, dt.date) else super().format_value(value)


class DateField(forms.DateField):
    """dd/mm/yyyy (or ISO) in a text input; a clear Vietnamese message naming the field otherwise."""

    widget = DateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            parsed = parse_date(value, field=str(self.label or ""))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc
        if not MIN_DATE <= parsed <= MAX_DATE:
            raise forms.ValidationError(
                _l("Ngày %(value)s nằm ngoài khoảng cho phép (%(min)s – %(max)s).")
                % {"value": format_date(parsed), "min": format_date(MIN_DATE), "max": format_date(MAX_DATE)},
                code="out_of_range",
            )
        return parsed


class NumberInput(forms.TextInput):
    """A text input with the numeric keypad that shows 1.234.567 (never ``type=number``)."""

    def __init__(self, attrs=None):
        base = {"inputmode": "numeric", "autocomplete": "off", "data-grouped": ""}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value)
        return super().format_value(value)


class IntegerField(forms.IntegerField):
    """A whole number typed with Vietnamese grouping ("1.000", "1 000"); decimals are refused by name."""

    widget = NumberInput

    def __init__(self, *, grouped: bool = True, **kwargs):
        self.grouped = grouped
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # Django adds min/max/step for number inputs; in a text input they only confuse the browser's validation.
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return attrs

    def prepare_value(self, value):
        if not self.grouped and isinstance(value, int):
            return str(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_integer(value, field=str(self.label or ""))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class YearField(IntegerField):
    """A year (2000–2100 unless told otherwise), typed as four digits without grouping."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 2000)
        kwargs.setdefault("max_value", 2100)
        super().__init__(grouped=False, **kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": 4}


class AmountField(IntegerField):
    """Whole đồng, 0 ≤ amount ≤ 10^12 (or the ``max_value`` given), typed "1.000.000"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_AMOUNT)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_amount(value, field=str(self.label or ""), maximum=10**18)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class DecimalField(forms.DecimalField):
    """A number with decimals typed the Vietnamese way ("12,5", "1.234,75"), shown with a decimal comma."""

    widget = NumberInput

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return {**attrs, "inputmode": "decimal"}

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            whole = int(value)
            if value == whole:
                return format_number(whole)
            sign = "-" if value < 0 else ""
            int_part, frac = f"{abs(value):f}".split(".")
            return f"{sign}{format_number(int(int_part))},{frac.rstrip('0')}"
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_decimal(value, field=str(self.label or ""))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class FileInput(forms.FileInput):
    """A file input whose button reads "Chọn tệp" whatever the browser's language (static/js/inputs.js shows the
    chosen file's name); the real input stays focusable and receives the file."""

    template_name = "core/widgets/file_input.html"


class FileField(forms.FileField):
    widget = FileInput


def formfield_for(db_field: models.Field, **kwargs):
    """ModelForms' ``formfield_callback``: model dates and integers get the shared fields above."""
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return db_field.formfield(form_class=DateField, **kwargs)
    if isinstance(db_field, models.FileField):
        return db_field.formfield(form_class=FileField, **kwargs)
    if isinstance(db_field, models.DecimalField) and not db_field.choices:
        return db_field.formfield(form_class=DecimalField, **kwargs)
    if isinstance(db_field, models.IntegerField) and not db_field.choices and not db_field.primary_key:
        return db_field.formfield(form_class=IntegerField, **kwargs)
    return db_field.formfield(**kwargs)


# --- The API takes the same text through the same parsers (pydantic types for django-ninja schemas). ---


def _api_integer(value):
    return parse_integer(value)


def _api_amount(value):
    return parse_amount(value)


def _api_date(value):
    parsed = parse_date(value)
    if parsed is not None and not MIN_DATE <= parsed <= MAX_DATE:
        raise ValueError(
            _l("Ngày %(value)s nằm ngoài khoảng cho phép (%(min)s – %(max)s).")
            % {"value": format_date(parsed), "min": format_date(MIN_DATE), "max": format_date(MAX_DATE)}
        )
    return parsed


ApiInteger = Annotated[int, BeforeValidator(_api_integer)]
"""A whole number: 1000000, "1000000", "1.000.000" or "1 000 000"; "1.5" and "1,5" are refused."""
ApiAmount = Annotated[int, BeforeValidator(_api_amount)]
"""Whole đồng as ``ApiInteger``, bounded 0 ≤ amount ≤ 10^12."""
ApiDate = Annotated[
    dt.date, BeforeValidator(_api_date), PlainSerializer(lambda d: d.isoformat(), return_type=str)
]
"""A date as ISO (2026-12-31) or dd/mm/yyyy (31/12/2026), between 1900 and 2100."""
