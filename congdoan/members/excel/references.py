"""The rows an import writes reference only what it holds: units and draft lists locked, members it inserted.

Every new member references its grassroots union; every list link references a draft admission list and a
member. The import locks the units (``FOR KEY SHARE``: they cannot be deleted nor their key changed before it
commits) and the existing draft lists (``FOR SHARE``: nor submitted meanwhile); the lists it creates and the
members it inserts are its own, invisible to everyone else. A unit gone or dissolved, or a list gone or
submitted, by then stops the import with a message saying which, and nothing of it is kept.

With those locks PostgreSQL's per-row foreign-key checks can only pass: 100,000 rows queue 300,000 of them
(the member's unit, the link's list and member), run at the commit (≈ 2.4 s on the national registry).
``unchecked()`` writes with ``session_replication_role = replica`` around the ``COPY`` statements only, which
queues no trigger event. Used only when that is provably nothing but those checks (``skip_allowed``): the
role may set the parameter (a superuser, or PostgreSQL 15+ ``GRANT SET ON PARAMETER session_replication_role``),
the tables written have no trigger but the foreign-key ones (replica mode would skip any other) and no
foreign key but those vouched for in ``VOUCHED``. Otherwise the rows are written with the usual checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from congdoan.members.models import AdmissionBatch, Member
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

LINKS = AdmissionBatch.members.through


def vouched() -> set[tuple[str, str]]:
    """(table, column) of each foreign key the import's writes satisfy by construction."""
    member, links = Member._meta.db_table, LINKS._meta.db_table
    return {
        (member, Member._meta.get_field("unit").column),  # a locked unit
        (member, Member._meta.get_field("merged_into").column),  # always NULL for a new member
        (links, "admissionbatch_id"),  # a locked draft list, or one the import created
        (links, "member_id"),  # a member the import inserted
    }


_FOREIGN_KEYS = """
    SELECT c.conrelid::regclass::text, a.attname
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
    WHERE c.contype = 'f' AND c.conrelid = ANY(%s::regclass[])
"""
_OTHER_TRIGGERS = """
    SELECT count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE t.tgrelid = ANY(%s::regclass[]) AND t.tgenabled <> 'D' AND p.proname NOT LIKE 'RI\\_FKey\\_%%'
"""


def unvouched() -> tuple[set[tuple[str, str]], int]:
    """Foreign keys of the written tables not in ``vouched()``, and the number of their other triggers."""
    tables = [Member._meta.db_table, LINKS._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(_FOREIGN_KEYS, [tables])
        keys = {(table.strip('"'), column) for table, column in cursor.fetchall()}
        cursor.execute(_OTHER_TRIGGERS, [tables])
        triggers = cursor.fetchone()[0]
    return keys - vouched(), triggers


def skip_allowed() -> bool:
    """Whether ``unchecked()`` may skip the per-row checks on this connection (see the module's notes)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        if connection.pg_version >= 150000:
            cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
        else:
            cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if not cursor.fetchone()[0]:
            return False
    keys, triggers = unvouched()
    return not keys and not triggers


@contextmanager
def unchecked(skip: bool) -> Iterator[None]:
    """Statements inside queue no foreign-key check when ``skip`` (only with the locks above held)."""
    if not skip:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    yield  # on an error the enclosing savepoint or transaction is rolled back, and the setting with it
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = origin")


def lock_units(units: Iterable[Unit]) -> None:
    """Hold ``units`` until the commit (``FOR KEY SHARE``); a unit gone or dissolved meanwhile stops the import.

    A dissolution (``FOR UPDATE`` of the unit) committed after the rows were checked, or in progress when the
    lock is asked for (it is then waited for and the row read again), leaves the unit inactive: new members
    are refused there, as the row check would have.
    """
    by_id = {unit.pk: unit for unit in units}
    if not by_id:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {Unit._meta.db_table} "  # noqa: S608 - table name
                "WHERE id = ANY(%s) AND status = %s FOR KEY SHARE",
                [sorted(by_id), UnitStatus.ACTIVE],
            )
            found = {pk for (pk,) in cursor.fetchall()}
    else:  # SQLite: the writing transaction holds the whole database
        active = Unit.objects.filter(pk__in=list(by_id), status=UnitStatus.ACTIVE)
        found = set(active.values_list("pk", flat=True))
    gone = sorted((unit.code for pk, unit in by_id.items() if pk not in found), key=str)
    if gone:
        raise ValidationError(
            _(
                "Đơn vị %(codes)s vừa bị xoá hoặc thay đổi trong lúc nhập nên chưa lưu dòng nào. "
                "Hãy kiểm tra lại mã đơn vị rồi tải tệp lên lại."
            )
            % {"codes": ", ".join(gone[:10])}
        )


def lock_batches(batches: Iterable[AdmissionBatch]) -> None:
    """Hold existing draft lists until the commit (``FOR SHARE``: not deleted nor submitted meanwhile)."""
    by_id = {batch.pk: batch for batch in batches}
    if not by_id:
        return
    drafts = AdmissionBatch.objects.filter(pk__in=list(by_id), status=AdmissionBatch.Status.DRAFT)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {AdmissionBatch._meta.db_table} "  # noqa: S608 - table name
                "WHERE id = ANY(%s) AND status = %s FOR SHARE",
                [sorted(by_id), AdmissionBatch.Status.DRAFT],
            )
            found = {pk for (pk,) in cursor.fetchall()}
    else:
        found = set(drafts.values_list("pk", flat=True))
    gone = [batch for pk, batch in sorted(by_id.items()) if pk not in found]
    if gone:
        raise ValidationError(
            _(
                "Danh sách đề nghị kết nạp số %(no)s của %(u)s vừa bị xoá hoặc đã được gửi duyệt trong lúc nhập "
                "nên chưa lưu dòng nào. Hãy tải tệp lên lại."
            )
            % {"no": gone[0].decision_no, "u": gone[0].unit.name}
        )
