"""Merging duplicate records."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import MemberStatus
from congdoan.members.models import LeaveReason, Membership

from ..conftest import admit_active

D = dt.date


def reason(code):
    return LeaveReason.objects.get(code=code)


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
