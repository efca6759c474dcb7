"""Admission lists: approval issues codes and opens stints; returned lists; codes never reused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import MemberStatus, StintStart
from congdoan.members.models import AdmissionBatch, Member, Membership

from ..conftest import admit_active, person

D = dt.date


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
