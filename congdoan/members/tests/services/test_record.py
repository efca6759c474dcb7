"""The member record: admitting a person, their personal data, the code counter."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.models import AdmissionBatch, Member

from ..conftest import admit_active, person

D = dt.date


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


def test_registry_rebuild_moves_the_code_counter_past_bulk_loaded_codes(tree):
    m = admit_active(tree.g1)
    Member.objects.filter(pk=m.pk).update(code="CD0000500000")
    services.registry_rebuild_derived()
    assert admit_active(tree.g1).code == "CD0000500001"
