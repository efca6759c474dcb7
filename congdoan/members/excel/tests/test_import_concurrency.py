"""Another officer changes a unit or a draft list while an import writes to it, on two real connections.

The import holds the units (``FOR KEY SHARE``) and draft lists (``FOR SHARE``) it writes to, and on
PostgreSQL may skip the per-row foreign-key checks because of those locks (``references``). Here a second
connection (a thread: Django gives each its own) deletes, dissolves or submits them:

- while the import holds its locks: the other officer waits for the import's commit, then either succeeds
  (dissolve, submit) or is refused by the database (delete: rows now reference the unit or list); the import
  is complete either way;
- committed between the import's check and its lock: the import stops with the message naming the unit or
  list and saves nothing;
- in progress (not committed) when the import comes to lock: the import waits, then stops the same way.

No row may ever reference a missing unit, list or member (``orphans``). Waiting is observed in the
server's lock manager (``pg_blocking_pids``), never assumed after a delay. Last, the deployment step of
docs/operations.md: a non-superuser role skips the checks only once granted ``SET ON PARAMETER``.

PostgreSQL only: SQLite lets one writer in at a time for the whole database, so no second writer can act
while an import is under way, and the import takes no row lock there.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.excel import references, services
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit
from congdoan.restructure import operations

from .conftest import person

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite admits one writer at a time for the whole database: no second writer can interleave",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # keeps the migrations' data
]

GIVE_UP = 60.0  # seconds: a guard against a hung test, never an expected duration


@pytest.fixture(autouse=True)
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    monkeypatch.setattr(services, "QUEUED_CHUNKS", 1)


def rows_for(units: list[str]) -> list[dict]:
    return [person(unit, **{"Họ và tên": f"Người Số {chr(65 + i)}"}) for i, unit in enumerate(units)]


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def wait_blocked(waiter: int, holder: int, *, unless: threading.Thread | None = None) -> None:
    """Return once backend ``waiter`` waits for a lock ``holder`` holds (asked on this thread's connection);
    fail if thread ``unless`` ends first (it was not held up at all)."""
    deadline = time.monotonic() + GIVE_UP
    while True:
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [holder, waiter])
            if cursor.fetchone()[0]:
                return
        if unless is not None and not unless.is_alive():
            pytest.fail("the other officer was not held up by the import's lock")
        assert time.monotonic() < deadline, "gave up waiting for the lock wait (test guard)"
        time.sleep(0.005)  # between two looks at the lock manager; nothing relies on its length


class Officer(threading.Thread):
    """Another officer's request on its own connection: ``action()`` in a transaction, committed when it
    returns (after ``before_commit()``). ``error`` holds what it raised, the commit's refusal included."""

    def __init__(self, action, before_commit=None):
        super().__init__(name="other-officer", daemon=True)
        self.action, self.before_commit = action, before_commit
        self.pid: int | None = None
        self.ready = threading.Event()  # pid known, transaction about to start
        self.done_work = threading.Event()  # action done, not committed yet
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.pid = backend_pid()
            self.ready.set()
            with transaction.atomic():
                self.action()
                self.done_work.set()
                if self.before_commit:
                    self.before_commit()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            self.error = exc
        finally:
            self.ready.set()
            self.done_work.set()
            connection.close()

    def begin(self) -> Officer:
        self.start()
        self.ready.wait()
        return self

    def finish(self) -> None:
        self.join(GIVE_UP)
        assert not self.is_alive(), "the other officer never finished (test guard)"


def orphans() -> int:
    """Rows referencing a unit, list or member that does not exist (joined to the referenced tables)."""
    member, unit, batch = Member._meta.db_table, Unit._meta.db_table, AdmissionBatch._meta.db_table
    links = AdmissionBatch.members.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT (SELECT count(*) FROM {member} m LEFT JOIN {unit} u ON u.id = m.unit_id WHERE u.id IS NULL)
                     + (SELECT count(*) FROM {links} l LEFT JOIN {batch} b ON b.id = l.admissionbatch_id
                        WHERE b.id IS NULL)
                     + (SELECT count(*) FROM {links} l LEFT JOIN {member} m ON m.id = l.member_id
                        WHERE m.id IS NULL)"""  # noqa: S608 - table names
        )
        return cursor.fetchone()[0]


def hook(monkeypatch, name: str, *, code: str, before=None, after=None) -> None:
    """Run ``before``/``after`` around the import's ``references.<name>`` the first time it holds ``code``."""
    real = getattr(references, name)
    fired = []

    def wrapped(items):
        items = list(items)
        ours = not fired and any(
            getattr(item, "code", None) == code or getattr(item, "decision_no", None) == code
            for item in items
        )
        if ours:
            fired.append(True)
            if before:
                before()
        real(items)
        if ours and after:
            after()

    monkeypatch.setattr(references, name, wrapped)


def nothing_saved() -> None:
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
    assert not Event.objects.filter(action__in=["member.admit", "member.import"]).exists()


def import_rows(tree, units):
    return member_import(
        scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=tree.xlsx(rows_for(units))
    )


@pytest.fixture
def tree(tree, xlsx):
    tree.xlsx = xlsx
    return tree


def delete_unit(unit):
    return lambda: Unit.objects.filter(pk=unit.pk).delete()


def dissolve_unit(tree, unit):
    return lambda: operations.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=unit,
        dissolved_on=dt.date(2025, 1, 1),
        decision_no="99/QĐ-LĐLĐ",
    )


