"""Importing a member workbook: validate every row, then write all of it in one transaction, or nothing.

New rows end up exactly as ``members.services.member_admit`` leaves a person: a *pending* member (no code,
no stint yet) on the grassroots union's *draft* admission list for that day and decision number. The
write is set-based for speed — PostgreSQL ``COPY`` with IDs reserved from the sequence, ``bulk_create``
on SQLite — with one audit event per import and one per admission list touched.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record, events_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.members.derived import tally
from congdoan.members.models import AdmissionBatch
from congdoan.members.services import COUNTED_FIELDS
from congdoan.org.models import Unit

from . import references
from .bulk import _binary_types, _insert, _insert_members, _update_members
from .reader import open_workbook
from .validate import Row, SheetCheck
from .workbooks import error_workbook

MAX_ERRORS_SHOWN = 200
SAMPLE_ROWS = 50
CHUNK_ROWS = 5000  # rows checked, then written, at a time
QUEUED_CHUNKS = 4  # checked chunks waiting to be written, at most (bounds the memory held)


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
    *, scope: Scope, unit: Unit, path: str | Path, progress=None, checked: Collection[str] = ()
) -> ImportOutcome:
    """Import the member workbook at ``path`` for ``unit`` (rows must name grassroots units in its subtree).

    A bad file raises ``WorkbookError`` (a ValidationError). Bad rows give an outcome with ``ok=False``,
    the messages, and the workbook with a "Lỗi" column; nothing is written. Otherwise every row is written
    in one transaction. ``progress(done, total, message)`` is called now and then (never inside the
    transaction, where nobody else would see it).

    Rows are checked in chunks in a second thread while this one writes the chunks already checked
    (PostgreSQL takes them in on its own core meanwhile). Writing stops at the first bad row; the rest are
    still checked, so the error file names every bad row, and then the transaction is rolled back.

    The units and draft lists written to are locked first; the per-row foreign-key checks are then skipped
    where ``references`` shows them redundant, except for the tables named in ``checked`` ("members",
    "links": for the benchmark, to show their share).
    """
    if not scope.can(unit):
        raise PermissionDenied(_("Bạn không có quyền nhập đoàn viên cho đơn vị “%(u)s”.") % {"u": unit.name})
    report = progress or (lambda done, total, message: None)
    clock = time.perf_counter()
    report(0, 0, _("Đang đọc tệp…"))
    sheet, raws = open_workbook(path)
    # "read" is calamine's parse now: the rows are converted as they are checked
    timings = {"read": time.perf_counter() - clock}
    check = SheetCheck(sheet=sheet, scope=scope, unit=unit, rows=raws)
    report(0, sheet.height, _("Đang kiểm tra từng dòng và ghi vào sổ đoàn viên…"))
    try:
        with transaction.atomic():
            result = _check_and_write(check, scope=scope, unit=unit, timings=timings, checked=checked)
            if result.bad:
                raise _Rejected(result)
            committing = time.perf_counter()
        timings["commit"] = time.perf_counter() - committing
    except _Rejected as rejected:  # nothing of the import is left in the database
        result = rejected.result
        errors = [(row.number, "; ".join(row.errors)) for row in result.bad]
        total = len(sheet.rows)
        report(total, total, _("Đang ghi tệp báo lỗi…"))
        data = error_workbook(path=path, sheet=sheet, errors=dict(errors))
        return ImportOutcome(ok=False, rows=len(result.rows), errors=errors, error_file=data, timings=timings)
    timings["total"] = time.perf_counter() - clock
    writer = result.writer
    return ImportOutcome(
        ok=True,
        rows=len(result.rows),
        created=writer.created,
        updated=len(writer.updates),
        batch_ids=sorted(b.pk for b in writer.batches.values()),
        timings=timings,
        sample=[_sample(row) for row in result.rows[:SAMPLE_ROWS]],
    )


@dataclass
class _Result:
    rows: list[Row]
    bad: list[Row]
    writer: _Writer


class _Rejected(Exception):  # noqa: N818 - not an error: leaves the transaction to roll it back
    def __init__(self, result: _Result):
        super().__init__("rows with errors")
        self.result = result


def _check_and_write(
    check: SheetCheck, *, scope: Scope, unit: Unit, timings: dict, checked: Collection[str]
) -> _Result:
    """Inside the transaction: write each chunk once it is checked, while the next is being checked."""
    writer = _Writer(actor=scope.actor, unit=unit, checked=checked)
    rows: list[Row] = []
    bad: list[Row] = []
    registry = settling = 0.0
    started = time.perf_counter()

    def check_registry(some: list[Row]) -> None:
        nonlocal registry
        looking = time.perf_counter()
        check.check_registry(some, ours=writer.member_ids)
        registry += time.perf_counter() - looking

    with _checked_chunks(check, timings) as chunks:
        for chunk in chunks:
            looking = time.perf_counter()
            check.settle(chunk)  # units and members named: looked up here, where the transaction is
            settling += time.perf_counter() - looking
            rows.extend(chunk)
            unchecked = chunk  # rows whose CCCD is yet to be checked against the registry
            if not bad and not any(row.errors for row in chunk):
                # The new rows' CCCDs are checked by the unique index as they are written (a query first
                # would repeat its lookups); the rows that update a member are checked before.
                updates = [row for row in chunk if row.is_update]
                check_registry(updates)
                unchecked = [row for row in chunk if not row.is_update]
                if not any(row.errors for row in updates):
                    refused = _write(writer, chunk)
                    if refused is None:
                        continue
                    check_registry(unchecked)  # nothing of the chunk was written: which rows took a CCCD?
                    bad.extend(row for row in chunk if row.errors)
                    if not bad:
                        raise refused
                    continue
            # After the first bad row nothing more is written; the rest is only checked, so the error file
            # names every bad row.
            check_registry(unchecked)
            bad.extend(row for row in chunk if row.errors)
    timings["write"] = writer.seconds  # this thread's time in writing chunks
    timings["registry"] = registry  # ... in looking up CCCDs in the registry
    timings["settle"] = settling  # ... in looking up units and members and checking the rows against them
    timings["wait"] = time.perf_counter() - started - writer.seconds - registry - settling  # ... and waiting
    if not bad:
        finishing = time.perf_counter()
        writer.finish()
        timings["finish"] = time.perf_counter() - finishing
    return _Result(rows=rows, bad=bad, writer=writer)


def _write(writer: _Writer, chunk: list[Row]) -> Exception | None:
    """Write ``chunk`` in a savepoint. A CCCD already in the registry: nothing of the chunk is written and
    the unique index's refusal is returned (for the caller to find the rows). Any other failure is raised."""
    try:
        with transaction.atomic():
            writer.add(chunk)
    except (IntegrityError, connection.Database.IntegrityError) as exc:  # COPY raises psycopg's own
        if "cccd" not in str(exc):
            raise
        return exc
    return None


