"""The import locks the units and draft lists it writes to; one gone meanwhile stops it, nothing saved.

On PostgreSQL the per-row foreign-key checks are skipped while the locks vouch for every reference
(``references``): these tests make a reference bad after the rows were checked, which those checks would
otherwise have caught at the commit. Chunks are tiny so the bad reference comes after rows were written.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members.excel import references, services
from congdoan.members.excel.services import member_import
from congdoan.members.excel.validate import SheetCheck
from congdoan.members.models import AdmissionBatch, Member

from .conftest import person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    monkeypatch.setattr(services, "QUEUED_CHUNKS", 1)


def rows_for(units: list[str]) -> list[dict]:
    return [person(unit, **{"Họ và tên": f"Người Số {chr(65 + i)}"}) for i, unit in enumerate(units)]


def test_a_unit_gone_after_the_check_stops_the_import_naming_it_and_nothing_is_kept(tree, xlsx, monkeypatch):
    lookup = SheetCheck.lookup

    def then_gone(self, rows):  # as if another officer deleted the union between the check and the write
        lookup(self, rows)
        if "LCI.BT.002" in self._units:
            self._units["LCI.BT.002"].pk = self._units["LCI.BT.002"].id = 10**9

    monkeypatch.setattr(SheetCheck, "lookup", then_gone)
    rows = rows_for(["LCI.BT.001"] * 4 + ["LCI.BT.002"])  # the third chunk names it: two were written

    with pytest.raises(ValidationError) as refused:
        member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert (
        "Đơn vị LCI.BT.002 vừa bị xoá hoặc thay đổi trong lúc nhập nên chưa lưu dòng nào"
        in refused.value.messages[0]
    )
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
    assert not Event.objects.filter(action__in=["member.admit", "member.import"]).exists()


@pytest.mark.parametrize("change", ["deleted", "submitted"])
def test_a_draft_list_gone_before_the_write_stops_the_import_and_the_list_is_as_it_was(
    tree, xlsx, draft, monkeypatch, change
):
    batch, earlier = draft, draft.earlier  # the list the file's rows belong on: 12/QĐ-CĐCS of 01/03/2024
    lock = references.lock_batches

    def changed_first(batches):  # as if it changed between finding it and locking it
        found = AdmissionBatch.objects.filter(pk__in=[b.pk for b in batches])
        found.delete() if change == "deleted" else found.update(status=AdmissionBatch.Status.SUBMITTED)
        lock(batches)

    monkeypatch.setattr(references, "lock_batches", changed_first)

    with pytest.raises(ValidationError) as refused:
        member_import(
            scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows_for(["LCI.BT.001"] * 3))
        )

    assert refused.value.messages == [
        f"Danh sách đề nghị kết nạp số 12/QĐ-CĐCS của {tree.g1.name} vừa bị xoá hoặc đã được gửi duyệt trong "
        "lúc nhập nên chưa lưu dòng nào. Hãy tải tệp lên lại."
    ]
    batch.refresh_from_db()
    assert batch.status == AdmissionBatch.Status.DRAFT and list(batch.members.all()) == [earlier]
    assert list(Member.objects.all()) == [earlier]


@pytest.mark.parametrize("checked", [(), ("members",), ("links",), ("members", "links")])
def test_rows_written_with_or_without_the_per_row_checks_are_the_same(tree, xlsx, checked):
    rows = rows_for(["LCI.BT.001", "LCI.BT.002", "LCI.BT.001"])

    outcome = member_import(
        scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows), checked=checked
    )

    assert outcome.ok and outcome.created == 3
    lists = {b.unit.code: sorted(m.full_name for m in b.members.all()) for b in AdmissionBatch.objects.all()}
    assert lists == {"LCI.BT.001": ["Người Số A", "Người Số C"], "LCI.BT.002": ["Người Số B"]}
    assert {m.unit.code for m in Member.objects.all()} == {"LCI.BT.001", "LCI.BT.002"}


def test_checks_are_skipped_only_while_every_reference_and_trigger_is_accounted_for(db):
    if connection.vendor != "postgresql":  # SQLite writes with its own checks, always
        assert not references.skip_allowed()
        return
    # A foreign key or trigger added to the written tables later must be vouched for here first.
    assert references.unvouched() == (set(), 0)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION test_noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; "
            "CREATE TRIGGER test_noop AFTER INSERT ON members_member FOR EACH ROW EXECUTE FUNCTION test_noop()"
        )
    assert references.unvouched() == (set(), 1)
    assert not references.skip_allowed()  # replica mode would skip that trigger too


def test_on_postgresql_the_rows_are_written_without_the_per_row_checks_when_allowed(tree, xlsx, monkeypatch):
    used = []
    unchecked = references.unchecked

    def spy(skip):
        used.append(skip)
        return unchecked(skip)

    monkeypatch.setattr(references, "unchecked", spy)

    member_import(
        scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows_for(["LCI.BT.001"]))
    )

    # a superuser (as the tests connect) or a role granted SET ON PARAMETER session_replication_role
    assert used == [references.skip_allowed()] * 2
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('is_superuser') = 'on'")
            superuser = cursor.fetchone()[0]
        assert used[0] or not superuser  # a superuser always may
