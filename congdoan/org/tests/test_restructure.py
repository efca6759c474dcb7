"""Restructure services: each valid operation closes and opens links on one date and is audited;
each invalid one answers with a Vietnamese message and changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org import selectors, services
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitKind, UnitLink

D = dt.date
DAY = D(2025, 7, 1)


def kind(code):
    return UnitKind.objects.get(code=code)


def fresh(unit):
    return Unit.objects.get(pk=unit.pk)


def open_parent(unit):
    return UnitLink.objects.get(child=unit, valid_to__isnull=True).parent


def message(exc_info) -> str:
    return " ".join(exc_info.value.messages)


# -- found ----------------------------------------------------------------------------------------
def test_founding_a_grassroots_union_links_it_under_its_parent_from_the_founding_day(tree):
    unit = services.unit_found(
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
        services.unit_found(
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
        services.unit_found(
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
        services.unit_found(
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
        services.unit_found(
            scope=Scope.for_user(tree.province_officer),
            parent=tree.hc,
            name="CĐCS Mới",
            kind=kind("grassroots"),
            founded_on=DAY,
            decision_no="1/QĐ",
        )


# -- reparent -------------------------------------------------------------------------------------
def test_reparenting_closes_the_old_link_the_day_before_and_opens_the_new_one(tree):
    services.unit_reparent(
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
        services.unit_reparent(
            scope=Scope.for_user(tree.national_admin),
            unit=tree.lc,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1/QĐ",
        )
    assert "chính nó hoặc đơn vị cấp dưới của nó" in " ".join(exc.value.message_dict["new_parent"])


def test_reparenting_a_unit_under_itself_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_reparent(
            scope=Scope.for_user(tree.national_admin),
            unit=tree.bt,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1/QĐ",
        )
    assert "chính nó" in message(exc)


def test_reparenting_under_a_parent_that_does_not_exist_on_that_day_is_refused(tree, unchanged):
    later = services.unit_found(
        scope=Scope.for_user(tree.province_officer),
        parent=tree.lc,
        name="Công đoàn xã Phong Hải",
        kind=kind("commune"),
        founded_on=D(2025, 7, 1),
        decision_no="1022/QĐ",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=later,
            effective_on=D(2025, 6, 1),
            decision_no="1/QĐ",
        )
    assert "không tồn tại vào ngày 01/06/2025" in " ".join(exc.value.message_dict["new_parent"])


def test_reparenting_under_a_dissolved_parent_is_refused(tree, unchanged):
    services.unit_reparent(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.g3,
        new_parent=tree.bt,
        effective_on=D(2025, 1, 1),
        decision_no="1",
    )
    services.unit_dissolve(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.cd,
        dissolved_on=D(2025, 6, 30),
        decision_no="2",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=fresh(tree.cd),
            effective_on=DAY,
            decision_no="3",
        )
    assert "không tồn tại" in message(exc)


def test_reparenting_on_or_before_the_units_last_change_is_refused_as_dates_out_of_order(tree, unchanged):
    services.unit_reparent(
        scope=Scope.for_user(tree.province_officer),
        unit=tree.g1,
        new_parent=tree.cd,
        effective_on=DAY,
        decision_no="1",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_reparent(
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
        services.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "đang trực thuộc" in message(exc)


def test_reparenting_under_a_unit_of_the_same_level_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.g2,
            effective_on=DAY,
            decision_no="1",
        )
    assert "Không thể đặt" in message(exc)


def test_a_viewer_cannot_reparent(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_reparent(
            scope=Scope.for_user(tree.viewer),
            unit=tree.g1,
            new_parent=tree.cd,
            effective_on=DAY,
            decision_no="1",
        )


def test_a_lao_cai_officer_cannot_move_a_unit_into_da_nang(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_reparent(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            new_parent=tree.hc,
            effective_on=DAY,
            decision_no="1",
        )


# -- dissolve -------------------------------------------------------------------------------------
def test_dissolving_ends_the_unit_and_its_link_on_its_last_day(tree):
    services.unit_dissolve(
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
        services.unit_dissolve(
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
        services.unit_dissolve(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.g1,
            dissolved_on=D(1999, 1, 1),
            decision_no="1",
        )
    assert "không được trước lần thay đổi gần nhất" in " ".join(exc.value.message_dict["dissolved_on"])


def test_dissolving_twice_is_refused(tree, unchanged):
    services.unit_dissolve(
        scope=Scope.for_user(tree.province_officer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_dissolve(
            scope=Scope.for_user(tree.province_officer), unit=tree.g1, dissolved_on=DAY, decision_no="2"
        )
    assert "đã ngừng hoạt động" in message(exc)


def test_an_officer_cannot_dissolve_their_own_unit(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_dissolve(
            scope=Scope.for_user(tree.grassroots_officer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
        )


def test_a_viewer_cannot_dissolve(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_dissolve(
            scope=Scope.for_user(tree.viewer), unit=tree.g1, dissolved_on=DAY, decision_no="1"
        )


# -- merge ----------------------------------------------------------------------------------------
def test_merging_moves_the_childrens_links_and_ends_the_sources_the_day_before(tree):
    target = services.unit_merge(
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
    inner = services.unit_found(
        scope=Scope.unrestricted(),
        parent=tree.g1,
        name="Công đoàn bộ phận Xưởng tuyển",
        kind=kind("sub_unit"),
        founded_on=D(2010, 1, 1),
        decision_no="5/QĐ",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.national_admin),
            sources=[tree.bt],
            target=inner,
            effective_on=DAY,
            decision_no="1",
        )
    assert "vào đơn vị cấp dưới của nó" in " ".join(exc.value.message_dict["target"])


def test_merging_units_of_different_levels_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.g3],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "không cùng cấp" in message(exc)


def test_merging_into_a_target_not_yet_founded_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=D(1999, 1, 1),
            decision_no="1",
        )
    assert "không tồn tại vào ngày 01/01/1999" in message(exc)


def test_merging_on_or_before_a_sources_last_change_is_refused_as_dates_out_of_order(tree, unchanged):
    late = services.unit_found(
        scope=Scope.for_user(tree.province_officer),
        parent=tree.lc,
        name="Công đoàn xã Phong Hải",
        kind=kind("commune"),
        founded_on=DAY,
        decision_no="1",
    )
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[late],
            target=tree.bt,
            effective_on=DAY,
            decision_no="2",
        )
    assert "phải sau lần thay đổi gần nhất của “Công đoàn xã Phong Hải”" in message(exc)


def test_merging_a_unit_into_itself_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.bt],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "không được nằm trong danh sách" in message(exc)


def test_merging_nothing_or_without_a_decision_is_refused(tree, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )
    assert "ít nhất một đơn vị" in message(exc)
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_merge(
            scope=Scope.for_user(tree.province_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="",
        )
    assert "số quyết định" in message(exc)


def test_a_viewer_cannot_merge(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_merge(
            scope=Scope.for_user(tree.viewer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )


def test_a_commune_officer_cannot_merge_a_neighbouring_commune_into_theirs(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.unit_merge(
            scope=Scope.for_user(tree.commune_officer),
            sources=[tree.cd],
            target=tree.bt,
            effective_on=DAY,
            decision_no="1",
        )


# -- split ----------------------------------------------------------------------------------------
def test_splitting_founds_new_units_under_the_parent_and_shares_out_the_children(tree):
    new = services.unit_split(
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
        services.unit_split(
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
        services.unit_split(
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
        services.unit_split(
            scope=Scope.for_user(tree.province_officer),
            source=tree.cd,
            parts=[{"name": "A"}],
            child_targets={tree.g3.pk: 0},
            effective_on=DAY,
            decision_no="1",
        )
    assert "ít nhất hai" in message(exc)
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.unit_split(
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
        services.unit_split(
            scope=Scope.for_user(tree.viewer),
            source=tree.cd,
            parts=[{"name": "A"}, {"name": "B"}],
            child_targets={tree.g3.pk: 0},
            effective_on=DAY,
            decision_no="1",
        )
