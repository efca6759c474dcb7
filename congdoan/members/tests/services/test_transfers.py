"""Transfers between grassroots unions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.constants import TransferStatus
from congdoan.members.models import Member, Membership, TransferRequest
from congdoan.restructure import operations

from ..conftest import SYSTEM, admit_active

D = dt.date


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
