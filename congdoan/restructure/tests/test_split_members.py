"""Splitting a grassroots union moves its members: stints end on the last day with reason "restructure" and
continue in the new unit chosen for each member, codes kept; counts as of any past date stay true."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members import stats
from congdoan.members.constants import END_RESTRUCTURE, MemberStatus, StintStart, TransferStatus
from congdoan.members.models import AdmissionBatch, LeaveReason, Member, Membership, UnitMemberCount
from congdoan.members.tests.conftest import admit_active, person
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit
from congdoan.restructure import operations

D = dt.date
DAY = D(2025, 7, 1)
LAST = D(2025, 6, 30)
SYSTEM = Scope.unrestricted()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def crew(tree):
    """Three members of CĐCS Apatit (g1) since 2020."""
    return [
        admit_active(tree.g1, full_name="Nguyễn Văn An"),
        admit_active(tree.g1, full_name="Trần Thị Bình", gender="F"),
        admit_active(tree.g1, full_name="Lê Văn Cường"),
    ]


def split(tree, **kwargs):
    args = {
        "scope": Scope.for_user(tree.commune_officer),
        "source": tree.g1,
        "parts": [{"name": "CĐCS Apatit Mỏ"}, {"name": "CĐCS Apatit Tuyển quặng"}],
        "child_targets": {},
        "effective_on": DAY,
        "decision_no": "88/QĐ-CĐX",
        **kwargs,
    }
    return operations.unit_split(**args)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def registry_state() -> dict:
    return {
        "stints": list(
            Membership.objects.order_by("pk").values_list("pk", "member_id", "unit_id", "valid_to")
        ),
        "members": list(Member.objects.order_by("pk").values_list("pk", "unit_id", "code", "status")),
        "units": Unit.objects.count(),
        "events": Event.objects.count(),
    }


def test_splitting_moves_each_member_to_the_new_union_chosen_and_counts_stay_true_on_both_sides(tree, crew):
    an, binh, cuong = crew
    codes = [m.code for m in crew]
    mo, tuyen = split(tree, member_targets={cuong.pk: 1})

    assert [fresh(m).unit for m in crew] == [mo, mo, tuyen]
    assert [fresh(m).code for m in crew] == codes
    assert all(fresh(m).status == MemberStatus.ACTIVE for m in crew)
    old = Membership.objects.get(member=an, unit=tree.g1)
    assert (old.valid_to, old.end_reason.code, old.end_decision_no) == (LAST, END_RESTRUCTURE, "88/QĐ-CĐX")
    new = Membership.objects.get(member=an, valid_to__isnull=True)
    assert (new.unit, new.valid_from, new.start_kind, new.decision_no) == (
        mo,
        DAY,
        StintStart.RESTRUCTURE,
        "88/QĐ-CĐX",
    )
    # The day before, everyone counts in the old union; from the split day, in the new ones.
    assert stats.total_on(unit=tree.g1, on=LAST) == 3
    assert stats.total_on(unit=tree.g1, on=DAY) == 0
    assert (stats.total_on(unit=mo, on=LAST), stats.total_on(unit=tuyen, on=LAST)) == (0, 0)
    assert (stats.total_on(unit=mo, on=DAY), stats.total_on(unit=tuyen, on=DAY)) == (2, 1)
    assert stats.total_on(unit=tree.bt, on=LAST) == stats.total_on(unit=tree.bt, on=DAY) == 3
    assert stats.total_on(unit=tree.g1, on=D(2023, 1, 1)) == 3
    counts = dict(UnitMemberCount.objects.values_list("unit_id", "total"))
    assert (counts.get(tree.g1.pk, 0), counts[mo.pk], counts[tuyen.pk]) == (0, 2, 1)
    event = Event.objects.get(action="member.follow_split")
    assert event.after["members"] == {mo.code: sorted(codes[:2]), tuyen.code: [codes[2]]}
    assert "Apatit Tuyển quặng" in event.summary


def test_by_default_every_member_goes_to_the_first_new_union(tree, crew):
    mo, tuyen = split(tree)
    assert set(Member.objects.filter(pk__in=[m.pk for m in crew]).values_list("unit_id", flat=True)) == {
        mo.pk
    }
    assert stats.total_on(unit=mo, on=DAY) == 3


def test_a_member_left_without_a_new_union_is_refused_by_name_and_nothing_is_saved(tree, crew):
    an, binh, cuong = crew
    before = registry_state()
    with pytest.raises(ValidationError) as exc:
        split(tree, member_targets={an.pk: 0}, members_to=None)
    text = " ".join(exc.value.message_dict["member_targets"])
    assert "Trần Thị Bình" in text and "Lê Văn Cường" in text and "Nguyễn Văn An" not in text
    assert registry_state() == before
    assert fresh(tree.g1).status == UnitStatus.ACTIVE
    assert stats.total_on(unit=tree.g1, on=DAY) == 3


def test_moving_a_member_to_a_part_that_does_not_exist_is_refused(tree, crew):
    before = registry_state()
    with pytest.raises(ValidationError) as exc:
        split(tree, member_targets={crew[0].pk: 2})
    assert "Nguyễn Văn An" in " ".join(exc.value.message_dict["member_targets"])
    assert registry_state() == before


def test_the_members_service_refuses_someone_who_is_not_in_the_union(tree, crew):
    outsider = admit_active(tree.g2, full_name="Hoàng Văn Dũng")
    with pytest.raises(ValidationError) as exc:
        member_services.stints_follow_unit_split(
            unit=tree.g1,
            last_day=LAST,
            assignments={**{m.pk: tree.g3 for m in crew}, outsider.pk: tree.g3},
            scope=Scope.unrestricted(),
        )
    assert "Hoàng Văn Dũng" in " ".join(exc.value.message_dict["member_targets"])


def test_stints_recorded_ahead_of_the_split_follow_the_member_without_a_day_in_the_old_union(tree, crew):
    an, binh, cuong = crew
    # Bình's leaving is already recorded for 30/09/2025: she counts in the new union until then.
    retired = LeaveReason.objects.get(code="retired")
    member_services.member_leave(
        scope=SYSTEM, member=binh, left_on=D(2025, 9, 30), reason=retired, decision_no="L/1"
    )
    # Dũng transfers in from 01/08/2025, after the split: his stint never ran in the old union.
    dung = admit_active(tree.g2, full_name="Hoàng Văn Dũng")
    member_services.member_transfer(
        scope=SYSTEM, member=dung, to_unit=tree.g1, effective_on=D(2025, 8, 1), decision_no="T/1"
    )
    mo, tuyen = split(tree, member_targets={dung.pk: 1})

    ended = Membership.objects.get(member=binh, unit=tree.g1)
    assert (ended.valid_to, ended.end_reason.code) == (LAST, END_RESTRUCTURE)
    carried = Membership.objects.get(member=binh, unit=mo)
    assert (carried.valid_from, carried.valid_to, carried.end_reason.code) == (DAY, D(2025, 9, 30), "retired")
    assert fresh(binh).status == MemberStatus.LEFT and fresh(binh).unit == mo
    moved = Membership.objects.get(member=dung, valid_to__isnull=True)
    assert (moved.unit, moved.valid_from, moved.start_kind, moved.decision_no) == (
        tuyen,
        D(2025, 8, 1),
        StintStart.TRANSFER,
        "T/1",
    )
    assert not Membership.objects.filter(member=dung, unit=tree.g1).exists()
    assert fresh(dung).unit == tuyen
    assert stats.total_on(unit=mo, on=D(2025, 9, 30)) == 3
    assert stats.total_on(unit=mo, on=D(2025, 10, 1)) == 2
    assert stats.total_on(unit=tuyen, on=D(2025, 8, 1)) == 1
    assert stats.total_on(unit=tree.g2, on=D(2025, 7, 31)) == 1


def test_an_admission_list_waiting_for_approval_must_be_decided_before_the_split(tree, crew):
    pending = member_services.member_admit(
        scope=SYSTEM,
        unit=tree.g1,
        admitted_on=D(2025, 5, 1),
        decision_no="K/9",
        **person(full_name="Đỗ Thị Em"),
    )
    batch = AdmissionBatch.objects.get(members=pending)
    member_services.batch_submit(scope=SYSTEM, batch=batch)
    before = registry_state()
    with pytest.raises(ValidationError) as exc:
        split(tree)
    assert "01/05/2025" in " ".join(exc.value.message_dict["member_targets"])
    assert registry_state() == before
    # Once approved, the new member is split like everyone else.
    member_services.batch_approve(scope=SYSTEM, batch=batch, decision_no="D/9")
    mo, _tuyen = split(tree)
    assert fresh(pending).unit == mo and stats.total_on(unit=mo, on=DAY) == 4


def test_a_pending_transfer_out_of_the_old_union_can_still_be_accepted_after_the_split(tree, crew):
    an = crew[0]
    request = member_services.member_transfer(
        scope=Scope(user_id=None, roots=((tree.g1.path, "officer"),)),
        member=an,
        to_unit=tree.g4,
        effective_on=D(2025, 9, 1),
        decision_no="CT/1",
    )
    mo, _tuyen = split(tree)
    member_services.transfer_accept(scope=SYSTEM, request=request)
    assert fresh(request).status == TransferStatus.ACCEPTED
    assert fresh(an).unit == tree.g4
    assert stats.total_on(unit=mo, on=D(2025, 8, 31)) == 3
    assert stats.total_on(unit=tree.g4, on=D(2025, 9, 1)) == 1


def test_splitting_a_commune_still_moves_no_members(tree, crew):
    new = operations.unit_split(
        scope=Scope.for_user(tree.province_officer),
        source=tree.bt,
        parts=[{"name": "Công đoàn xã Bảo Thắng"}, {"name": "Công đoàn xã Phong Hải"}],
        child_targets={tree.g1.pk: 0, tree.g2.pk: 1},
        effective_on=DAY,
        decision_no="1021/QĐ",
    )
    assert all(fresh(m).unit == tree.g1 for m in crew)
    assert stats.total_on(unit=new[0], on=DAY) == 3
    assert not Event.objects.filter(action="member.follow_split").exists()


def test_the_statistics_ledger_after_a_split_equals_a_rebuild_from_the_stints(tree, crew):
    from congdoan.members.derived import tally
    from congdoan.members.models import MemberTally

    def ledger():
        rows = MemberTally.objects.order_by("unit_id", "day").values()
        changes = [{k: v for k, v in r.items() if k not in ("id", "unit_id", "day") and v} for r in rows]
        return [(r["unit_id"], r["day"], c) for r, c in zip(rows, changes, strict=True) if c]

    split(tree, member_targets={crew[2].pk: 1})
    kept = ledger()
    tally.rebuild()
    assert kept == ledger()


# -- the split page -------------------------------------------------------------------------------
def test_the_split_page_lists_the_members_and_moves_them_as_the_officer_chose(tree, crew, login):
    an, binh, cuong = crew
    client = login(tree.commune_officer)
    page = client.get(f"/units/{tree.g1.pk}/split/").content.decode()
    assert all(m.code in page and m.full_name in page for m in crew)
    assert 'name="members_to"' in page and 'name="member_targets"' in page
    response = client.post(
        f"/units/{tree.g1.pk}/split/",
        {
            "part_names": "CĐCS Apatit Mỏ\nCĐCS Apatit Tuyển quặng",
            "members_to": "2",
            # Pasted from Excel: code, tab, part number; a lower-case code is fine.
            "member_targets": f"{an.code}\t1\n\n{binh.code.lower()}, 1",
            "effective_on": "2025-07-01",
            "decision_no": "88/QĐ-CĐX",
        },
    )
    assert response.status_code == 302
    mo, tuyen = Unit.objects.get(name="CĐCS Apatit Mỏ"), Unit.objects.get(name="CĐCS Apatit Tuyển quặng")
    assert [fresh(m).unit for m in crew] == [mo, mo, tuyen]
    assert stats.total_on(unit=tree.g1, on=LAST) == 3


def test_the_split_page_names_the_bad_line_and_changes_nothing(tree, crew, login):
    client = login(tree.commune_officer)
    before = registry_state()
    data = {
        "part_names": "CĐCS Apatit Mỏ\nCĐCS Apatit Tuyển quặng",
        "members_to": "1",
        "effective_on": "2025-07-01",
        "decision_no": "88/QĐ-CĐX",
    }
    page = client.post(
        f"/units/{tree.g1.pk}/split/", {**data, "member_targets": f"{crew[0].code} 2\nCD9999999999 1"}
    ).content.decode()
    assert "Dòng 2: công đoàn này không có đoàn viên mã “CD9999999999”." in page
    page = client.post(
        f"/units/{tree.g1.pk}/split/", {**data, "member_targets": f"{crew[0].code} 3"}
    ).content.decode()
    assert "Đơn vị mới tiếp nhận không hợp lệ cho đoàn viên: Nguyễn Văn An" in page
    assert registry_state() == before
