import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import CardStatus, MemberStatus, StintStart, TransferStatus
from congdoan.members.models import AdmissionBatch, LeaveReason, Member, Membership, TransferRequest
from congdoan.restructure import operations

from .conftest import SYSTEM, admit_active, person

D = dt.date


def scope_of(user):
    return Scope.for_user(user)


def reason(code):
    return LeaveReason.objects.get(code=code)


def test_leave_reasons_are_seeded_in_vietnamese(db):
    names = dict(LeaveReason.objects.values_list("code", "name"))
    assert names["retired"] == "Nghỉ hưu"
    assert names["unit_dissolved"] == "Đơn vị giải thể"
    assert len(names) == 8


def test_an_admitted_member_waits_without_code_until_the_level_above_approves(tree):
    m = services.member_admit(
        scope=Scope.for_user(tree.grassroots_officer),
        unit=tree.g1,
        admitted_on=D(2024, 3, 1),
        decision_no="01/QĐ-CĐCS",
        **person(full_name="Trần Thị Bình", gender="F"),
    )
    assert m.status == MemberStatus.PENDING and m.code is None
    assert not Membership.objects.filter(member=m).exists()
    batch = AdmissionBatch.objects.get(members=m)
    assert batch.status == AdmissionBatch.Status.DRAFT
    services.batch_submit(scope=Scope.for_user(tree.grassroots_officer), batch=batch)
    with pytest.raises(PermissionDenied):  # the grassroots union cannot approve its own list
        services.batch_approve(
            scope=Scope.for_user(tree.grassroots_officer), batch=batch, decision_no="02/QĐ"
        )
    services.batch_approve(scope=Scope.for_user(tree.commune_officer), batch=batch, decision_no="15/QĐ-CĐX")
    m.refresh_from_db()
    assert m.status == MemberStatus.ACTIVE
    assert m.code.startswith("CD") and len(m.code) == 12
    stint = Membership.objects.get(member=m)
    assert (stint.unit, stint.valid_from, stint.valid_to, stint.start_kind) == (
        tree.g1,
        D(2024, 3, 1),
        None,
        StintStart.ADMIT,
    )
    assert Event.objects.filter(action="batch.approve", decision_no="15/QĐ-CĐX").exists()


def test_a_returned_list_gives_members_back_with_the_reason_and_can_be_sent_again(tree):
    m = services.member_admit(
        scope=Scope.for_user(tree.grassroots_officer),
        unit=tree.g1,
        admitted_on=D(2024, 3, 1),
        decision_no="01",
        **person(),
    )
    batch = AdmissionBatch.objects.get(members=m)
    services.batch_submit(scope=Scope.for_user(tree.grassroots_officer), batch=batch)
    with pytest.raises(ValidationError, match="lý do"):
        services.batch_return(scope=Scope.for_user(tree.province_officer), batch=batch, reason=" ")
    services.batch_return(
        scope=Scope.for_user(tree.province_officer), batch=batch, reason="Thiếu đơn xin gia nhập"
    )
    batch.refresh_from_db()
    m.refresh_from_db()
    assert batch.status == AdmissionBatch.Status.RETURNED and batch.return_reason == "Thiếu đơn xin gia nhập"
    assert m.status == MemberStatus.RETURNED and m.code is None
    services.batch_submit(scope=Scope.for_user(tree.grassroots_officer), batch=batch)
    m.refresh_from_db()
    assert m.status == MemberStatus.PENDING


def test_codes_are_never_reused_after_a_member_is_deleted(tree):
    first = admit_active(tree.g1)
    first_code = first.code
    Member.objects.filter(pk=first.pk).delete()
    second = admit_active(tree.g1)
    assert second.code != first_code
    assert int(second.code[2:]) == int(first_code[2:]) + 1


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"cccd": "12345"}, "cccd", "12 chữ số"),
        ({"date_of_birth": D(2012, 1, 1)}, "date_of_birth", "đủ 15 tuổi"),
        ({"full_name": "  "}, "full_name", "họ và tên"),
        ({"party_status": "admitted"}, "party_admitted_on", "ngày vào Đảng"),
    ],
)
def test_invalid_personal_data_is_refused_naming_the_field(tree, overrides, field, message):
    with pytest.raises(ValidationError) as exc:
        services.member_admit(
            scope=Scope.for_user(tree.grassroots_officer),
            unit=tree.g1,
            admitted_on=D(2024, 3, 1),
            decision_no="01",
            **person(**overrides),
        )
    assert field in exc.value.message_dict
    assert message in " ".join(exc.value.message_dict[field])
    assert not Member.objects.exists() and not AdmissionBatch.objects.exists()


def test_a_cccd_already_used_is_refused(tree):
    admit_active(tree.g1, cccd="001234567890")
    with pytest.raises(ValidationError, match="đã có trong hệ thống"):
        services.member_admit(
            scope=Scope.for_user(tree.commune_officer),
            unit=tree.g2,
            admitted_on=D(2024, 3, 1),
            decision_no="01",
            **person(cccd="001234567890"),
        )
    assert Member.objects.count() == 1


