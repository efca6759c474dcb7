"""Validating every row of a member workbook before anything is written.

Each row becomes a ``Row`` (clean values + Vietnamese error messages). Checks inside the file (duplicate
CCCD, member code, name + date of birth) and against the registry (CCCD already used, member codes, unit
codes in scope and existing on the admission date) are done in a few set-based queries, not per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Container, Iterator
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.functions import Upper
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus, PartyStatus
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


@dataclass
class Checked:
    rows: list[Row]
    bad: list[Row]

    @property
    def ok(self) -> bool:
        return not self.bad


class SheetCheck:
    """Checks a sheet's rows chunk by chunk, so the import can write one chunk while the next is checked.

    ``prepare()`` runs the lookups that need the whole file (units named, members to update) in two or
    three queries; ``chunks()`` then parses and checks the rows without touching the database (it may run
    in another thread), carrying the duplicate checks across chunks; ``check_registry(rows)`` checks a
    chunk's CCCDs against the registry (one query). The messages, and their order on a row, are those of
    checking the whole sheet at once (``validate_sheet``).
    """

    def __init__(self, *, sheet: Sheet, scope: Scope, unit: Unit, day: dt.date | None = None):
        self.sheet = sheet
        self.scope = scope
        self.root = unit
        self.day = day or today()
        self._units: dict[str, Unit] = {}
        self._refusals: dict[str, str] = {}
        self._members: dict[str, Member] = {}
        self._exists: dict[tuple, bool] = {}  # (code, day) -> the unit existed that day: few distinct pairs
        self._seen_code: dict[str, int] = {}
        self._seen_cccd: dict[str, int] = {}
        self._seen_person: dict[tuple, Row] = {}
        self._folds: dict[str, str] = {}  # full names repeat: fold each once

    # -- database lookups, before anything is written -------------------------------------------------
    def prepare(self) -> None:
        unit_codes = self._column_values("unit_code")
        self._units = _units_by_code(unit_codes)
        self._refusals = {
            code: _unit_refusal(code, self._units.get(code), scope=self.scope, root=self.root)
            for code in unit_codes
        }
        member_codes = self._column_values("code")
        if member_codes:
            self._members = _members_by_code(sorted(member_codes), scope=self.scope, root=self.root)

    def _column_values(self, key: str) -> set[str]:
        """The distinct values the rows will have in column ``key`` (few for unit codes)."""
        index = self.sheet.columns.get(key)
        if index is None:
            return set()
        raw = {row[index] for row in self.sheet.rows if index < len(row)}
        parse, values = PARSERS[key], set()
        for cell in raw:
            if cell == "" or cell is None:
                continue
            try:
                values.add(parse(cell))
            except c.CellError:  # the row says so when it is parsed
                continue
        values.discard("")
        return values

    # -- the rows, pure Python ------------------------------------------------------------------------
    def chunks(self, size: int = CHUNK) -> Iterator[list[Row]]:
        """The sheet's rows (blank lines skipped), parsed and checked, ``size`` at a time."""
        chunk: list[Row] = []
        for row in _parse(self.sheet):
            chunk.append(row)
            if len(chunk) == size:
                self._check(chunk)
                yield chunk
                chunk = []
        if chunk:
            self._check(chunk)
            yield chunk

    def _check(self, rows: list[Row]) -> None:
        self._check_inside_file(rows)
        self._check_units(rows)
        self._check_members(rows)
        for row in rows:
            _check_dates(row, self.day)

    def _check_inside_file(self, rows: list[Row]) -> None:
        seen_code, seen_cccd, seen_person, folds = (
            self._seen_code,
            self._seen_cccd,
            self._seen_person,
            self._folds,
        )
        for row in rows:
            v = row.values
            code, cccd = v.get("code"), v.get("cccd")
            if code:
                if code in seen_code:
                    row.error("code", _("mã %(c)s đã có ở dòng %(r)s") % {"c": code, "r": seen_code[code]})
                else:
                    seen_code[code] = row.number
            if cccd:
                if cccd in seen_cccd:
                    row.error("cccd", _("trùng với dòng %(r)s") % {"r": seen_cccd[cccd]})
                else:
                    seen_cccd[cccd] = row.number
            if not code and v.get("full_name") and v.get("date_of_birth"):
                name = v["full_name"]
                folded = v["name_folded"] = folds.get(name) or folds.setdefault(name, c.fast_fold(name))
                key = (folded, v["date_of_birth"])
                other = seen_person.get(key)
                if other is None:
                    seen_person[key] = row
                elif not (cccd and other.values.get("cccd")):
                    row.error(
                        "full_name",
                        _("trùng họ tên và ngày sinh với dòng %(r)s (ghi số CCCD nếu là hai người khác nhau)")
                        % {"r": other.number},
                    )

    def _check_units(self, rows: list[Row]) -> None:
        refusals, units, exists = self._refusals, self._units, self._exists
        for row in rows:
            code = row.values.get("unit_code")
            if not code:
                continue
            refusal = refusals[code]
            if refusal:
                row.error("unit_code", refusal)
                continue
            row.unit = unit = units[code]
            admitted = row.values.get("admitted_on")
            if row.is_update or not admitted:
                existed = True
            else:
                existed = exists.get((code, admitted))
                if existed is None:
                    existed = exists[(code, admitted)] = unit.exists_on(admitted)
            if not existed:
                row.error(
                    "admitted_on",
                    _("ngày %(d)s đơn vị %(u)s chưa thành lập hoặc đã giải thể")
                    % {"d": format_date(admitted), "u": unit.code},
                )
            elif not row.is_update and not unit.is_active:
                row.error("unit_code", _("đơn vị %(u)s đã thôi hoạt động") % {"u": unit.code})

    def _check_members(self, rows: list[Row]) -> None:
        scope, root, found = self.scope, self.root, self._members
        for row in rows:
            if not row.is_update:
                continue
            member = found.get(row.values["code"])
            if member is None:
                row.error(
                    "code",
                    _("không có đoàn viên mã %(c)s thuộc %(r)s") % {"c": row.values["code"], "r": root.name},
                )
                continue
            row.member = member
            if member.status == MemberStatus.MERGED:
                row.error("code", _("hồ sơ %(c)s đã được gộp vào hồ sơ khác") % {"c": member.code})
            elif not scope.can(member.unit):
                row.error(
                    "code",
                    _("bạn không có quyền cập nhật đoàn viên của đơn vị %(c)s") % {"c": member.unit.code},
                )
            if row.unit is not None and row.unit.pk != member.unit_id:
                row.error(
                    "unit_code",
                    _(
                        "đoàn viên đang sinh hoạt ở %(u)s; muốn chuyển đơn vị hãy dùng chức năng chuyển sinh hoạt"
                    )
                    % {"u": member.unit.code},
                )

    # -- against the registry -------------------------------------------------------------------------
    def check_registry(self, rows: list[Row], *, ours: Container[int] = ()) -> None:
        """CCCDs of ``rows`` already held by a member of the registry (one query).

        ``ours``: IDs of members this import has already written in its open transaction; a CCCD found on
        one of them repeats an earlier row of the file, which the duplicate check has already flagged.
        """
        by_cccd = defaultdict(list)
        for row in rows:
            if row.values.get("cccd"):
                by_cccd[row.values["cccd"]].append(row)
        for number, member_id in _taken_cccds(list(by_cccd)):
            if member_id in ours:
                continue
            for row in by_cccd[number]:
                if row.member is not None and row.member.pk == member_id:
                    continue
                row.error(
                    "cccd", _("số %(n)s đã được dùng cho một đoàn viên khác trong hệ thống") % {"n": number}
                )