_DONE = object()


class _Failed:
    def __init__(self, exc: BaseException):
        self.exc = exc


@contextmanager
def _checked_chunks(check: SheetCheck, timings: dict) -> Iterator[Iterator[list[Row]]]:
    """``check.chunks()`` run in a second thread (pure Python, no database), a few chunks ahead."""
    chunks: queue.Queue = queue.Queue(maxsize=QUEUED_CHUNKS)
    stop = threading.Event()
    language = translation.get_language()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            with translation.override(language):
                for chunk in check.chunks(CHUNK_ROWS):
                    if not put(chunk):
                        return
        except BaseException as exc:  # handed to the importing thread, which raises it
            put(_Failed(exc))
            return
        timings["validate"] = time.perf_counter() - started
        timings["validate_cpu"] = time.thread_time() - cpu
        put(_DONE)

    def items() -> Iterator[list[Row]]:
        while (item := chunks.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.exc
            yield item

    thread = threading.Thread(target=work, name="member-import-check", daemon=True)
    thread.start()
    try:
        yield items()
    finally:
        stop.set()
        thread.join()


class _Writer:
    """Writes checked chunks of new members, with their draft admission lists and the lists' links."""

    def __init__(self, *, actor, unit: Unit, checked: Collection[str] = ()):
        self.actor = actor
        self.unit = unit
        skip = references.skip_allowed()
        self.skip_members = skip and "members" not in checked
        self.skip_links = skip and "links" not in checked
        self.locked: set[int] = set()  # units held until the commit
        self.now = timezone.now()
        self.batches: dict[tuple, AdmissionBatch] = {}  # (unit id, day, decision) -> draft list
        self.per_batch: Counter[int] = Counter()  # list id -> members this import added to it
        self.member_ids: set[int] = set()
        self.updates: list[Row] = []
        self.created = 0
        self.seconds = 0.0

    def add(self, rows: list[Row]) -> None:
        started = time.perf_counter()
        self.updates.extend(row for row in rows if row.is_update)
        new = [row for row in rows if not row.is_update]
        if new:
            units = {row.unit.id: row.unit for row in new if row.unit.id not in self.locked}
            references.lock_units(units.values())
            self.locked.update(units)
            batches = self._draft_batches(new)
            with references.unchecked(self.skip_members):
                member_ids = _insert_members(new, now=self.now)
            list_of = {key: batch.pk for key, batch in batches.items()}
            links = [
                (list_of[(row.unit.id, row.values["admitted_on"], row.values["decision_no"])], member_id)
                for row, member_id in zip(new, member_ids, strict=True)
            ]
            with references.unchecked(self.skip_links):
                _insert(AdmissionBatch.members.through, ["admissionbatch_id", "member_id"], links)
            self.per_batch.update(batch_pk for batch_pk, _member in links)
            self.member_ids.update(member_ids)
            self.created += len(new)
        self.seconds += time.perf_counter() - started

    def finish(self) -> None:
        """After the last chunk: updates of existing members, then the audit events."""
        started = time.perf_counter()
        # Updates that change a counted attribute (gender, birth date, ethnicity…) change past figures too:
        # the tally follows them. New members are pending (no stint yet), so they change no figure.
        counted = [
            row.member.pk
            for row in self.updates
            if any(
                key in row.values
                and row.values[key] not in ("", None)
                and row.values[key] != getattr(row.member, key)
                for key in COUNTED_FIELDS
            )
        ]
        with tally.tracking(member_ids=counted):
            _update_members(self.updates, now=self.now)
        _batch_events(self.batches.values(), self.per_batch, scope=Scope.for_user(self.actor))
        event_record(
            actor=self.actor,
            action="member.import",
            unit=self.unit,
            summary=_("Nhập danh sách đoàn viên từ Excel: %(c)s kết nạp mới, %(u)s cập nhật")
            % {"c": self.created, "u": len(self.updates)},
            after={
                "created": self.created,
                "updated": len(self.updates),
                "batches": [b.pk for b in self.batches.values()],
            },
        )
        self.seconds += time.perf_counter() - started

    def _draft_batches(self, rows: list[Row]) -> dict[tuple, AdmissionBatch]:
        """The draft admission list of each (unit, day, decision): an existing one is added to, as
        member_admit does; the lists of the rows' keys not met in earlier chunks are found or created."""
        batches = self.batches
        keys = {(row.unit.id, row.values["admitted_on"], row.values["decision_no"]) for row in rows}
        keys -= set(batches)
        if not keys:
            return batches
        units = {row.unit.id: row.unit for row in rows}
        found = {}
        existing = AdmissionBatch.objects.filter(
            status=AdmissionBatch.Status.DRAFT, unit_id__in=sorted({unit_id for unit_id, _d, _n in keys})
        )
        for batch in existing.order_by("id"):
            key = (batch.unit_id, batch.admitted_on, batch.decision_no)
            if key in keys:
                found.setdefault(key, batch)
        for (unit_id, _day, _decision), batch in found.items():
            batch.unit = units[unit_id]
        references.lock_batches(found.values())
        created_by = user_or_none(self.actor)
        missing = [
            AdmissionBatch(
                unit=units[unit_id], admitted_on=day, decision_no=decision_no, created_by=created_by
            )
            for unit_id, day, decision_no in sorted(keys - set(found))
        ]
        AdmissionBatch.objects.bulk_create(missing, batch_size=2000)
        for batch in missing:
            found[(batch.unit_id, batch.admitted_on, batch.decision_no)] = batch
        for (unit_id, _day, _decision), batch in found.items():
            batch.unit = units[unit_id]
        batches.update(found)
        return batches


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


def _batch_events(batches, per_batch: dict[int, int], *, scope: Scope) -> None:
    """One "member.admit" audit event per admission list the import added to (the fields event_record sets)."""
    events_record(
        actor=scope.actor,
        action="member.admit",
        items=(
            (
                _("Nhập từ Excel: đề nghị kết nạp %(n)s người vào “%(u)s” từ %(d)s")
                % {"n": per_batch[batch.pk], "u": batch.unit.name, "d": format_date(batch.admitted_on)},
                batch.unit,
                batch,
                batch.decision_no,
            )
            for batch in batches
        ),
    )


__all__ = ["MAX_ERRORS_SHOWN", "ImportOutcome", "_binary_types", "member_import"]
