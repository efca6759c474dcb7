"""The import writes checked chunks while the next ones are checked: still all or nothing.

Chunks are made tiny here (two rows) so a few rows span several chunks, as 100 000 rows do in real life.
"""

import datetime as dt
import threading

import pytest

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.excel import services, validate
from congdoan.members.excel.services import member_import
from congdoan.members.models import AdmissionBatch, Member

from .conftest import person, read_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    monkeypatch.setattr(services, "QUEUED_CHUNKS", 1)


def names(n: int, prefix: str = "Người") -> list[str]:
    return [f"{prefix} Số {chr(65 + i)}" for i in range(n)]


def test_rows_checked_and_written_in_chunks_all_arrive_on_their_lists(tree, xlsx):
    rows = [person(**{"Họ và tên": name}) for name in names(4)]
    rows += [person("LCI.BT.002", **{"Họ và tên": name}) for name in names(3, "Khác")]

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert outcome.ok and (outcome.rows, outcome.created) == (7, 7)
    assert Member.objects.count() == 7
    lists = {b.unit: b for b in AdmissionBatch.objects.all()}
    assert {unit: b.members.count() for unit, b in lists.items()} == {tree.g1: 4, tree.g2: 3}
    assert sorted(outcome.batch_ids) == sorted(b.pk for b in lists.values())
    events = Event.objects.filter(action="member.admit").order_by("object_id")
    assert [e.summary.split(" người")[0][-1] for e in events] == ["4", "3"]
    assert Event.objects.filter(action="member.import").count() == 1
    assert [row[1] for row in outcome.sample] == names(4) + names(3, "Khác")


def test_a_bad_row_after_chunks_were_written_leaves_nothing_and_every_bad_row_is_named(tree, xlsx):
    existing = Member.objects.count()
    rows = [person(**{"Họ và tên": name}) for name in names(7)]
    rows[3]["Giới tính"] = "Khác"  # Excel row 5, in the second chunk: the first was written already
    rows[6]["Ngày sinh"] = "31/02/1990"  # Excel row 8, in the last chunk: checked though nothing is written

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert not outcome.ok and outcome.rows == 7
    assert Member.objects.count() == existing
    assert not AdmissionBatch.objects.exists()
    assert not Event.objects.filter(action__in=["member.admit", "member.import"]).exists()
    errors = read_errors(outcome.error_file)
    assert set(errors) == {5, 8}
    assert "Giới tính" in errors[5] and "Khác" in errors[5]
    assert "Ngày sinh" in errors[8] and "31/02/1990" in errors[8]


def test_a_cccd_repeated_chunks_later_is_a_duplicate_of_its_row_not_of_the_registry(tree, xlsx):
    rows = [person(**{"Họ và tên": name}) for name in names(6)]
    rows[5]["Số CCCD"] = rows[0]["Số CCCD"]  # row 7 repeats row 2, which was written two chunks before

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert dict(outcome.errors) == {7: "Số CCCD: trùng với dòng 2"}
    assert not Member.objects.exists()


def test_an_unexpected_failure_while_checking_stops_the_import_and_writes_nothing(tree, xlsx, monkeypatch):
    checked = validate._check_dates

    def failing(row, day):
        if row.number == 6:
            raise RuntimeError("broken check")
        checked(row, day)

    monkeypatch.setattr(validate, "_check_dates", failing)
    rows = [person(**{"Họ và tên": name}) for name in names(7)]

    with pytest.raises(RuntimeError, match="broken check"):
        member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()
    assert not [t for t in threading.enumerate() if t.name == "member-import-check"]


def _registered(tree, cccd: str, name: str = "Người Đã Có") -> Member:
    return member_services.member_admit(
        scope=Scope.unrestricted(),
        unit=tree.g1,
        admitted_on=dt.date(2020, 1, 1),
        decision_no="1/QĐ",
        full_name=name,
        gender="M",
        date_of_birth=dt.date(1980, 1, 1),
        cccd=cccd,
    )


def test_a_cccd_already_in_the_registry_after_chunks_were_written_is_named_and_nothing_is_kept(tree, xlsx):
    # Clean chunks are written without looking their CCCDs up first: the unique index refuses the taken one.
    _registered(tree, "001080000001")
    _registered(tree, "001080000002", "Người Thứ Hai")  # on the same admission list
    rows = [person(**{"Họ và tên": name}) for name in names(7)]
    rows[3]["Số CCCD"] = "001080000001"  # Excel row 5, second chunk: the first was written already
    rows[6]["Số CCCD"] = "001080000002"  # Excel row 8, last chunk: only checked

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert dict(outcome.errors) == {
        5: "Số CCCD: số 001080000001 đã được dùng cho một đoàn viên khác trong hệ thống",
        8: "Số CCCD: số 001080000002 đã được dùng cho một đoàn viên khác trong hệ thống",
    }
    assert Member.objects.count() == 2 and AdmissionBatch.objects.count() == 1  # the registered ones only
    assert not Event.objects.filter(action="member.import").exists()


def test_an_update_row_giving_a_member_a_cccd_held_by_another_is_named(tree, xlsx):
    other = _registered(tree, "001080000003")
    member = _registered(tree, "001080000004", "Người Sửa")
    member.code = "CD0000000077"
    Member.objects.filter(pk=member.pk).update(code=member.code)
    rows = [person(**{"Họ và tên": name}) for name in names(3)]
    rows.insert(1, {"Mã đoàn viên": member.code, "Số CCCD": other.cccd, "Mã đơn vị": "LCI.BT.001"})

    outcome = member_import(scope=Scope.for_user(tree.commune_officer), unit=tree.bt, path=xlsx(rows))

    assert dict(outcome.errors) == {
        3: "Số CCCD: số 001080000003 đã được dùng cho một đoàn viên khác trong hệ thống"
    }
    member.refresh_from_db()
    assert member.cccd == "001080000004" and Member.objects.count() == 2