def test_admitting_outside_scope_or_into_a_non_grassroots_unit_is_refused(tree):
    with pytest.raises(PermissionDenied):
        services.member_admit(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g4,
            admitted_on=D(2024, 3, 1),
            decision_no="01",
            **person(),
        )
    with pytest.raises(ValidationError, match="không phải công đoàn cơ sở"):
        services.member_admit(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.bt,
            admitted_on=D(2024, 3, 1),
            decision_no="01",
            **person(),
        )
    with pytest.raises(ValidationError, match="không tồn tại"):
        services.member_admit(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            admitted_on=D(1999, 3, 1),
            decision_no="01",
            **person(),
        )
    assert not Member.objects.exists()


def test_leaving_before_admission_is_refused(tree):
    m = admit_active(tree.g1, on=D(2020, 6, 1))
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        services.member_leave(
            scope=Scope.for_user(tree.grassroots_officer),
            member=m,
            left_on=D(2020, 5, 31),
            reason=reason("retired"),
            decision_no="9",
        )
    pending = services.member_admit(
        scope=Scope.for_user(tree.grassroots_officer),
        unit=tree.g1,
        admitted_on=D(2024, 3, 1),
        decision_no="01",
        **person(),
    )
    with pytest.raises(ValidationError, match="chưa được kết nạp"):
        services.member_leave(
            scope=Scope.for_user(tree.grassroots_officer),
            member=pending,
            left_on=D(2024, 5, 1),
            reason=reason("retired"),
            decision_no="9",
        )
    assert Membership.objects.get(member=m).valid_to is None


