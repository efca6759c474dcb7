import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.targets import services

from ..conftest import Q1, make_indicator

pytestmark = pytest.mark.django_db


def test_an_indicator_no_longer_in_force_is_left_out_of_new_reports(cat):
    old = make_indicator("t_old", "Chỉ tiêu cũ")
    old.valid_to = dt.date(2025, 12, 31)
    old.save()
    services.form_save(
        scope=Scope.unrestricted(),
        form=cat.form,
        code="t_quy",
        name="Báo cáo quý (thử)",
        period_type="Q",
        deadline_days=10,
        indicators=[cat.members, old],
    )
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    assert list(report.values.values_list("indicator__code", flat=True)) == ["t_members"]


def test_only_administrators_change_the_catalogue(cat):
    with pytest.raises(PermissionDenied):
        services.indicator_save(
            scope=Scope.for_user(cat.tree.province_officer), indicator=cat.members, name="Đổi tên"
        )
    with pytest.raises(ValidationError, match="không có trong danh mục"):
        services.indicator_save(
            scope=Scope.for_user(cat.tree.national_admin),
            indicator=cat.members,
            source="computed",
            computed_code="khong_co",
        )
    services.indicator_save(
        scope=Scope.for_user(cat.tree.national_admin), indicator=cat.members, name="Tổng số đoàn viên"
    )
    cat.members.refresh_from_db()
    assert cat.members.name == "Tổng số đoàn viên"