def validate_sheet(*, sheet: Sheet, scope: Scope, unit: Unit, progress=None) -> Checked:
    """Parse and check every row at once, writing nothing; ``unit`` is the unit the import is for."""
    check = SheetCheck(sheet=sheet, scope=scope, unit=unit)
    check.prepare()
    rows: list[Row] = []
    for chunk in check.chunks():
        rows.extend(chunk)
        if progress:
            progress(len(rows), len(sheet.rows))
    check.check_registry(rows)
    return Checked(rows=rows, bad=[row for row in rows if row.errors])


def _parse(sheet: Sheet) -> Iterator[Row]:
    # (key, column index, parser, value of an empty cell): empty cells are most cells, skip their parser
    # Text cells repeat a lot down a column (unit codes, decisions, dates typed as text, genders, common
    # names): each column remembers what its parser made of a text it has seen (parsers are pure).
    present = [
        (key, index, PARSERS[key], PARSERS[key](""), {})
        for key, index in sheet.columns.items()
        if key in PARSERS
    ]
    first = sheet.first_data_row
    for offset, raw in enumerate(sheet.rows):
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


def _units_by_code(codes: set[str]) -> dict[str, Unit]:
    units = {u.code.upper(): u for u in Unit.objects.select_related("kind").filter(code__in=codes)}
    missing = codes - set(units)
    if missing:  # codes are stored as typed; the cell was upper-cased
        matches = Unit.objects.select_related("kind").annotate(upper_code=Upper("code"))
        for u in matches.filter(upper_code__in=missing):
            units.setdefault(u.code.upper(), u)
    return units


def _members_by_code(codes: list[str], *, scope: Scope, root: Unit) -> dict[str, Member]:
    found: dict[str, Member] = {}
    base = scope.filter(Member.objects.select_related("unit"), "unit__path").filter(
        unit__path__startswith=root.path
    )
    for start in range(0, len(codes), CHUNK):
        for member in base.filter(code__in=codes[start : start + CHUNK]):
            found[member.code.upper()] = member
    return found


def _unit_refusal(code: str, unit: Unit | None, *, scope: Scope, root: Unit) -> str:
    """Why rows naming unit ``code`` cannot be imported, or "" (the same answer for every such row)."""
    if unit is None or not unit.path.startswith(root.path) or scope.role_on(unit.path) is None:
        return _("không có đơn vị mã %(c)s thuộc %(r)s") % {"c": code, "r": root.name}
    if not scope.can(unit):
        return _("bạn không có quyền cập nhật đoàn viên của đơn vị %(c)s") % {"c": code}
    if not unit.kind.is_grassroots:
        return _("%(u)s không phải là công đoàn cơ sở; đoàn viên sinh hoạt ở công đoàn cơ sở") % {
            "u": unit.name
        }
    return ""


def _taken_cccds(numbers: list[str]):
    """(cccd, member id) of the registry's members holding any of ``numbers``."""
    if not numbers:
        return
    if connection.vendor == "postgresql":  # one query with an array, not 100 000 bound parameters
        with connection.cursor() as cursor:
            cursor.execute(  # the numbers are 12 digits: one comma-joined text is cheaper to send than a list
                f"SELECT cccd, id FROM {Member._meta.db_table} "  # noqa: S608 - table name
                "WHERE cccd = ANY(string_to_array(%s, ','))",
                [",".join(numbers)],
            )
            yield from cursor.fetchall()
        return
    for start in range(0, len(numbers), CHUNK):
        yield from Member.objects.filter(cccd__in=numbers[start : start + CHUNK]).values_list("cccd", "id")
