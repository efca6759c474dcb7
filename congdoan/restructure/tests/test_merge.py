"""Merging units: a valid operation closes and opens links on one date and is audited; an invalid one
answers with a Vietnamese message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.constants import UnitStatus
from congdoan.restructure import operations

from .helpers import DAY, D, fresh, kind, message, open_parent


def test_merging_moves_the_childrens_links_and_ends_the_sources_the_day_before(tree):
    target = operations.unit_merge(
        scope=Scope.for_user(tree.province_officer),
        sources=[tree.cd],
        target=tree.bt,
        effective_on=DAY,
        decision_no="1500/QĐ",
        decision_date=D(2025, 6, 30),
    )
    assert target == tree.bt
    cd, g3 = fresh(tree.cd), fresh(tree.g3)
    assert (cd.status, cd.dissolved_on, cd.successor) == (UnitStatus.MERGED, D(2025, 6, 30), tree.bt)
    assert open_parent(g3) == tree.bt and g3.path.startswith(tree.bt.path)
    assert selectors.unit_parent_on(unit=g3, on=D(2025, 6, 30)) == tree.cd
    scope = Scope.unrestricted()
    assert {u.code for u in selectors.unit_children(scope=scope, unit=tree.bt, on=DAY)} == {
        "LCI.BT.001",
        "LCI.BT.002",
        "LCI.CD.001",
    }
    assert {u.code for u in selectors.unit_children(scope=scope, unit=tree.lc, on=DAY)} == {"LCI.BT"}
    event = Event.objects.get(action="unit.merge")
    assert event.actor == tree.province_officer and event.unit == tree.bt
    assert event.before["sources"][0]["code"] == "LCI.CD" and event.before["sources"][0]["status"] == "active"
    assert event.after == {"sources": ["LCI.CD"], "target": "LCI.BT"}
    assert Event.objects.filter(action="unit.merged", object_id=str(cd.pk)).exists()


def test_merging_a_unit_into_its_own_descendant_is_refused(tree, unchanged):
    inner = operations.unit_found(
        scope=Scope.unrestricted(),
        parent=tree.g1,
        name="Công đoàn bộ phận Xưởng tuyển",
        kind=kind("sub_unit"),
        founded_on=D(2010, 1, 1),
        decision_no="5/QĐ",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.national_admin),
            sources=[tree.bt],
            target=inner,
            effective_on=DAY,
            decision_no="1",
        )
    assert "vào đơn vị cấp dưới của nó" in " ".join(exc.value.message_dict["target"])


def test_merging_units_of_different_levels_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.g3],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "không cùng cấp" in message(exc)


def test_merging_into_a_target_not_yet_founded_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=D(1999, 1, 1),
            decision_no="1",
        )
    assert "không tồn tại vào ngày 01/01/1999" in message(exc)


def test_merging_on_or_before_a_sources_last_change_is_refused_as_dates_out_of_order(tree, unchanged):
    late = operations.unit_found(
        scope=Scope.for_user(tree.province_officer),
        parent=tree.lc,
        name="Công đoàn xã Phong Hải",
        kind=kind("commune"),
        founded_on=DAY,
        decision_no="1",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[late],
            target=tree.bt,
            effective_on=DAY,
            decision_no="2",
        )
    assert "phải sau lần thay đổi gần nhất của “Công đoàn xã Phong Hải”" in message(exc)


def test_merging_a_unit_into_itself_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.bt],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "không được nằm trong danh sách" in message(exc)


def test_merging_nothing_or_without_a_decision_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "ít nhất một đơn vị" in message(exc)
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="",
        )
    assert "số quyết định" in message(exc)


def test_a_viewer_cannot_merge(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_merge(
            scope=Scope.for_user(tree.viewer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )


def test_a_commune_officer_cannot_merge_a_neighbouring_commune_into_theirs(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_merge(
            scope=Scope.for_user(tree.commune_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
