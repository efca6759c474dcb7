"""Founding a unit: a valid operation closes and opens links on one date and is audited; an invalid one
answers with a Vietnamese message and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org.models import UnitLink
from congdoan.restructure import operations

from .helpers import DAY, D, kind, message


def test_founding_a_grassroots_union_links_it_under_its_parent_from_the_founding_day(tree):
    unit = operations.unit_found(
        scope=Scope.for_user(tree.commune_officer),
        parent=tree.bt,
        name="  CĐCS Công ty   Cổ phần Xi măng Lào Cai ",
        kind=kind("grassroots"),
        founded_on=DAY,
        decision_no="12/QĐ-CĐX",
    )
    assert unit.name == "CĐCS Công ty Cổ phần Xi măng Lào Cai"
    assert unit.path == f"{tree.bt.path}{unit.pk}/" and unit.depth == tree.bt.depth + 1
    link = UnitLink.objects.get(child=unit)
    assert (link.parent, link.valid_from, link.valid_to, link.decision_no) == (
        tree.bt,
        DAY,
        None,
        "12/QĐ-CĐX",
    )
    event = Event.objects.get(action="unit.found", object_id=str(unit.pk))
    assert event.actor == tree.commune_officer and event.unit == unit
    assert event.before is None and event.after["parent"] == tree.bt.code
    assert unit.code.startswith(tree.bt.code + ".")


def test_founding_under_a_parent_not_yet_founded_on_that_day_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_found(
            scope=Scope.for_user(tree.province_officer),
            parent=tree.bt,
            name="CĐCS Mới",
            kind=kind("grassroots"),
            founded_on=D(1999, 12, 31),
            decision_no="1/QĐ",
        )
    assert "không hoạt động vào ngày 31/12/1999" in message(exc)
    assert "parent" in exc.value.message_dict


@pytest.mark.parametrize(
    ("field", "kwargs", "expected"),
    [
        ("decision_no", {"decision_no": "  "}, "Cần nhập số quyết định."),
        ("name", {"name": " "}, "Cần nhập tên đơn vị."),
        ("kind", {"kind_code": "province"}, "Không thể lập"),
        ("kind", {"kind_code": "district"}, "không còn được thành lập mới"),
        ("code", {"code": "LCI.BT.001"}, "đã được dùng"),
        ("sector", {"sector": "moon"}, "Khu vực không hợp lệ."),
    ],
)
def test_founding_with_bad_input_names_the_field_and_saves_nothing(tree, unchanged, field, kwargs, expected):
    args = {"name": "CĐCS Mới", "decision_no": "1/QĐ", "kind_code": "grassroots"} | kwargs
    with unchanged(), pytest.raises(ValidationError) as exc:
        operations.unit_found(
            scope=Scope.for_user(tree.province_officer),
            parent=tree.bt,
            name=args["name"],
            kind=kind(args["kind_code"]),
            founded_on=DAY,
            decision_no=args["decision_no"],
            code=args.get("code", ""),
            sector=args.get("sector", ""),
        )
    assert expected in " ".join(exc.value.message_dict[field])


def test_a_viewer_cannot_found_a_unit_and_nothing_is_saved(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied) as exc:
        operations.unit_found(
            scope=Scope.for_user(tree.viewer),
            parent=tree.bt,
            name="CĐCS Mới",
            kind=kind("grassroots"),
            founded_on=DAY,
            decision_no="1/QĐ",
        )
    assert "Bạn không có quyền" in str(exc.value)


def test_an_officer_cannot_found_a_unit_in_another_province(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        operations.unit_found(
            scope=Scope.for_user(tree.province_officer),
            parent=tree.hc,
            name="CĐCS Mới",
            kind=kind("grassroots"),
            founded_on=DAY,
            decision_no="1/QĐ",
        )
