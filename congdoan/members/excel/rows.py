"""One workbook row: its parsing and the checks that need nothing but the row itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.members.constants import PartyStatus
from congdoan.members.models import Member
from congdoan.members.services import PERSONAL_FIELDS
from congdoan.org.models import Unit

from . import columns as c
from .reader import Sheet

MIN_AGE = 15
EARLIEST = dt.date(1900, 1, 1)
UNION_FOUNDED = dt.date(1929, 7, 28)
CHUNK = 5000

PARSERS = {
    "code": lambda v: c.text(v, max_length=16).upper(),
    "full_name": lambda v: c.text(v, max_length=150),
    "gender": lambda v: c.gender(v) if v not in ("", None) else "",
    "date_of_birth": c.date,
    "ethnicity": lambda v: c.ethnicity(v) if v not in ("", None) else "",
    "cccd": c.cccd,
    "phone": c.phone,
    "email": c.email,
    "job": lambda v: c.text(v, max_length=150),
    "education": lambda v: c.education(v) if v not in ("", None) else "",
    "hometown": lambda v: c.text(v, max_length=255),
    "is_informal": lambda v: c.boolean(v) if v not in ("", None) else None,
    "party_status": lambda v: c.party(v) if v not in ("", None) else None,
    "party_introduced_on": c.date,
    "party_admitted_on": c.date,
    "unit_code": lambda v: c.text(v, max_length=64).upper(),
    "admitted_on": c.date,
    "decision_no": lambda v: c.text(v, max_length=64),
    "notes": lambda v: c.text(v, max_length=2000),
}
# Columns whose values are different on every row: remembering parsed values would not pay.
UNIQUE_KEYS = frozenset({"code", "cccd", "phone", "email", "notes"})
# Fields an update may change when its cell is filled (an empty cell keeps the registry's value):
# every personal field an officer may set by hand.
UPDATABLE = PERSONAL_FIELDS


@dataclass(slots=True)
class Row:
    number: int  # the Excel row number, as the officer sees it
    values: dict
    errors: list[str] = field(default_factory=list)
    unit: Unit | None = None
    member: Member | None = None  # set for an update
    is_update: bool = False  # the row names a member code: it updates that member

    def error(self, column: str, message: str) -> None:
        self.errors.append(f"{c.BY_KEY[column].header}: {message}")


def _parse(sheet: Sheet, raws: Iterable[list] | None = None) -> Iterator[Row]:
    """The rows of ``raws`` (default: ``sheet.rows``), the data rows from the first, parsed."""
    # (key, column index, parser, value of an empty cell): empty cells are most cells, skip their parser
    # Text cells repeat a lot down a column (unit codes, decisions, dates typed as text, genders, common
    # names): each column remembers what its parser made of a text it has seen (parsers are pure).
    present = [
        (key, index, PARSERS[key], PARSERS[key](""), {})
        for key, index in sheet.columns.items()
        if key in PARSERS
    ]
    first = sheet.first_data_row
    for offset, raw in enumerate(sheet.rows if raws is None else raws):
        row = Row(number=first + offset, values={})
        values = row.values
        width = len(raw)
        blank = True
        for key, index, parse, empty, seen in present:
            cell = raw[index] if index < width else ""
            if cell == "" or cell is None:
                values[key] = empty
                continue
            blank = False
            if type(cell) is str:  # not 1 / 1.0 / True, which compare equal but parse differently
                known = seen.get(cell, seen)
                if known is not seen:
                    values[key] = known
                    continue
            try:
                values[key] = parsed = parse(cell)
            except c.CellError as exc:
                values[key] = None
                row.error(key, str(exc))
                continue
            if type(cell) is str and key not in UNIQUE_KEYS:
                seen[cell] = parsed
        if blank:
            continue  # an empty line in the middle of the data is skipped, not an error
        row.is_update = bool(values.get("code"))
        _check_required(row)
        yield row


def _check_required(row: Row) -> None:
    if row.is_update:
        return
    v = row.values
    for key in ("full_name", "gender", "date_of_birth", "unit_code", "admitted_on", "decision_no"):
        if v.get(key) in ("", None) and not _already_flagged(row, key):
            row.error(key, _("không được để trống"))


def _already_flagged(row: Row, key: str) -> bool:
    if not row.errors:
        return False
    prefix = f"{c.BY_KEY[key].header}:"
    return any(e.startswith(prefix) for e in row.errors)


def _check_dates(row: Row, day: dt.date) -> None:
    v = row.values
    born, admitted = v.get("date_of_birth"), v.get("admitted_on")
    if row.is_update:  # the age rule is checked on the day the member joined, as member_update does
        admitted = (row.member.joined_on or day) if (row.member and born) else None
    if born and not EARLIEST <= born <= day:
        row.error("date_of_birth", _("ngày %(d)s không hợp lý") % {"d": format_date(born)})
        born = None
    if admitted and admitted > day:
        row.error("admitted_on", _("ngày %(d)s ở sau hôm nay") % {"d": format_date(admitted)})
        admitted = None
    elif admitted and admitted < UNION_FOUNDED:
        row.error("admitted_on", _("ngày %(d)s không hợp lý") % {"d": format_date(admitted)})
        admitted = None
    if born and admitted:
        try:
            adult = born.replace(year=born.year + MIN_AGE)
        except ValueError:  # 29/02
            adult = dt.date(born.year + MIN_AGE, 3, 1)
        if admitted < adult:
            row.error(
                "date_of_birth" if row.is_update else "admitted_on",
                _("người kết nạp phải đủ %(n)s tuổi vào ngày kết nạp") % {"n": MIN_AGE},
            )
    _check_party(row, born, day)


def _check_party(row: Row, born: dt.date | None, day: dt.date) -> None:
    """The Party fields agree with each other (as ``member_admit``/``member_update`` require)."""
    v = row.values
    if row.member is not None:
        born = born or row.member.date_of_birth
    introduced, admitted = v.get("party_introduced_on"), v.get("party_admitted_on")
    for key, value in (("party_introduced_on", introduced), ("party_admitted_on", admitted)):
        if value and value > day:
            row.error(key, _("ngày không được sau hôm nay"))
        elif value and born and value <= born:
            row.error(key, _("ngày này phải sau ngày sinh"))
    if v.get("party_status") is None and "party_status" in v and not _already_flagged(row, "party_status"):
        # an empty cell: say what the dates say
        v["party_status"] = (
            PartyStatus.ADMITTED if admitted else (PartyStatus.INTRODUCED if introduced else "")
        )
        if row.is_update and not (admitted or introduced):
            v["party_status"] = None  # keep the registry's value
    if v.get("party_status") == PartyStatus.ADMITTED and admitted is None:
        if row.member is None or row.member.party_admitted_on is None:
            row.error("party_admitted_on", _("cần ghi ngày vào Đảng với đảng viên"))
    if introduced and admitted and admitted < introduced:
        row.error("party_admitted_on", _("không được trước ngày được giới thiệu cho Đảng"))
