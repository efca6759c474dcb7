"""Dates, numbers and money as Vietnamese officers write and read them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from congdoan.core.dates import format_date, parse_date
from congdoan.core.money import format_number, format_vnd
from congdoan.core.views import date_param, form_add_service_error
from congdoan.members.models import AdmissionBatch
from congdoan.org.models import Unit, UnitLink


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/07/2025", dt.date(2025, 7, 1)),
        ("2025-07-01", dt.date(2025, 7, 1)),
        ("1-7-2025", dt.date(2025, 7, 1)),
    ],
)
def test_dates_are_read_in_the_vietnamese_and_iso_forms(text, expected):
    assert parse_date(text) == expected


def test_an_empty_date_is_none_and_a_wrong_one_is_explained_in_vietnamese():
    assert parse_date("") is None and parse_date(None) is None
    with pytest.raises(
        ValueError, match="Ngày sinh: ngày “31/02/2025” không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."
    ):
        parse_date("31/02/2025", field="Ngày sinh")


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_formatted_date_reads_back_as_the_same_day(day):
    assert parse_date(format_date(day)) == day
    assert format_date(day)[2] == "/" and format_date(day)[5] == "/"


def test_numbers_and_money_use_dots_between_thousands():
    assert format_number(1234567) == "1.234.567"
    assert format_number(-50000) == "-50.000"
    assert format_vnd(2500000) == "2.500.000 đ"
    assert format_vnd(0) == "0 đ" and format_vnd(None) == ""


def test_the_on_parameter_accepts_both_forms_and_ignores_garbage():
    rf = RequestFactory()
    assert date_param(rf.get("/", {"on": "01/06/2025"})) == dt.date(2025, 6, 1)
    assert date_param(rf.get("/", {"on": "2025-06-01"})) == dt.date(2025, 6, 1)
    assert date_param(rf.get("/", {"on": "hôm qua"})) is None
    assert date_param(rf.get("/")) is None


def test_a_service_error_lands_on_the_named_field_or_on_the_form():
    from django import forms

    class F(forms.Form):
        name = forms.CharField()

    form = F({"name": "x"})
    assert form.is_valid()
    form_add_service_error(form, ValidationError({"name": "Tên trùng.", "other": "Lỗi khác."}))
    assert form.errors["name"] == ["Tên trùng."] and "Lỗi khác." in form.non_field_errors()
    form = F({"name": "x"})
    form.is_valid()
    form_add_service_error(form, ValidationError("Không hợp lệ."))
    assert form.non_field_errors() == ["Không hợp lệ."]


def test_records_offered_in_dropdowns_read_their_dates_dd_mm_yyyy():
    """A council option read "… 2026-12-05"; every record whose name carries a date writes it dd/mm/yyyy."""
    unit = Unit(name="CĐCS Công ty Apatit Việt Nam")
    batch = AdmissionBatch(unit=unit, admitted_on=dt.date(2026, 3, 1))
    link = UnitLink(child=unit, parent=Unit(name="Công đoàn xã Bảo Thắng"), valid_from=dt.date(2025, 7, 1))
    assert str(batch) == "CĐCS Công ty Apatit Việt Nam — 01/03/2026"
    assert str(link) == "CĐCS Công ty Apatit Việt Nam → Công đoàn xã Bảo Thắng (01/07/2025–…)"
