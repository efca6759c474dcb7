"""Re-parenting a unit: a valid operation closes and opens links on one date and is audited; an invalid one
answers with a Vietnamese message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.models import UnitLink
from congdoan.restructure import operations

from .helpers import DAY, D, fresh, kind, message


def test_reparenting_closes_the_old_link_the_day_before_and_opens_the_new_one(tree):
    operations.unit_reparent(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.g1,
        new_parent=tree.cd,
        effective_on=DAY,
        decision_no="30/QĐ-LĐLĐ",
        decision_date=D(2025, 6, 28),
    )
    links = list(UnitLink.objects.filter(child=tree.g1).order_by("valid_from"))
    assert [(lk.parent, lk.valid_from, lk.valid_to) for lk in links] == [
        (tree.bt, D(2000, 1, 1), D(2025, 6, 30)),
        (tree.cd, DAY, None),
    ]
    g1 = fresh(tree.g1)
    assert g1.parent == tree.cd and g1.path == f"{tree.cd.path}{g1.pk}/"
    event = Event.objects.get(action="unit.reparent")
    assert event.actor == tree.province_officer and event.decision_no == "30/QĐ-LĐLĐ"
    assert event.before["parent"] == "LCI.BT" and event.after["parent"] == "LCI.CD"
    assert (
        "Chuyển “CĐCS Công ty Apatit Việt Nam” về trực thuộc “Công đoàn phường Cam Đường” từ 01/07/2025"
        == (event.summary)
    )
    # The tree on either side of the date shows the unit where it was.
    assert selectors.unit_parent_on(unit=g1, on=D(2025, 6, 30)) == tree.bt
    assert selectors.unit_parent_on(unit=g1, on=DAY) == tree.cd


def test_reparenting_a_unit_under_its_own_descendant_is_refused_as_a_cycle(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.national_admin),
            unit=tree.lc,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1/QĐ",
        )
    assert "chính nó hoặc đơn vị cấp dưới của nó" in " ".join(exc.value.message_dict["new_parent"])


def test_reparenting_a_unit_under_itself_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.national_admin),
            unit=tree.bt,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1/QĐ",
        )
    assert "chính nó" in message(exc)


def test_reparenting_under_a_parent_that_does_not_exist_on_that_day_is_refused(tree, unchanged):
    later = operations.unit_found(
        scope=Scope.for_user(tree.province_officer),
        parent=tree.lc,
        name="Công đoàn xã Phong Hải",
        kind=kind("commune"),
        founded_on=D(2025, 7, 1),
        decision_no="1022/QĐ",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=later,
            effective_on=D(2025, 6, 1),
            decision_no="1/QĐ",
        )
    assert "không tồn tại vào ngày 01/06/2025" in " ".join(exc.value.message_dict["new_parent"])


def test_reparenting_under_a_dissolved_parent_is_refused(tree, unchanged):
    operations.unit_reparent(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.g3,
        new_parent=tree.bt,
        effective_on=D(2025, 1, 1),
        decision_no="1",
    )
    operations.unit_dissolve(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.cd,
        dissolved_on=D(2025, 6, 30),
        decision_no="2",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=fresh(tree.cd),
            effective_on=DAY,
            decision_no="3",
        )
    assert "không tồn tại" in message(exc)


def test_reparenting_on_or_before_the_units_last_change_is_refused_as_dates_out_of_order(tree, unchanged):
    operations.unit_reparent(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.g1,
        new_parent=tree.cd,
        effective_on=DAY,
        decision_no="1",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.bt,
            effective_on=D(2025, 3, 1),
            decision_no="2",
        )
    assert "phải sau lần thay đổi gần nhất" in " ".join(exc.value.message_dict["effective_on"])
    assert "01/07/2025" in message(exc)


def test_reparenting_to_the_current_parent_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "đang trực thuộc" in message(exc)


def test_reparenting_under_a_unit_of_the_same_level_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.g2,
            effective_on=DAY,
            decision_no="1",
        )
    assert "Không thể đặt" in message(exc)


def test_a_viewer_cannot_reparent(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_reparent(
            scope=Scope.for_user(tree.viewer),
            unit=tree.g1,
            new_parent=tree.cd,
            effective_on=DAY,
            decision_no="1",
        )


def test_a_lao_cai_officer_cannot_move_a_unit_into_da_nang(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.hc,
            effective_on=DAY,
            decision_no="1",
        )
