"""Validating every row of a member workbook before anything is written.

Each row becomes a ``Row`` (clean values + Vietnamese error messages). Checks inside the file (duplicate
CCCD, member code, name + date of birth) and against the registry (CCCD already used, member codes, unit
codes in scope and existing on the admission date) are done in a few set-based queries, not per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member
from congdoan.org.models import Unit

from . import columns as c
from .lookups import _members_by_code, _taken_cccds, _unit_refusal, _units_by_code
from .reader import Sheet
from .rows import (
    CHUNK,
    EARLIEST,
    MIN_AGE,
    PARSERS,
    UNION_FOUNDED,
    UNIQUE_KEYS,
    UPDATABLE,
    Row,
    _check_dates,
    _parse,
)

__all__ = [
    "CHUNK",
    "EARLIEST",
    "MIN_AGE",
    "PARSERS",
    "UNION_FOUNDED",
    "UNIQUE_KEYS",
    "UPDATABLE",
    "Checked",
    "Row",
    "SheetCheck",
    "validate_sheet",
]


@dataclass
class Checked:
    rows: list[Row]
    bad: list[Row]

    @property
    def ok(self) -> bool:
        return not self.bad


class _Chunk(list):
    settled = False  # already checked against the units and members it names


class SheetCheck:
    """Checks a sheet's rows chunk by chunk, so the import can write one chunk while the next is checked.

    ``chunks()`` parses the rows as they are read and runs the checks inside the file, carrying the
    duplicate checks across chunks, without touching the database (it may run in another thread);
    ``settle(chunk)`` then looks up the chunk's units and members to update (only those not met in earlier
    chunks: the units of a file are usually all in its first chunk) and checks the rows against them;
    ``check_registry(rows)`` checks a chunk's CCCDs against the registry (one query). The messages, and
    their order on a row, are those of checking the whole sheet at once (``validate_sheet``).
    """

    def __init__(
        self,
        *,
        sheet: Sheet,
        scope: Scope,
        unit: Unit,
        day: dt.date | None = None,
        rows: Iterable[list] | None = None,
    ):
        self.sheet = sheet
        self.raws = rows  # the data rows as they are read (default: sheet.rows)
        self.scope = scope
        self.root = unit
        self.day = day or today()
        self._units: dict[str, Unit] = {}
        self._refusals: dict[str, str] = {}
        self._members: dict[str, Member] = {}
        self._member_codes: set[str] = set()  # looked up already (found or not)
        self._exists: dict[tuple, bool] = {}  # (code, day) -> the unit existed that day: few distinct pairs
        self._seen_code: dict[str, int] = {}
        self._seen_cccd: dict[str, int] = {}
        self._seen_person: dict[tuple, Row] = {}
        self._folds: dict[str, str] = {}  # full names repeat: fold each once

    # -- the rows, pure Python ------------------------------------------------------------------------
    def chunks(self, size: int = CHUNK) -> Iterator[list[Row]]:
        """The sheet's rows (blank lines skipped), parsed and checked inside the file, ``size`` at a time.

        A chunk naming only units and members looked up for earlier chunks is checked against them here
        too (most chunks: a file's units are usually all in its first), which leaves ``settle`` nothing to do.
        """
        chunk = _Chunk()
        for row in _parse(self.sheet, self.raws):
            chunk.append(row)
            if len(chunk) == size:
                self._check_inside(chunk)
                yield chunk
                chunk = _Chunk()
        if chunk:
            self._check_inside(chunk)
            yield chunk

    def _check_inside(self, chunk: _Chunk) -> None:
        self._check_inside_file(chunk)
        # The lookups only grow (units before their refusals), so what is known here stays so.
        units = {row.values.get("unit_code") for row in chunk} - {None, ""}
        members = {row.values["code"] for row in chunk if row.is_update}
        if units <= self._refusals.keys() and members <= self._member_codes:
            self._check_against(chunk)
            chunk.settled = True

    # -- against the units and members named, in the database's thread ----------------------------------
    def settle(self, rows: list[Row]) -> None:
        """Look up what ``rows`` name that earlier chunks did not, then check the rows against it."""
        if getattr(rows, "settled", False):
            return
        self.lookup(rows)
        self._check_against(rows)

    def _check_against(self, rows: list[Row]) -> None:
        self._check_units(rows)
        self._check_members(rows)
        for row in rows:
            _check_dates(row, self.day)

    def lookup(self, rows: list[Row]) -> None:
        unit_codes = {row.values.get("unit_code") for row in rows} - {None, ""} - self._refusals.keys()
        if unit_codes:
            units = _units_by_code(unit_codes)
            self._units.update(units)
            for code in unit_codes:
                self._refusals[code] = _unit_refusal(code, units.get(code), scope=self.scope, root=self.root)
        member_codes = {row.values["code"] for row in rows if row.is_update} - self._member_codes
        if member_codes:
            self._members.update(_members_by_code(sorted(member_codes), scope=self.scope, root=self.root))
            self._member_codes |= member_codes

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
    rows: list[Row] = []
    for chunk in check.chunks():
        check.settle(chunk)
        rows.extend(chunk)
        if progress:
            progress(len(rows), len(sheet.rows))
    check.check_registry(rows)
    return Checked(rows=rows, bad=[row for row in rows if row.errors])
