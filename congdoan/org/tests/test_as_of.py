"""The tree "as of" a date, on the demo's Lào Cai 2025 restructure, and unit_subtree against a brute-force walk."""

import datetime as dt

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.models import Unit, UnitLink

D = dt.date
ALL = Scope.unrestricted()


def names(units) -> set[str]:
    return {u.name for u in units}


def children_codes(unit, on) -> set[str]:
    return {u.code for u in selectors.unit_children(scope=ALL, unit=unit, on=on)}


def test_on_1_june_2025_lao_cai_has_its_two_district_federations_and_the_state_budget_union(demo):
    lc = demo.unit["LCI"]
    assert names(selectors.unit_children(scope=ALL, unit=lc, on=D(2025, 6, 1))) == {
        "Liên đoàn Lao động huyện Bảo Thắng",
        "Liên đoàn Lao động thành phố Lào Cai",
    }
    bao_thang = demo.unit["LCI.BT"]
    assert children_codes(bao_thang, D(2025, 6, 1)) == {f"LCI.BT.{i:03d}" for i in range(1, 7)} | {
        "LCI.BT.099"
    }
    assert children_codes(demo.unit["LCI.TP"], D(2025, 6, 1)) == {f"LCI.TP.{i:03d}" for i in range(1, 6)}
    subtree = selectors.unit_subtree(scope=ALL, unit=lc, on=D(2025, 6, 1))
    assert subtree.count() == 1 + 2 + 7 + 5
    assert "CĐCS Phòng Giáo dục và Đào tạo huyện Bảo Thắng" in names(subtree)


def test_the_state_budget_union_is_gone_after_15_june_2025(demo):
    bao_thang = demo.unit["LCI.BT"]
    assert "LCI.BT.099" in children_codes(bao_thang, D(2025, 6, 15))
    assert "LCI.BT.099" not in children_codes(bao_thang, D(2025, 6, 16))


def test_today_lao_cai_has_commune_and_ward_unions_and_the_merged_in_yen_bai_units(demo):
    lc = demo.unit["LCI"]
    assert names(selectors.unit_children(scope=ALL, unit=lc, on=None)) == {
        "Công đoàn xã Bảo Thắng",
        "Công đoàn xã Phong Hải",
        "Công đoàn phường Lào Cai",
        "Công đoàn phường Cam Đường",
        "Công đoàn phường Yên Bái",
        "Công đoàn các Khu công nghiệp tỉnh Lào Cai",
        "CĐCS Công ty Thủy điện Thác Bà",  # was directly under Yên Bái's federation
    }
    assert children_codes(demo.unit["LCI.PYB"], None) == {"YBI.TP.001", "YBI.TP.002", "YBI.TP.003"}
    today_names = names(selectors.unit_subtree(scope=ALL, unit=lc, on=today()))
    assert "Liên đoàn Lao động huyện Bảo Thắng" not in today_names
    assert "CĐCS Công ty TNHH Yuan Yuan Yên Bái" in today_names


def test_yen_bai_federation_exists_on_30_june_2025_and_not_on_1_july(demo):
    root = demo.unit["TLD"]
    assert "YBI" in children_codes(root, D(2025, 6, 30))
    assert "YBI" not in children_codes(root, D(2025, 7, 1))
    yb = demo.unit["YBI"]
    assert yb.successor == demo.unit["LCI"] and yb.dissolved_on == D(2025, 6, 30)
    assert {u.code for u in selectors.unit_list(scope=ALL, kind="province", on=D(2025, 6, 30))} >= {
        "YBI",
        "LCI",
    }
    assert "YBI" not in {u.code for u in selectors.unit_list(scope=ALL, kind="province", on=D(2025, 7, 1))}


def test_a_grassroots_union_moved_on_1_july_shows_both_parents_in_its_history(demo):
    apatit = demo.unit["LCI.BT.001"]
    history = [
        (lk.parent.code, lk.valid_from, lk.valid_to)
        for lk in selectors.unit_parent_history(scope=ALL, unit=apatit)
    ]
    assert history == [("LCI.BT", D(1999, 3, 2), D(2025, 6, 30)), ("LCI.XBT", D(2025, 7, 1), None)]


def test_the_province_officer_sees_the_dissolved_district_federation_only_in_the_past(demo):
    scope = Scope.for_user(demo.user["tinh"])
    lc = demo.unit["LCI"]
    past = names(selectors.unit_children(scope=scope, unit=lc, on=D(2025, 6, 1)))
    now = names(selectors.unit_children(scope=scope, unit=lc))
    assert "Liên đoàn Lao động huyện Bảo Thắng" in past and "Liên đoàn Lao động huyện Bảo Thắng" not in now


def brute_force_subtree(root: Unit, on: dt.date | None) -> set[int]:
    """Walk the links valid on ``on`` (or Unit.parent for the latest structure) one generation at a time."""
    if on is None:
        edges = [(u.parent_id, u.pk) for u in Unit.objects.all()]
    else:
        edges = [
            (lk.parent_id, lk.child_id)
            for lk in UnitLink.objects.all()
            if lk.valid_from <= on and (lk.valid_to is None or lk.valid_to >= on)
        ]
    found, frontier = {root.pk}, {root.pk}
    while frontier:
        frontier = {child for parent, child in edges if parent in frontier} - found
        found |= frontier
    if on is not None:
        found = {pk for pk in found if Unit.objects.get(pk=pk).exists_on(on)}
    return found


DAYS = [
    None,
    D(1995, 1, 1),
    D(2025, 6, 1),
    D(2025, 6, 15),
    D(2025, 6, 16),
    D(2025, 6, 30),
    D(2025, 7, 1),
    D(2026, 1, 1),
]


def test_unit_subtree_equals_a_brute_force_walk_of_the_links_for_every_unit_and_date(demo):
    for on in DAYS:
        for unit in Unit.objects.all():
            got = set(selectors.unit_subtree(scope=ALL, unit=unit, on=on).values_list("pk", flat=True))
            assert got == brute_force_subtree(unit, on), f"{unit.code} on {on}"


def test_unit_subtree_never_leaves_the_users_scope(demo):
    scope = Scope.for_user(demo.user["xa"])
    root = demo.unit["TLD"]
    for on in DAYS:
        got = selectors.unit_subtree(scope=scope, unit=root, on=on)
        assert all(u.path.startswith(demo.unit["LCI.XBT"].path) for u in got)