def test_leave_and_readmit_keep_the_code_and_the_history(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    services.member_leave(
        scope=Scope.for_user(tree.grassroots_officer),
        member=m,
        left_on=D(2021, 6, 30),
        reason=reason("changed_job"),
        decision_no="9",
    )
    m.refresh_from_db()
    assert m.status == MemberStatus.LEFT
    with pytest.raises(ValidationError, match="sau ngày thôi sinh hoạt"):
        services.member_readmit(
            scope=Scope.for_user(tree.commune_officer),
            member=m,
            unit=tree.g2,
            readmitted_on=D(2021, 6, 30),
            decision_no="10",
        )
    services.member_readmit(
        scope=Scope.for_user(tree.commune_officer),
        member=m,
        unit=tree.g2,
        readmitted_on=D(2022, 1, 1),
        decision_no="10",
    )
    m2 = Member.objects.get(pk=m.pk)
    assert m2.code == m.code and m2.status == MemberStatus.ACTIVE and m2.unit == tree.g2
    assert list(Membership.objects.filter(member=m).values_list("start_kind", "valid_to")) == [
        (StintStart.ADMIT, D(2021, 6, 30)),
        (StintStart.READMIT, None),
    ]


def test_a_transfer_within_scope_closes_one_stint_and_opens_the_next(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    services.member_transfer(
        scope=Scope.for_user(tree.province_officer),
        member=m,
        to_unit=tree.g3,
        effective_on=D(2023, 4, 1),
        decision_no="20/QĐ",
    )
    stints = list(Membership.objects.filter(member=m).order_by("valid_from"))
    assert [(s.unit, s.valid_from, s.valid_to) for s in stints] == [
        (tree.g1, D(2020, 1, 1), D(2023, 3, 31)),
        (tree.g3, D(2023, 4, 1), None),
    ]
    assert stints[0].end_reason.code == "transfer"
    assert Member.objects.get(pk=m.pk).code == m.code


def test_a_transfer_to_a_dissolved_or_not_yet_existing_unit_is_refused(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_dissolve(scope=SYSTEM, unit=tree.g3, dissolved_on=D(2022, 12, 31), decision_no="GT/1")
    tree.g3.refresh_from_db()
    with pytest.raises(ValidationError, match="không tồn tại hoặc không hoạt động"):
        services.member_transfer(
            scope=Scope.for_user(tree.province_officer),
            member=m,
            to_unit=tree.g3,
            effective_on=D(2023, 4, 1),
            decision_no="20",
        )
    with pytest.raises(ValidationError, match="không tồn tại hoặc không hoạt động"):
        services.member_transfer(
            scope=Scope.for_user(tree.province_officer),
            member=m,
            to_unit=tree.g2,
            effective_on=D(1999, 4, 1),
            decision_no="20",
        )
    assert Membership.objects.filter(member=m).count() == 1


def test_a_transfer_across_subtrees_waits_for_the_receiving_side(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    req = services.member_transfer(
        scope=Scope.for_user(tree.province_officer),
        member=m,
        to_unit=tree.g4,
        effective_on=D(2023, 4, 1),
        decision_no="20",
    )
    assert isinstance(req, TransferRequest) and req.status == TransferStatus.PENDING
    assert Membership.objects.filter(member=m).count() == 1
    with pytest.raises(PermissionDenied):
        services.transfer_accept(scope=Scope.for_user(tree.province_officer), request=req)
    services.transfer_accept(scope=Scope.for_user(tree.other_province_officer), request=req)
    m.refresh_from_db()
    assert m.unit == tree.g4
    assert Membership.objects.get(member=m, valid_to__isnull=True).unit == tree.g4


def test_a_refused_transfer_leaves_the_member_in_place(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    req = services.member_transfer(
        scope=Scope.for_user(tree.province_officer),
        member=m,
        to_unit=tree.g4,
        effective_on=D(2023, 4, 1),
        decision_no="20",
    )
    services.transfer_refuse(
        scope=Scope.for_user(tree.other_province_officer), request=req, reason="Không có việc làm"
    )
    req.refresh_from_db()
    m.refresh_from_db()
    assert req.status == TransferStatus.REFUSED and m.unit == tree.g1


def test_card_steps_go_in_order(tree):
    m = admit_active(tree.g1)
    with pytest.raises(ValidationError, match="không thực hiện được"):
        services.card_print(scope=Scope.for_user(tree.grassroots_officer), member=m)
    services.card_request(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 2))
    services.card_print(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 9))
    m = services.card_hand_over(scope=Scope.for_user(tree.grassroots_officer), member=m, on=D(2024, 1, 15))
    assert m.card_status == CardStatus.HANDED_OVER and m.card_handed_on == D(2024, 1, 15)


def test_dissolving_a_grassroots_union_ends_its_members_stints(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_dissolve(
        scope=Scope.for_user(tree.commune_officer),
        unit=tree.g1,
        dissolved_on=D(2025, 6, 30),
        decision_no="GT/2025",
    )
    m.refresh_from_db()
    stint = Membership.objects.get(member=m)
    assert m.status == MemberStatus.LEFT
    assert stint.valid_to == D(2025, 6, 30) and stint.end_reason.code == "unit_dissolved"
    assert stint.end_decision_no == "GT/2025"


def test_merging_grassroots_unions_moves_members_and_keeps_codes(tree):
    a = admit_active(tree.g1, on=D(2020, 1, 1))
    b = admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_merge(
        scope=Scope.for_user(tree.commune_officer),
        sources=[tree.g1],
        target=tree.g2,
        effective_on=D(2025, 7, 1),
        decision_no="HN/1",
    )
    for m in (a, b):
        fresh = Member.objects.get(pk=m.pk)
        assert fresh.code == m.code and fresh.unit == tree.g2 and fresh.status == MemberStatus.ACTIVE
        open_stint = Membership.objects.get(member=m, valid_to__isnull=True)
        assert (open_stint.unit, open_stint.valid_from, open_stint.start_kind) == (
            tree.g2,
            D(2025, 7, 1),
            StintStart.RESTRUCTURE,
        )
        assert Membership.objects.get(member=m, unit=tree.g1).end_reason.code == "restructure"


def test_merging_duplicates_moves_history_and_retires_the_code(tree):
    keep = admit_active(tree.g1, on=D(2020, 1, 1), full_name="Lê Văn Cường", phone="")
    dup = admit_active(tree.g2, on=D(2010, 1, 1), full_name="Lê Văn Cường", phone="0912345678")
    services.member_leave(
        scope=Scope.for_user(tree.commune_officer),
        member=dup,
        left_on=D(2015, 1, 1),
        reason=reason("changed_job"),
        decision_no="1",
    )
    services.member_merge(scope=Scope.for_user(tree.commune_officer), keep=keep, duplicate=dup)
    keep.refresh_from_db()
    dup.refresh_from_db()
    assert dup.status == MemberStatus.MERGED and dup.merged_into == keep
    assert keep.phone == "0912345678" and keep.joined_on == D(2010, 1, 1)
    assert Membership.objects.filter(member=keep).count() == 2
    newest = admit_active(tree.g1)
    assert newest.code not in (keep.code, dup.code)


def test_merging_two_records_that_are_both_active_is_refused(tree):
    a = admit_active(tree.g1, on=D(2020, 1, 1))
    b = admit_active(tree.g2, on=D(2021, 1, 1))
    with pytest.raises(ValidationError):
        services.member_merge(scope=Scope.for_user(tree.commune_officer), keep=a, duplicate=b)
    assert Membership.objects.filter(member=a).count() == 1


def test_registry_rebuild_moves_the_code_counter_past_bulk_loaded_codes(tree):
    m = admit_active(tree.g1)
    Member.objects.filter(pk=m.pk).update(code="CD0000500000")
    services.registry_rebuild_derived()
    assert admit_active(tree.g1).code == "CD0000500001"
