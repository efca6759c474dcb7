"""The pages' query-parameter parsers (core.views): a hostile value falls back, never reaches the database."""

import datetime as dt

import pytest
from django.test import RequestFactory

from congdoan.core.views import date_param, int_param, year_param

rf = RequestFactory()


@pytest.mark.parametrize(
    "raw, expected",
    [("12", 12), ("²", None), ("١٢", None), ("-1", None), (str(2**64), None), ("", None), (" 7 ", 7)],
)
def test_int_param_takes_ascii_digits_within_bounds_only(raw, expected):
    assert int_param(rf.get("/", {"unit": raw}), "unit") == expected


@pytest.mark.parametrize("raw, expected", [("2026", 2026), ("0", 2000), ("99999", 2000), ("1899", 2000)])
def test_year_param_is_bounded_to_1900_2100(raw, expected):
    assert year_param(rf.get("/", {"year": raw}), 2000) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [("31/12/2026", dt.date(2026, 12, 31)), ("0001-01-01", None), ("9999-12-31", None), ("x" * 5000, None)],
)
def test_date_param_ignores_dates_outside_1900_2100(raw, expected):
    assert date_param(rf.get("/", {"on": raw})) == expected
