"""Leaving union activity and coming back."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import MemberStatus, StintStart
from congdoan.members.models import LeaveReason, Member, Membership

from ..conftest import admit_active, person

D = dt.date


def reason(code):
    return LeaveReason.objects.get(code=code)


def test_leave_reasons_are_seeded_in_vietnamese(db):
    names = dict(LeaveReason.objects.values_list("code", "name"))
    assert names["retired"] == "Nghỉ hưu"
    assert names["unit_dissolved"] == "Đơn vị giải thể"
    assert len(names) == 8


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
