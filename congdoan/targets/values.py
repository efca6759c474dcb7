"""Parsing and showing indicator values (integers or decimals; yes/no as 1/0)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from congdoan.core.money import format_number, parse_decimal

from .constants import UnitOfMeasure

YES = {"1", "có", "co", "x", "yes", "true", "đạt", "dat"}
NO = {"0", "không", "khong", "no", "false"}
# What a value column holds (max_digits 18, 2 decimal places): 1e20 or Infinity is refused, not a 500.
MAX_VALUE = Decimal(10) ** 16


def parse_value(raw, *, uom: str, decimal_places: int, label: str) -> Decimal | None:
    """A value typed by an officer (``1.234``, ``12,5``, ``có``) → Decimal; empty → None.

    Raises ValueError with a Vietnamese message naming ``label``.
    """
    if raw is None:
        return None
    if isinstance(raw, bool):
        return Decimal(int(raw))
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    else:
        text = str(raw).strip()
        if text == "":
            return None
        if uom == UnitOfMeasure.YES_NO:
            low = text.lower()
            if low in YES:
                return Decimal(1)
            if low in NO:
                return Decimal(0)
            raise ValueError(_("“%(l)s”: hãy nhập Có hoặc Không.") % {"l": label})
        try:
            number = parse_decimal(text)
        except ValueError as exc:
            raise ValueError(_("“%(l)s”: “%(v)s” không phải là số.") % {"l": label, "v": text}) from exc
    if not number.is_finite() or abs(number) >= MAX_VALUE:
        raise ValueError(_("“%(l)s”: số quá lớn.") % {"l": label})
    if uom == UnitOfMeasure.YES_NO and number not in (0, 1):
        raise ValueError(_("“%(l)s”: hãy nhập Có hoặc Không.") % {"l": label})
    if number != number.quantize(Decimal(1).scaleb(-decimal_places)):
        if decimal_places == 0:
            raise ValueError(_("“%(l)s”: phải là số nguyên.") % {"l": label})
        raise ValueError(_("“%(l)s”: tối đa %(n)s chữ số thập phân.") % {"l": label, "n": decimal_places})
    return number


def show_value(value, uom: str = "", decimal_places: int = 0) -> str:
    """1.234 / 12,5 / Có / Không; empty for None."""
    if value is None or value == "":
        return ""
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    if uom == UnitOfMeasure.YES_NO:
        return _("Có") if value >= 1 else _("Không")
    whole = int(value)
    if value == whole:
        text = format_number(whole)
    else:
        places = max(decimal_places, 1)
        q = value.quantize(Decimal(1).scaleb(-places))
        sign = "-" if q < 0 else ""
        int_part, frac = f"{abs(q):f}".split(".")
        text = f"{sign}{format_number(int(int_part))},{frac}"
    if uom == UnitOfMeasure.VND:
        return f"{text} đ"
    if uom == UnitOfMeasure.PERCENT:
        return f"{text}%"
    return text
