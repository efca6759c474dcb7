"""Importing a member workbook: validate every row, then write all of it in one transaction, or nothing.

New rows end up exactly as ``members.services.member_admit`` leaves a person: a *pending* member (no code,
no stint yet) on the grassroots union's *draft* admission list for that day and decision number. The
write is set-based for speed — PostgreSQL ``COPY`` with IDs reserved from the sequence, ``bulk_create``
on SQLite — with one audit event per import and one per admission list touched.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.models import Event
from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus
from congdoan.members.models import AdmissionBatch, Member
from congdoan.org.models import Unit

from .columns import fast_fold
from .reader import read_workbook
from .validate import UPDATABLE, Row, validate_sheet
from .workbooks import error_workbook

MAX_ERRORS_SHOWN = 200
SAMPLE_ROWS = 50


@dataclass
class ImportOutcome:
    ok: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    batch_ids: list[int] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, message) of every bad row
    error_file: bytes | None = None
    sample: list[list] = field(default_factory=list)  # the first rows written, to show on the job page
    timings: dict[str, float] = field(default_factory=dict)


def member_import(
    *, actor, unit: Unit, path: str | Path, scope: Scope | None = None, progress=None
) -> ImportOutcome:
    """Import the member workbook at ``path`` for ``unit`` (rows must name grassroots units in its subtree).

    A bad file raises ``WorkbookError`` (a ValidationError). Bad rows give an outcome with ``ok=False``,
    the messages, and the workbook with a "Lỗi" column; nothing is written. Otherwise every row is written
    in one transaction. ``progress(done, total, message)`` is called now and then.
    """
    import time

    scope = scope or Scope.for_user(actor)
    if not scope.can(unit):
        raise PermissionDenied(_("Bạn không có quyền nhập đoàn viên cho đơn vị “%(u)s”.") % {"u": unit.name})
    report = progress or (lambda done, total, message: None)
    clock = time.perf_counter()
    report(0, 0, _("Đang đọc tệp…"))
    sheet = read_workbook(path)
    timings = {"read": time.perf_counter() - clock}
    total = len(sheet.rows)
    report(0, total, _("Đang kiểm tra từng dòng…"))
    checked = validate_sheet(
        sheet=sheet,
        scope=scope,
        unit=unit,
        progress=lambda done, n: report(done, n, _("Đang kiểm tra từng dòng…")),
    )
    timings["validate"] = time.perf_counter() - clock - timings["read"]
    if not checked.ok:
        errors = [(row.number, "; ".join(row.errors)) for row in checked.bad]
        report(total, total, _("Đang ghi tệp báo lỗi…"))
        data = error_workbook(path=path, sheet=sheet, errors=dict(errors))
        return ImportOutcome(
            ok=False, rows=len(checked.rows), errors=errors, error_file=data, timings=timings
        )
    report(total, total, _("Đang ghi vào sổ đoàn viên…"))
    started = time.perf_counter()
    created, updated, batch_ids = _commit(checked.rows, actor=actor, unit=unit, timings=timings)
    timings["write"] = time.perf_counter() - started
    return ImportOutcome(
        ok=True,
        rows=len(checked.rows),
        created=created,
        updated=updated,
        batch_ids=batch_ids,
        timings=timings,
        sample=[_sample(row) for row in checked.rows[:SAMPLE_ROWS]],
    )


def _sample(row: Row) -> list:
    v = row.values
    name = v.get("full_name") or (row.member.full_name if row.member else "")
    born = v.get("date_of_birth") or (row.member.date_of_birth if row.member else None)
    unit = row.unit.code if row.unit else (row.member.unit.code if row.member else "")
    return [
        row.number,
        name,
        format_date(born),
        unit,
        _("Cập nhật thông tin") if row.is_update else _("Chờ duyệt kết nạp"),
    ]


@transaction.atomic
def _commit(rows: list[Row], *, actor, unit: Unit, timings: dict | None = None) -> tuple[int, int, list[int]]:
    import time

    timings = timings if timings is not None else {}
    clock = time.perf_counter()
    new = [row for row in rows if not row.is_update]
    updates = [row for row in rows if row.is_update]
    now = timezone.now()
    batches = _draft_batches(new, actor=actor)
    member_ids = _insert_members(new, now=now)
    timings["members"] = time.perf_counter() - clock
    through = AdmissionBatch.members.through
    links = [
        (batches[(row.unit.pk, row.values["admitted_on"], row.values["decision_no"])].pk, member_id)
        for row, member_id in zip(new, member_ids, strict=True)
    ]
    _insert(through, ["admissionbatch_id", "member_id"], links)
    timings["lists"] = time.perf_counter() - clock - timings["members"]
    _update_members(updates, now=now)
    per_batch = defaultdict(int)
    for batch_pk, _member in links:
        per_batch[batch_pk] += 1
    _batch_events(batches.values(), per_batch, actor=actor)
    event_record(
        actor=actor,
        action="member.import",
        unit=unit,
        summary=_("Nhập danh sách đoàn viên từ Excel: %(c)s kết nạp mới, %(u)s cập nhật")
        % {"c": len(new), "u": len(updates)},
        after={"created": len(new), "updated": len(updates), "batches": [b.pk for b in batches.values()]},
    )
    return len(new), len(updates), sorted(b.pk for b in batches.values())


def _draft_batches(rows: list[Row], *, actor) -> dict[tuple, AdmissionBatch]:
    """The draft admission list of each (unit, day, decision): an existing one is added to, as member_admit does."""
    keys = {(row.unit.pk, row.values["admitted_on"], row.values["decision_no"]) for row in rows}
    units = {row.unit.pk: row.unit for row in rows}
    batches = {}
    existing = AdmissionBatch.objects.filter(status=AdmissionBatch.Status.DRAFT, unit_id__in=list(units))
    for batch in existing.order_by("id"):
        key = (batch.unit_id, batch.admitted_on, batch.decision_no)
        if key in keys:
            batches.setdefault(key, batch)
    created_by = user_or_none(actor)
    missing = [
        AdmissionBatch(unit=units[unit_id], admitted_on=day, decision_no=decision_no, created_by=created_by)
        for unit_id, day, decision_no in sorted(keys - set(batches))
    ]
    AdmissionBatch.objects.bulk_create(missing, batch_size=2000)
    for batch in missing:
        batches[(batch.unit_id, batch.admitted_on, batch.decision_no)] = batch
    for (unit_id, _day, _decision), batch in batches.items():
        batch.unit = units[unit_id]
    return batches


def _batch_events(batches, per_batch: dict[int, int], *, actor) -> None:
    """One "member.admit" audit event per admission list the import added to (the fields event_record sets)."""
    events = [
        Event(
            actor=user_or_none(actor),
            action="member.admit",
            unit=batch.unit,
            object_type=batch._meta.label_lower,
            object_id=str(batch.pk),
            decision_no=batch.decision_no,
            summary=(
                _("Nhập từ Excel: đề nghị kết nạp %(n)s người vào “%(u)s” từ %(d)s")
                % {
                    "n": per_batch[batch.pk],
                    "u": batch.unit.name,
                    "d": format_date(batch.admitted_on),
                }
            )[:500],
        )
        for batch in batches
    ]
    Event.objects.bulk_create(events, batch_size=2000)


def _new_member_values(row: Row) -> dict:
    v = row.values
    return {
        "full_name": v["full_name"],
        "name_folded": v.get("name_folded") or fast_fold(v["full_name"]),
        "gender": v["gender"],
        "date_of_birth": v["date_of_birth"],
        "ethnicity": v.get("ethnicity") or "01",
        "cccd": v.get("cccd") or None,
        "phone": v.get("phone") or "",
        "email": v.get("email") or "",
        "job": v.get("job") or "",
        "education": v.get("education") or "",
        "hometown": v.get("hometown") or "",
        "is_informal": bool(v.get("is_informal")),
        "party_status": v.get("party_status") or "",
        "party_introduced_on": v.get("party_introduced_on"),
        "party_admitted_on": v.get("party_admitted_on"),
        "notes": v.get("notes") or "",
        "status": MemberStatus.PENDING,
        "unit_id": row.unit.pk,
    }


def _insert_members(rows: list[Row], *, now: dt.datetime) -> list[int]:
    if not rows:
        return []
    if connection.vendor == "postgresql":
        ids = _reserve_ids(Member, len(rows))
        fields = [f for f in Member._meta.concrete_fields]
        defaults = _defaults(fields, now)
        columns = [f.column for f in fields]
        as_tuple = itemgetter(*(f.attname for f in fields))  # dict -> row tuple in C, not a generator per row
        data = (
            as_tuple(defaults | _new_member_values(row) | {"id": member_id})
            for member_id, row in zip(ids, rows, strict=True)
        )
        _copy(Member._meta.db_table, columns, data, types=_binary_types(fields))
        return ids
    objects = [Member(**_new_member_values(row)) for row in rows]
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
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, n]
        )
        return [r[0] for r in cursor.fetchall()]


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
        member.updated_at = now
        members.append(member)
    fields = sorted(changed | {"name_folded", "updated_at"})
    if connection.vendor == "postgresql":
        _update_from_copy(members, fields)
    else:
        Member.objects.bulk_update(members, fields, batch_size=1000)


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
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(table)} AS m SET {assignments} FROM member_import_update AS u WHERE m.id = u.id"  # noqa: S608
        )
        cursor.execute("DROP TABLE member_import_update")
