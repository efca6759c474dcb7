"""Figures handed to spreadsheets and charts: whole numbers stay integers, shares keep their decimals."""

from decimal import Decimal

from congdoan.core.money import plain_number


def test_plain_number_keeps_whole_figures_integral_and_shares_decimal():
    assert plain_number(None) is None
    assert plain_number(Decimal("1234567.00")) == 1234567 and isinstance(plain_number(Decimal("12.00")), int)
    assert plain_number(Decimal("47.99")) == 47.99 and isinstance(plain_number(Decimal("47.99")), float)
    assert plain_number(3) == 3 and isinstance(plain_number(3), int)
