"""The shared input fields: amounts typed the Vietnamese way, dates typed dd/mm/yyyy, the same parsers in the API."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from pydantic import TypeAdapter, ValidationError

from congdoan.core.fields import (
    AmountField,
    ApiAmount,
    ApiDate,
    ApiInteger,
    DateField,
    FileField,
    IntegerField,
    YearField,
)
from congdoan.core.files import export_name
from congdoan.core.forms import StyledForm
from congdoan.core.money import parse_amount, parse_decimal, parse_integer
from congdoan.targets.forms import IndicatorForm  # a ModelForm with dates and integers


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.000.000", 1_000_000),
        ("1 000 000", 1_000_000),
        ("1\u00a0000\u00a0000", 1_000_000),
        ("1000000", 1_000_000),
        ("5.000.000 đ", 5_000_000),
        ("250.000đ", 250_000),
        (" 12 ", 12),
        ("0", 0),
        (1_000_000, 1_000_000),
        (1_000_000.0, 1_000_000),
        ("", None),
        (None, None),
    ],
)
def test_whole_numbers_are_read_with_vietnamese_grouping(typed, value):
    assert parse_integer(typed) == value


@pytest.mark.parametrize("typed", ["1,5", "1.000,50", "1.5", "12.34", "1.00", 1.5])
def test_a_decimal_is_refused_by_name(typed):
    with pytest.raises(ValueError, match="Số tiền mỗi người: .*(thập phân|số nguyên)"):
        parse_integer(typed, field="Số tiền mỗi người")


@pytest.mark.parametrize("typed", ["1.0000", "abc", "1.000.00", "1..000", "1 00", "--1", "1e6", "∞"])
def test_text_that_is_not_a_grouped_number_is_refused(typed):
    with pytest.raises(ValueError, match="không phải là số"):
        parse_integer(typed)


def test_amounts_are_bounded_and_never_negative():
    assert parse_amount("1.000.000.000.000") == 10**12
    with pytest.raises(ValueError, match="vượt mức tối đa 1.000.000.000.000 đ"):
        parse_amount("1.000.000.000.001")
    with pytest.raises(ValueError, match="không được âm"):
        parse_amount("-5.000")
    with pytest.raises(ValueError, match="vượt mức tối đa 500.000 đ"):
        parse_amount("600.000", maximum=500_000)


class _Form(StyledForm):
    amount = AmountField(label="Số tiền mỗi người (đồng)")
    count = IntegerField(label="Số người", min_value=0, required=False)
    year = YearField(label="Năm", required=False)
    paid_on = DateField(label="Ngày chi", required=False)


def test_the_form_saves_one_million_when_one_million_is_typed():
    form = _Form({"amount": "1.000.000", "count": "1.234", "year": "2026", "paid_on": "25/01/2026"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "amount": 1_000_000,
        "count": 1234,
        "year": 2026,
        "paid_on": dt.date(2026, 1, 25),
    }


def test_the_form_names_the_field_and_never_saves_part_of_a_decimal():
    form = _Form({"amount": "1.000.000,5", "paid_on": "31/02/2026", "year": "20266"})
    assert not form.is_valid()
    assert "Số tiền mỗi người (đồng): “1.000.000,5” có phần thập phân" in form.errors["amount"][0]
    assert (
        "Ngày chi: ngày “31/02/2026” không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."
        == form.errors["paid_on"][0]
    )
    assert form.errors["year"]


def test_amount_above_the_bound_is_refused_with_the_bound():
    form = _Form({"amount": "9.223.372.036.854.775.807"})
    assert not form.is_valid()
    assert "1.000.000.000.000" in form.errors["amount"][0]


def test_far_dates_are_refused():
    form = _Form({"amount": "1", "paid_on": "01/01/0001"})
    assert not form.is_valid() and "nằm ngoài khoảng cho phép" in form.errors["paid_on"][0]


def test_inputs_are_text_with_the_numeric_keypad_and_show_vietnamese_values():
    form = _Form(initial={"amount": 1_500_000, "year": 2026, "paid_on": dt.date(2026, 1, 5)})
    html = str(form)
    assert 'type="number"' not in html and 'type="date"' not in html
    assert 'name="amount" value="1.500.000"' in html and 'inputmode="numeric"' in html
    assert 'name="year" value="2026"' in html
    assert 'name="paid_on" value="05/01/2026"' in html and 'placeholder="dd/mm/yyyy"' in html
    assert "data-datepicker" in html


def test_model_forms_get_the_shared_fields_for_dates_and_integers():
    form = IndicatorForm()
    assert isinstance(form.fields["valid_from"], DateField)
    assert isinstance(form.fields["sort_order"], forms.IntegerField)
    assert 'type="date"' not in str(form) and 'type="number"' not in str(form)


@pytest.mark.parametrize(
    ("kind", "given", "value"),
    [
        (ApiAmount, "500.000", 500_000),
        (ApiAmount, 500000, 500_000),
        (ApiInteger, "1 234", 1234),
        (ApiDate, "31/12/2026", dt.date(2026, 12, 31)),
        (ApiDate, "2026-12-31", dt.date(2026, 12, 31)),
    ],
)
def test_the_api_types_read_the_same_text(kind, given, value):
    assert TypeAdapter(kind).validate_python(given) == value


@pytest.mark.parametrize(
    ("kind", "given"),
    [(ApiAmount, "500,5"), (ApiAmount, 9223372036854775807), (ApiAmount, -1), (ApiDate, "0001-01-01")],
)
def test_the_api_types_refuse_what_the_forms_refuse(kind, given):
    with pytest.raises(ValidationError):
        TypeAdapter(kind).validate_python(given)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12,5", "12.5"),
        ("1.234,75", "1234.75"),
        ("1.234", "1234"),
        ("0,75", "0.75"),
        ("1.5", "1.5"),
        ("-3", "-3"),
    ],
)
def test_decimals_are_read_with_a_decimal_comma(typed, value):
    assert parse_decimal(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["abc", "1,2,3", "1.23,4", "12,", "1e2"])
def test_text_that_is_not_a_decimal_is_refused(typed):
    with pytest.raises(ValueError, match="Tỷ lệ: .* không phải là số"):
        parse_decimal(typed, field="Tỷ lệ")


class _Upload(StyledForm):
    file = FileField(label="Tệp Excel")
    name = forms.CharField(label="Tên")


def test_the_file_picker_and_required_fields_speak_vietnamese_not_the_browsers_language():
    html = str(_Upload())
    assert "Chọn tệp" in html and "Chưa chọn tệp nào" in html and 'type="file"' in html
    # No `required` attribute: the browser's own bubble ("Please fill out this field") never shows.
    assert " required" not in html
    assert _Upload({}).errors["name"] == ["Trường này là bắt buộc."]


def test_every_export_is_named_by_one_rule():
    assert (
        export_name("so-lieu", "LCI", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        == "so-lieu-LCI-20250101-20251231.xlsx"
    )
    assert export_name("tong-hop", "LCI", "2026-Q1", None) == "tong-hop-LCI-2026-Q1.xlsx"
    assert export_name("bao-cao", "LCI", 2025, ext="pdf") == "bao-cao-LCI-2025.pdf"
