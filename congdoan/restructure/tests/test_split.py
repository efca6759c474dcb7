"""Splitting a unit: a valid operation closes and opens links on one date and is audited; an invalid one
answers with a Vietnamese message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org.constants import UnitStatus
from congdoan.restructure import operations

from .helpers import DAY, D, fresh, message, open_parent


def test_splitting_founds_new_units_under_the_parent_and_shares_out_the_children(tree):
    new = operations.unit_split(
        scope=Scope.for_user(tree.province_officer),
        source=tree.bt,
        parts=[{"name": "Công đoàn xã Bảo Thắng"}, {"name": "Công đoàn xã Phong Hải"}],
        child_targets={tree.g1.pk: 0, tree.g2.pk: 1},
        effective_on=DAY,
        decision_no="1021/QĐ",
    )
    assert [u.name for u in new] == ["Công đoàn xã Bảo Thắng", "Công đoàn xã Phong Hải"]
    assert all(open_parent(u) == tree.lc and u.founded_on == DAY for u in new)
    assert open_parent(tree.g1) == new[0] and open_parent(tree.g2) == new[1]
    bt = fresh(tree.bt)
    assert (bt.status, bt.dissolved_on) == (UnitStatus.SPLIT, D(2025, 6, 30))
    event = Event.objects.get(action="unit.split_into")
    assert event.actor == tree.province_officer
    assert event.before["source"]["code"] == "LCI.BT"
    assert event.after["parts"] == [u.code for u in new]


def test_splitting_without_placing_every_child_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_split(
            scope=Scope.for_user(tree.province_officer),
            source=tree.bt,
            parts=[{"name": "A"}, {"name": "B"}],
            child_targets={tree.g1.pk: 0},
            effective_on=DAY,
            decision_no="1",
        )
    assert "CĐCS Công ty Hóa chất Đức Giang" in " ".join(exc.value.message_dict["child_targets"])


def test_splitting_into_a_part_that_does_not_exist_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_split(
            scope=Scope.for_user(tree.province_officer),
            source=tree.bt,
            parts=[{"name": "A"}, {"name": "B"}],
            child_targets={tree.g1.pk: 0, tree.g2.pk: 5},
            effective_on=DAY,
            decision_no="1",
        )
    assert "không hợp lệ" in message(exc)


def test_splitting_into_one_part_or_on_an_old_date_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_split(
            scope=Scope.for_user(tree.province_officer),
            source=tree.cd,
            parts=[{"name": "A"}],
            child_targets={tree.g3.pk: 0},
            effective_on=DAY,
            decision_no="1",
        )
    assert "ít nhất hai" in message(exc)
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_split(
            scope=Scope.for_user(tree.province_officer),
            source=tree.cd,
            parts=[{"name": "A"}, {"name": "B"}],
            child_targets={tree.g3.pk: 0},
            effective_on=D(1990, 1, 1),
            decision_no="1",
        )
    assert "phải sau lần thay đổi gần nhất" in message(exc)


def test_a_viewer_cannot_split(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_split(
            scope=Scope.for_user(tree.viewer),
            source=tree.cd,
            parts=[{"name": "A"}, {"name": "B"}],
            child_targets={tree.g3.pk: 0},
            effective_on=DAY,
            decision_no="1",
        )
