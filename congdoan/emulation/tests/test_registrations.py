import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.emulation import selectors, services

from .conftest import SYSTEM, kind, register
from .helpers import make_member


def test_the_default_deadline_is_25_january_and_can_be_changed(tree):
    assert selectors.registration_deadline_for(owner=tree.bt, year=2026) == dt.date(2026, 1, 25)
    services.registration_deadline_set(
        scope=Scope.for_user(tree.commune_officer), owner=tree.bt, year=2026, deadline=dt.date(2026, 2, 5)
    )
    assert selectors.registration_deadline_for(owner=tree.bt, year=2026) == dt.date(2026, 2, 5)
    assert selectors.registration_deadline_for(owner=tree.cd, year=2026) == dt.date(2026, 1, 25)


def test_late_and_missing_registrations_are_listed_for_the_upper_union(tree):
    register(tree.g1, 2026, (kind("cdcs_vung_manh"), None), on=dt.date(2026, 1, 25))
    late = register(tree.g2, 2026, (kind("cdcs_vung_manh"), None), on=dt.date(2026, 1, 26))
    assert late.is_late and late.upper_unit == tree.bt
    overview = selectors.registration_overview(
        scope=Scope.for_user(tree.commune_officer), upper=tree.bt, year=2026
    )
    assert [r.unit for r in overview["on_time"]] == [tree.g1]
    assert [r.unit for r in overview["late"]] == [tree.g2]
    assert overview["missing"] == []
    overview = selectors.registration_overview(
        scope=Scope.for_user(tree.province_officer), upper=tree.cd, year=2026
    )
    assert list(overview["missing"]) == [tree.g3]


def test_registering_again_keeps_the_first_date(tree):
    register(tree.g1, 2026, (kind("cdcs_vung_manh"), None), on=dt.date(2026, 1, 20))
    again = register(tree.g1, 2026, (kind("co_thi_dua_ldld"), None), on=dt.date(2026, 3, 1))
    assert not again.is_late and again.registered_on == dt.date(2026, 1, 20)
    assert [e.award_kind.code for e in again.entries.all()] == ["co_thi_dua_ldld"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (lambda t, m: (kind("lao_dong_gioi"), None), "cần chọn đoàn viên"),
        (lambda t, m: (kind("cdcs_vung_manh"), m), "danh hiệu tập thể"),
        (lambda t, m: (kind("lao_dong_gioi"), make_member(t.g3, "Người ngoài")), "không thuộc"),
    ],
    ids=["individual title without member", "collective title with member", "member of another unit"],
)
def test_registration_entries_are_checked_row_by_row(tree, entry, message):
    member = make_member(tree.g1)
    with pytest.raises(ValidationError, match=f"Dòng 1: .*{message}"):
        register(tree.g1, 2026, entry(tree, member))


def test_a_unit_registers_only_for_itself_or_its_subtree(tree):
    with pytest.raises(PermissionDenied):
        services.registration_submit(
            scope=Scope.for_user(tree.grassroots_officer),
            unit=tree.g2,
            year=2026,
            entries=[(kind("cdcs_vung_manh"), None)],
        )


def test_movements_belong_to_their_owner(tree):
    movement = services.movement_save(
        scope=Scope.for_user(tree.province_officer),
        owner=tree.lc,
        name="Giỏi việc nước, đảm việc nhà",
        year=2026,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
    )
    assert list(selectors.movement_list(scope=Scope.for_user(tree.grassroots_officer))) == []
    assert list(selectors.movement_list(scope=Scope.for_user(tree.viewer))) == [movement]
    with pytest.raises(ValidationError, match="Ngày kết thúc"):
        services.movement_save(
            scope=SYSTEM,
            owner=tree.lc,
            name="X",
            year=2026,
            starts_on=dt.date(2026, 5, 1),
            ends_on=dt.date(2026, 4, 1),
        )


def test_a_unit_founded_after_the_deadline_is_not_missing(tree):
    from tests.factories import found

    found(tree.cd, "CĐCS Công ty mới thành lập", "grassroots", founded_on=dt.date(2026, 3, 1))
    overview = selectors.registration_overview(
        scope=Scope.for_user(tree.province_officer), upper=tree.cd, year=2026
    )
    assert [u.code for u in overview["missing"]] == [tree.g3.code]
