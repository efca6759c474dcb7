"""Integer VND and numbers in the Vietnamese style (1.234.567)."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _


def share(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole`` with two decimals, half up (None for an empty whole)."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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


# Money is whole đồng; 10^12 đ (one thousand billion) bounds every amount a person types, so a slip of the
# keyboard is refused instead of overflowing a column or an approval total.
MAX_AMOUNT = 10**12
_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_SPACED = re.compile(r"^[+-]?\d{1,3}( \d{3})+$")
_PLAIN = re.compile(r"^[+-]?\d+$")


def parse_integer(value, *, field: str = "") -> int | None:
    """A whole number typed the Vietnamese way: "1.000.000", "1 000 000", "1000000" (an optional "đ" after).

    Empty gives ``None``. A decimal ("1,5", "1.5"), a group that is not three digits ("1.00") or any other text
    raises ``ValueError`` with a Vietnamese message naming the field and the value typed. ``int`` passes through;
    a ``float`` or ``Decimal`` passes only when whole (spreadsheet cells often hold 1000000.0).
    """
    label = f"{field}: " if field else ""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(
            _("%(label)sgiá trị “%(value)s” không phải là số.") % {"label": label, "value": value}
        )
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if value != value or value in (float("inf"), float("-inf")) or value != int(value):
            raise ValueError(
                _("%(label)s“%(value)s” không phải là số nguyên; chỉ nhận số nguyên (ví dụ 1.000.000).")
                % {"label": label, "value": format(value, "f") if isinstance(value, Decimal) else value}
            )
        return int(value)
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    text = re.sub(r"\s*(đ|đồng|vnđ|vnd)$", "", text, flags=re.IGNORECASE).strip()
    if _PLAIN.match(text):
        return int(text)
    if _GROUPED.match(text) or _SPACED.match(text):
        return int(text.replace(".", "").replace(" ", ""))
    if re.match(r"^[+-]?[\d. ]*\d,\d+$", text) or re.match(r"^[+-]?\d+\.\d{1,2}$", text):
        raise ValueError(
            _("%(label)s“%(value)s” có phần thập phân; chỉ nhận số nguyên (ví dụ 1.000.000).")
            % {"label": label, "value": text}
        )
    raise ValueError(
        _(
            "%(label)s“%(value)s” không phải là số; hãy nhập số nguyên, nhóm hàng nghìn bằng dấu chấm (1.000.000)."
        )
        % {"label": label, "value": text}
    )


def parse_amount(value, *, field: str = "", maximum: int = MAX_AMOUNT) -> int | None:
    """An amount of đồng: ``parse_integer`` and then 0 ≤ amount ≤ ``maximum``."""
    amount = parse_integer(value, field=field)
    label = f"{field}: " if field else ""
    if amount is not None and amount < 0:
        raise ValueError(_("%(label)ssố tiền không được âm.") % {"label": label})
    if amount is not None and amount > maximum:
        raise ValueError(
            _("%(label)ssố tiền %(value)s đ vượt mức tối đa %(max)s đ.")
            % {"label": label, "value": format_number(amount), "max": format_number(maximum)}
        )
    return amount


def parse_decimal(value, *, field: str = "") -> Decimal | None:
    """A number that may have decimals, typed the Vietnamese way: "1.234,5", "12,5", "1.234" (thousands), "0,75".

    "1.5" (one dot, not three digits after it) is read as 1,5 too, as spreadsheets pasted from English systems
    write it. Empty gives ``None``; anything else raises ``ValueError`` naming the field.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    text = str(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    cleaned = re.sub(r"\s*(đ|đồng|%)$", "", text, flags=re.IGNORECASE).replace(" ", "")
    if "," in cleaned:  # Vietnamese: 1.234,5
        if not re.match(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$", cleaned):
            cleaned = "x"
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")  # thousands separators: 1.234
    if not re.match(r"^[+-]?\d+(\.\d+)?$", cleaned):
        label = f"{field}: " if field else ""
        raise ValueError(_("%(label)s“%(value)s” không phải là số.") % {"label": label, "value": text})
    return Decimal(cleaned)
