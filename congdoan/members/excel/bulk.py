"""The set-based writes of the member import: PostgreSQL ``COPY`` with IDs reserved from the sequence,
``bulk_create`` on SQLite; updates through a temporary table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from operator import itemgetter

from django.db import connection
from django.db.models import F

from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member

from .columns import fast_fold
from .rows import UPDATABLE, Row


def _new_members(rows: list[Row], ids: Iterable[int | None], *, now: dt.datetime) -> Iterator[dict]:
    """Every column of each new member (attname -> value), as ``member_admit`` would store the person.

    One C-level merge of the row's parsed cells over the columns' defaults, then the few cells whose
    empty value differs from the column's (cheaper than building each value one by one).
    """
    base = _defaults(Member._meta.concrete_fields, now) | {"status": MemberStatus.PENDING, "code": None}
    fold = fast_fold
    for member_id, row in zip(ids, rows, strict=True):
        member = base | row.values
        member["id"] = member_id
        member["code"] = None  # given when the level above approves the admission
        member["unit_id"] = row.unit.id
        if not member["name_folded"]:
            member["name_folded"] = fold(member["full_name"])
        if not member["ethnicity"]:
            member["ethnicity"] = "01"
        if not member["cccd"]:
            member["cccd"] = None
        if member["is_informal"] is None:
            member["is_informal"] = False
        if member["party_status"] is None:
            member["party_status"] = ""
        yield member


def _insert_members(rows: list[Row], *, now: dt.datetime) -> list[int]:
    if not rows:
        return []
    fields = list(Member._meta.concrete_fields)
    if connection.vendor == "postgresql":
        ids = _reserve_ids(Member, len(rows))
        as_tuple = itemgetter(*(f.attname for f in fields))  # dict -> row tuple in C
        data = map(as_tuple, _new_members(rows, ids, now=now))
        _copy(Member._meta.db_table, [f.column for f in fields], data, types=_binary_types(fields))
        return ids
    names = [f.attname for f in fields if not f.primary_key]
    objects = [
        Member(**{name: values[name] for name in names})
        for values in _new_members(rows, [None] * len(rows), now=now)
    ]
    Member.objects.bulk_create(objects, batch_size=2000)
    return [m.pk for m in objects]


def _defaults(fields, now) -> dict:
    """Values for the columns a row does not set, as the ORM would fill them."""
    values = {}
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            values[f.attname] = now
        elif f.has_default():
            values[f.attname] = f.get_default()
        elif f.null:
            values[f.attname] = None
        elif not f.primary_key:
            values[f.attname] = ""  # set by the row for every required field; checked by tests
    return values


def _reserve_ids(model, n: int) -> list[int]:
    """``n`` new primary keys from the table's sequence (as one text value: cheaper than ``n`` rows).

    The sequence is looked up once: ``nextval(pg_get_serial_sequence(…))`` would search the catalogue
    again for every ID (most of the cost).
    """
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)::regclass::oid", [table, pk])
        sequence = cursor.fetchone()[0]
        cursor.execute(
            "SELECT string_agg(nextval(%s::oid)::text, ',') FROM generate_series(1, %s)", [sequence, n]
        )
        return list(map(int, cursor.fetchone()[0].split(",")))


_PG_BINARY = {
    "bigint": "int8",
    "integer": "int4",
    "smallint": "int2",
    "boolean": "bool",
    "date": "date",
    "timestamp with time zone": "timestamptz",
    "text": "text",
}


def _binary_types(fields) -> list[str] | None:
    """psycopg type names for a binary COPY (cheaper for the server to take in), or None to use text."""
    types = []
    for f in fields:
        db_type = f.db_type(connection) or ""
        if db_type.startswith("varchar"):
            db_type = "text"
        if db_type not in _PG_BINARY:
            return None
        types.append(_PG_BINARY[db_type])
    return types


def _copy(table: str, columns: list[str], rows: Iterable[tuple], types: list[str] | None = None) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    binary = " (FORMAT BINARY)" if types else ""
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN{binary}") as copy:
            if types:
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy(model._meta.db_table, columns, rows, types=["int8"] * len(columns))
    else:
        model.objects.bulk_create(
            [model(**dict(zip(columns, r, strict=True))) for r in rows], batch_size=2000
        )


def _update_members(rows: list[Row], *, now: dt.datetime) -> None:
    """Filled cells overwrite, empty cells keep; one bulk UPDATE instead of one save per member."""
    if not rows:
        return
    changed: set[str] = set()
    members = []
    for row in rows:
        member = row.member
        for key in UPDATABLE:
            value = row.values.get(key)
            if value in ("", None) or key not in row.values:
                continue
            setattr(member, key, value)
            changed.add(key)
        member.name_folded = fast_fold(member.full_name)
        member.updated_at = member.edited_at = now
        members.append(member)
    fields = sorted(changed | {"name_folded", "updated_at", "edited_at"})
    if connection.vendor == "postgresql":
        _update_from_copy(members, fields)
    else:
        Member.objects.bulk_update(members, fields, batch_size=1000)
        # A member edit page opened before the import is stale now (core/concurrency.py).
        ids = [m.pk for m in members]
        for start in range(0, len(ids), 500):
            Member.objects.filter(pk__in=ids[start : start + 500]).update(version=F("version") + 1)


def _update_from_copy(members: list[Member], field_names: list[str]) -> None:
    """COPY the new values into a temporary table and UPDATE … FROM it: one statement for any number of rows
    (``bulk_update``'s CASE expressions grow with the batch and slow down past a few thousand rows)."""
    table = Member._meta.db_table
    fields = [Member._meta.get_field(name) for name in field_names]
    columns = ["id"] + [f.column for f in fields]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE member_import_update ON COMMIT DROP AS "  # noqa: S608 - column names
            f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(table)} WITH NO DATA"
        )
    rows = [(m.pk, *(getattr(m, f.attname) for f in fields)) for m in members]
    _copy("member_import_update", columns, rows)
    assignments = ", ".join(f"{quote(c)} = u.{quote(c)}" for c in columns[1:])
    assignments += ", version = m.version + 1"  # edit pages opened before the import are stale now
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(table)} AS m SET {assignments} FROM member_import_update AS u WHERE m.id = u.id"  # noqa: S608
        )
        cursor.execute("DROP TABLE member_import_update")
