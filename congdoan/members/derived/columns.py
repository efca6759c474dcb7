"""The columns of the member tally and their meaning, shared by the in-memory twin (``tally``) and the
set-based rebuild (``tally_sql``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..constants import END_RESTRUCTURE, END_TRANSFER, StintStart

EARLIEST = dt.date(1, 1, 1)
OPEN = dt.date(9999, 12, 31)
ONE_DAY = dt.timedelta(days=1)

AGE_THRESHOLDS = (30, 40, 50, 60)
AGE_COLUMNS = ("age_u30", "age_30_39", "age_40_49", "age_50_59", "age_60p")
SECTOR_COLUMNS = {
    "state": "sector_state",
    "non_state": "sector_non_state",
    "fdi": "sector_fdi",
    "informal": "sector_informal",
    "": "sector_none",
}
LEVEL_COLUMNS = ("total", "women", "informal", *AGE_COLUMNS, *SECTOR_COLUMNS.values())
EVENT_COLUMNS = ("admitted", "admitted_informal", "leavers", "party_introduced", "party_admitted")
COLUMNS = LEVEL_COLUMNS + EVENT_COLUMNS
ETH = "eth:"  # prefix of the ethnicity "columns" in the in-memory form
# Ethnicity rows are kept for the minorities only; the Kinh majority (≈ 86 % of members) is the total minus them.
MAJORITY = "01"
ADMISSION_KINDS = (StintStart.ADMIT, StintStart.READMIT)
NOT_LEAVING = (END_TRANSFER, END_RESTRUCTURE)

# unit -> day -> column -> change
Events = dict[int, dict[dt.date, Counter]]


def is_level(column: str) -> bool:
    return column.startswith(ETH) or column in LEVEL_COLUMNS


def age_band(birth_year: int, day: dt.date) -> int:
    """Index into ``AGE_COLUMNS`` of a member born in ``birth_year``, on ``day`` (age by year of birth)."""
    age = day.year - birth_year
    return sum(1 for k in AGE_THRESHOLDS if age >= k)