# Units: the third chunk (rows 5-6) is the first naming LCI.BT.002, after two chunks were written.
UNITS = ["LCI.BT.001"] * 4 + ["LCI.BT.002"] * 2


def test_a_unit_deleted_while_the_import_holds_it_waits_and_is_refused_the_import_complete(tree, monkeypatch):
    officer = Officer(delete_unit(tree.g2))

    def meanwhile():  # the import holds LCI.BT.002, its rows are about to be written
        officer.begin()
        wait_blocked(officer.pid, backend_pid(), unless=officer)

    hook(monkeypatch, "lock_units", code="LCI.BT.002", after=meanwhile)

    outcome = import_rows(tree, UNITS)
    officer.finish()

    assert outcome.ok and outcome.created == 6
    assert isinstance(officer.error, IntegrityError)  # its delete ran after the commit: members reference it
    assert Unit.objects.filter(pk=tree.g2.pk).exists()
    assert Member.objects.filter(unit=tree.g2).count() == 2
    assert orphans() == 0


def test_a_unit_dissolved_while_the_import_holds_it_waits_then_is_dissolved(tree, monkeypatch):
    officer = Officer(dissolve_unit(tree, tree.g2))

    def meanwhile():
        officer.begin()
        wait_blocked(officer.pid, backend_pid(), unless=officer)

    hook(monkeypatch, "lock_units", code="LCI.BT.002", after=meanwhile)

    outcome = import_rows(tree, UNITS)
    officer.finish()

    assert outcome.ok and outcome.created == 6
    assert officer.error is None
    tree.g2.refresh_from_db()
    assert tree.g2.status == UnitStatus.DISSOLVED
    assert Member.objects.filter(unit=tree.g2).count() == 2  # admitted before it was dissolved
    assert orphans() == 0


@pytest.mark.parametrize("change", ["deleted", "dissolved"])
def test_a_unit_changed_between_the_check_and_the_lock_stops_the_import_naming_it(tree, monkeypatch, change):
    action = delete_unit(tree.g2) if change == "deleted" else dissolve_unit(tree, tree.g2)
    officer = Officer(action)

    def first():  # committed before the import locks it
        officer.begin()
        officer.finish()
        assert officer.error is None

    hook(monkeypatch, "lock_units", code="LCI.BT.002", before=first)

    with pytest.raises(ValidationError) as refused:
        import_rows(tree, UNITS)

    assert refused.value.messages == [
        "Đơn vị LCI.BT.002 vừa bị xoá hoặc thay đổi trong lúc nhập nên chưa lưu dòng nào. "
        "Hãy kiểm tra lại mã đơn vị rồi tải tệp lên lại."
    ]
    nothing_saved()
    assert orphans() == 0


@pytest.mark.parametrize("change", ["deleted", "dissolved"])
def test_a_unit_being_changed_when_the_import_locks_it_makes_the_import_wait_then_stop(
    tree, monkeypatch, change
):
    importer = []
    action = delete_unit(tree.g2) if change == "deleted" else dissolve_unit(tree, tree.g2)
    officer = Officer(action, before_commit=lambda: wait_blocked(importer[0], officer.pid))

    def first():  # the other officer has changed it, not committed yet; it commits once the import waits
        importer.append(backend_pid())
        officer.begin()
        officer.done_work.wait()
        assert officer.error is None

    hook(monkeypatch, "lock_units", code="LCI.BT.002", before=first)

    with pytest.raises(ValidationError) as refused:
        import_rows(tree, UNITS)
    officer.finish()

    assert officer.error is None
    assert "Đơn vị LCI.BT.002 vừa bị xoá hoặc thay đổi" in refused.value.messages[0]
    nothing_saved()
    assert orphans() == 0


# -- draft admission lists ----------------------------------------------------------------------------


def delete_list(batch):
    return lambda: AdmissionBatch.objects.filter(pk=batch.pk).delete()


def submit_list(tree, batch):
    return lambda: member_services.batch_submit(scope=Scope.for_user(tree.grassroots_officer), batch=batch)


def test_a_draft_list_submitted_while_the_import_holds_it_waits_and_sends_every_row(tree, draft, monkeypatch):
    # batch_submit waits at the list's unit (it locks both FOR UPDATE), held by the import since its first chunk
    officer = Officer(submit_list(tree, draft))

    def meanwhile():
        officer.begin()
        wait_blocked(officer.pid, backend_pid(), unless=officer)

    hook(monkeypatch, "lock_batches", code="12/QĐ-CĐCS", after=meanwhile)

    outcome = import_rows(tree, ["LCI.BT.001"] * 4)
    officer.finish()

    assert outcome.ok and outcome.created == 4 and outcome.batch_ids == [draft.pk]
    assert officer.error is None
    draft.refresh_from_db()
    assert draft.status == AdmissionBatch.Status.SUBMITTED
    assert draft.members.count() == 5  # the person already on it and the four imported
    assert orphans() == 0


