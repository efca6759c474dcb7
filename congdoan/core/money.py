"""Integer VND and numbers in the Vietnamese style (1.234.567)."""

from decimal import Decimal


def format_number(value: int | None) -> str:
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")


def format_vnd(value: int | None) -> str:
    if value is None:
        return ""
    return f"{format_number(value)} đ"


def plain_number(value):
    """A figure as spreadsheets and JSON want it: ``int`` when whole, else ``float``; ``None`` stays ``None``."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)
