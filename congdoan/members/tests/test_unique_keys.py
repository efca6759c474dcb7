"""Member code and CCCD stay unique through partial unique indexes (migration 0017), which store no NULLs:
any number of members may await a code or have no CCCD, a taken code or CCCD is refused by the database
and, with a Vietnamese message, by model validation; the lookups by code and CCCD still find the member."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from congdoan.core.scoping import Scope
from congdoan.members import selectors, services
from congdoan.members.models import Member

from .conftest import admit_active, person

SYSTEM = Scope.unrestricted()


def _pending(unit, **overrides) -> Member:
    return services.member_admit(
        scope=SYSTEM, unit=unit, admitted_on=dt.date(2024, 3, 1), decision_no="01/QĐ", **person(**overrides)
    )


def test_many_members_await_a_code_and_many_have_no_cccd(tree):
    waiting = [_pending(tree.g1, cccd=None, full_name=f"Lê Văn {i}") for i in range(3)]
    assert all(m.code is None and m.cccd is None for m in waiting)
    assert Member.objects.filter(code__isnull=True, cccd__isnull=True).count() == 3


def test_a_code_already_issued_cannot_be_given_to_another_member(tree):
    first = admit_active(tree.g1)
    other = _pending(tree.g1, full_name="Trần Thị Bình", gender="F")
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.filter(pk=other.pk).update(code=first.code)
    other.code = first.code
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert refused.value.messages == ["Mã đoàn viên này đã được dùng."]


def test_a_cccd_already_in_the_registry_is_refused(tree):
    first = admit_active(tree.g1, cccd="001090000123")
    with pytest.raises(ValidationError):  # the service's own check, on the CCCD field
        _pending(tree.g2, cccd="001090000123", full_name="Phạm Văn Cường")
    other = _pending(tree.g2, cccd=None, full_name="Phạm Văn Cường")
    with pytest.raises(IntegrityError), transaction.atomic():
        Member.objects.filter(pk=other.pk).update(cccd=first.cccd)
    other.cccd = first.cccd
    with pytest.raises(ValidationError) as refused:
        other.full_clean()
    assert refused.value.messages == ["Số CCCD này đã được dùng cho một đoàn viên khác."]


def test_members_are_found_by_code_and_by_cccd(tree):
    member = admit_active(tree.g1, cccd="001090000456")
    _pending(tree.g1, cccd=None, full_name="Lê Văn Dũng")
    assert selectors.members_by_codes(codes=[member.code, "CD9999999999"]) == {member.code: member}
    assert selectors.members_by_cccds(cccds=["001090000456"]) == {"001090000456": member}
    assert selectors.active_member_by_code_and_cccd(code=member.code.lower(), cccd="001090000456") == member
