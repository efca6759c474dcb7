"""The registry lookups the row checks need: units and members by code, CCCDs already used."""

from __future__ import annotations

from django.db import connection
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.members.models import Member
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from .rows import CHUNK


def _units_by_code(codes: set[str]) -> dict[str, Unit]:
    # Codes are stored as typed; the cell was upper-cased.
    return org_selectors.units_by_codes(codes, ignore_case=True)


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