def test_a_draft_list_deleted_while_the_import_holds_it_is_refused_the_import_complete(
    tree, draft, monkeypatch
):
    officer = Officer(delete_list(draft))

    def meanwhile():
        officer.begin()
        wait_blocked(officer.pid, backend_pid(), unless=officer)

    hook(monkeypatch, "lock_batches", code="12/QĐ-CĐCS", after=meanwhile)

    outcome = import_rows(tree, ["LCI.BT.001"] * 4)
    officer.finish()

    assert outcome.ok and outcome.created == 4
    assert isinstance(officer.error, IntegrityError)  # the imported links reference it
    assert sorted(m.full_name for m in AdmissionBatch.objects.get(pk=draft.pk).members.all()) == [
        "Người Số A",
        "Người Số B",
        "Người Số C",
        "Người Số D",
        "Người Đã Có",
    ]
    assert orphans() == 0


def test_a_draft_list_deleted_between_finding_and_locking_it_stops_the_import(tree, draft, monkeypatch):
    officer = Officer(delete_list(draft))

    def first():
        officer.begin()
        officer.finish()
        assert officer.error is None

    hook(monkeypatch, "lock_batches", code="12/QĐ-CĐCS", before=first)

    with pytest.raises(ValidationError) as refused:
        import_rows(tree, ["LCI.BT.001"] * 4)

    assert refused.value.messages == [
        f"Danh sách đề nghị kết nạp số 12/QĐ-CĐCS của {tree.g1.name} vừa bị xoá hoặc đã được gửi duyệt trong "
        "lúc nhập nên chưa lưu dòng nào. Hãy tải tệp lên lại."
    ]
    assert list(Member.objects.all()) == [draft.earlier]
    assert not AdmissionBatch.objects.exists()
    assert not Event.objects.filter(action="member.import").exists()
    assert orphans() == 0


def test_a_draft_list_being_submitted_when_the_import_starts_writing_gets_none_of_its_rows(
    tree, draft, monkeypatch
):
    """``batch_submit`` locks the list's unit too (``FOR UPDATE``): the import waits at its unit lock, then
    finds the list submitted and puts the rows on a new draft list. (The same submit after the unit lock
    waits for the import: see the test above; a list cannot be submitted between finding and locking it.)"""
    importer = []
    officer = Officer(submit_list(tree, draft), before_commit=lambda: wait_blocked(importer[0], officer.pid))

    def first():
        importer.append(backend_pid())
        officer.begin()
        officer.done_work.wait()
        assert officer.error is None

    hook(monkeypatch, "lock_units", code="LCI.BT.001", before=first)

    outcome = import_rows(tree, ["LCI.BT.001"] * 4)
    officer.finish()

    assert officer.error is None and outcome.ok and outcome.created == 4
    draft.refresh_from_db()
    assert draft.status == AdmissionBatch.Status.SUBMITTED and list(draft.members.all()) == [draft.earlier]
    new = AdmissionBatch.objects.get(pk__in=outcome.batch_ids)
    assert new.pk != draft.pk and new.status == AdmissionBatch.Status.DRAFT
    assert (new.unit_id, new.admitted_on, new.decision_no) == (tree.g1.pk, dt.date(2024, 3, 1), "12/QĐ-CĐCS")
    assert new.members.count() == 4
    assert orphans() == 0


# -- the deployment step (docs/operations.md) ---------------------------------------------------------------


@pytest.mark.django_db  # rolled back: the role and its grants go with the test
@pytest.mark.parametrize("granted", [False, True])
def test_an_app_role_writes_without_the_per_row_checks_only_once_granted_the_parameter(
    tree, monkeypatch, granted
):
    role = f"congdoan_import_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOSUPERUSER")
        cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
        cursor.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
        if granted:
            cursor.execute(f"GRANT SET ON PARAMETER session_replication_role TO {role}")
        cursor.execute(f"SET LOCAL ROLE {role}")  # the application's role, as in production
        cursor.execute(
            "SELECT has_parameter_privilege('session_replication_role', 'SET')"
        )  # the documented check
        assert cursor.fetchone()[0] is granted
    used = []
    unchecked = references.unchecked
    monkeypatch.setattr(references, "unchecked", lambda skip: used.append(skip) or unchecked(skip))

    outcome = import_rows(tree, ["LCI.BT.001", "LCI.BT.002", "LCI.BT.001"])

    assert outcome.ok and outcome.created == 3  # with or without the grant
    assert used and set(used) == {granted}  # each chunk's members and links: unchecked only if granted
    assert {m.unit.code for m in Member.objects.all()} == {"LCI.BT.001", "LCI.BT.002"}
    assert orphans() == 0
