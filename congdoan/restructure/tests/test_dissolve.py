"""Dissolving a unit: a valid operation closes and opens links on one date and is audited; an invalid one
answers with a Vietnamese message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.constants import UnitStatus
from congdoan.org.models import UnitLink
from congdoan.restructure import operations

from .helpers import DAY, D, fresh, message


def test_dissolving_ends_the_unit_and_its_link_on_its_last_day(tree):
    operations.unit_dissolve(
        scope=Scope.for_user(tree.commune_officer),
        unit=tree.g2,
        dissolved_on=D(2025, 6, 15),
        decision_no="95/QĐ-LĐLĐ",
        reason="Doanh nghiệp giải thể",
    )
    g2 = fresh(tree.g2)
    assert (g2.status, g2.dissolved_on, g2.dissolution_decision_no) == (
        UnitStatus.DISSOLVED,
        D(2025, 6, 15),
        "95/QĐ-LĐLĐ",
    )
    assert UnitLink.objects.get(child=g2).valid_to == D(2025, 6, 15)
    scope = Scope.unrestricted()
    assert g2 in selectors.unit_children(scope=scope, unit=tree.bt, on=D(2025, 6, 15))
    assert g2 not in selectors.unit_children(scope=scope, unit=tree.bt, on=D(2025, 6, 16))
    event = Event.objects.get(action="unit.dissolved")
    assert event.actor == tree.commune_officer
    assert event.before["status"] == "active" and event.after["status"] == "dissolved"
    assert event.after["dissolved_on"] == "2025-06-15"


def test_dissolving_a_unit_with_active_children_is_refused_naming_them(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_dissolve(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.bt,
            dissolved_on=D(2025, 6, 30),
            decision_no="1",
        )
    text = " ".join(exc.value.message_dict["dissolved_on"])
    assert "còn 2 đơn vị trực thuộc sau ngày 30/06/2025" in text
    assert "CĐCS Công ty Apatit Việt Nam" in text


def test_dissolving_before_the_founding_day_is_refused_as_dates_out_of_order(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_dissolve(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            dissolved_on=D(1999, 1, 1),
            decision_no="1",
        )
    assert "không được trước lần thay đổi gần nhất" in " ".join(exc.value.message_dict["dissolved_on"])


def test_dissolving_twice_is_refused(tree, unchanged):
    operations.unit_dissolve(
        scope=Scope.for_user(tree.province_officer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_dissolve(
            scope=Scope.for_user(tree.province_officer), unit=tree.g1, dissolved_on=DAY, decision_no="2"
        )
    assert "đã ngừng hoạt động" in message(exc)


def test_an_officer_cannot_dissolve_their_own_unit(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_dissolve(
            scope=Scope.for_user(tree.grassroots_officer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
        )


def test_a_viewer_cannot_dissolve(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_dissolve(
            scope=Scope.for_user(tree.viewer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
        )
