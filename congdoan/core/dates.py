"""Dates as Vietnamese officers write them (dd/mm/yyyy) and as the API takes them (ISO)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _


def today() -> dt.date:
    return timezone.localdate()


def parse_date(value: str | dt.date | None, *, field: str = "") -> dt.date | None:
    """Parse dd/mm/yyyy or yyyy-mm-dd; empty gives None; anything else raises ValueError in Vietnamese."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    label = f"{field}: " if field else ""
    raise ValueError(
        _("%(label)sngày “%(value)s” không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.")
        % {
            "label": label,
            "value": text,
        }
    )


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
