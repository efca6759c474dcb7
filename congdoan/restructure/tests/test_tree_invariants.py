"""Deep restructures keep every descendant's path and depth right; random sequences of operations either
succeed and keep the tree consistent, or fail with a message and change nothing."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitKind, UnitLink
from congdoan.org.tests.test_as_of import brute_force_subtree
from congdoan.restructure import operations
from tests.state import tree_state as _state

D = dt.date
ALL = Scope.unrestricted()


def found(parent, name, kind, day=None):
    return operations.unit_found(
        scope=ALL,
        parent=parent,
        name=name,
        kind=UnitKind.objects.get(code=kind),
        founded_on=day or D(2010, 1, 1),
        decision_no="1/QĐ",
    )


def assert_paths_consistent():
    """Every unit's materialised path and depth follow from its current parent."""
    units = {u.pk: u for u in Unit.objects.all()}
    for unit in units.values():
        parent = units.get(unit.parent_id)
        expected = f"{parent.path if parent else '/'}{unit.pk}/"
        assert unit.path == expected, f"{unit.code}: path {unit.path} ≠ {expected}"
        assert unit.depth == (parent.depth + 1 if parent else 0), unit.code


def assert_links_consistent():
    """A unit has at most one parent on any day, and only while it exists."""
    by_child: dict[int, list[UnitLink]] = {}
    for link in UnitLink.objects.select_related("child").order_by("valid_from"):
        by_child.setdefault(link.child_id, []).append(link)
    for links in by_child.values():
        for earlier, later in zip(links, links[1:], strict=False):
            assert earlier.valid_to is not None and earlier.valid_to < later.valid_from
        child = links[0].child
        assert links[0].valid_from >= child.founded_on
        if child.dissolved_on:
            assert links[-1].valid_to is not None and links[-1].valid_to <= child.dissolved_on


def test_reparenting_a_commune_moves_its_whole_deep_subtree(tree):
    sub = found(tree.g1, "Công đoàn bộ phận Xưởng tuyển", "sub_unit")
    group = found(sub, "Tổ công đoàn Ca 1", "group")
    deep = [tree.bt, tree.g1, tree.g2, sub, group]
    operations.unit_reparent(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.bt,
        new_parent=tree.dn,
        effective_on=D(2025, 7, 1),
        decision_no="9/QĐ-TLĐ",
    )
    moved = {u.pk: u for u in Unit.objects.filter(pk__in=[u.pk for u in deep])}
    assert all(u.path.startswith(tree.dn.path) for u in moved.values())
    assert moved[group.pk].path == f"{tree.dn.path}{tree.bt.pk}/{tree.g1.pk}/{sub.pk}/{group.pk}/"
    assert moved[group.pk].depth == 5 and moved[sub.pk].depth == 4 and moved[tree.g1.pk].depth == 3
    assert_paths_consistent()
    # Scope follows the materialised path: Đà Nẵng's officer now sees the group, Lào Cai's no longer does.
    assert Scope.for_user(tree.other_province_officer).can(moved[group.pk])
    assert not Scope.for_user(tree.province_officer).can(moved[group.pk])
    # And the past is untouched: on 30/06/2025 the group was under Lào Cai.
    before = selectors.unit_subtree(scope=ALL, unit=tree.lc, on=D(2025, 6, 30))
    assert group.pk in set(before.values_list("pk", flat=True))


def test_merging_a_commune_moves_its_grandchildren_with_their_children(tree):
    sub = found(tree.g3, "Công đoàn bộ phận Ngành hàng", "sub_unit")
    operations.unit_merge(
        scope=Scope.for_user(tree.province_officer),
        sources=[tree.cd],
        target=tree.bt,
        effective_on=D(2025, 7, 1),
        decision_no="5",
    )
    sub = Unit.objects.get(pk=sub.pk)
    assert sub.path == f"{tree.bt.path}{tree.g3.pk}/{sub.pk}/" and sub.depth == 4
    assert_paths_consistent()
    assert_links_consistent()


OPS = st.sampled_from(["found", "reparent", "merge", "dissolve", "split"])
STEP = st.tuples(OPS, st.integers(0, 20), st.integers(0, 20), st.integers(-40, 60))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_random_restructures_keep_the_tree_consistent_or_change_nothing(tree, steps):
    with transaction.atomic():
        day = D(2025, 1, 1)
        for op, i, j, shift in steps:
            day = day + dt.timedelta(days=shift)
            active = list(Unit.objects.filter(status=UnitStatus.ACTIVE).select_related("kind").order_by("pk"))
            level = {lvl: [u for u in active if u.kind.level == lvl] for lvl in (1, 2, 3)}
            before = _state()
            try:
                if op == "found" and level[2]:
                    found(level[2][i % len(level[2])], f"CĐCS số {i}-{j}", "grassroots", day)
                elif op == "reparent" and level[3] and level[2]:
                    operations.unit_reparent(
                        scope=Scope.for_user(tree.national_admin),
                        unit=level[3][i % len(level[3])],
                        new_parent=level[2][j % len(level[2])],
                        effective_on=day,
                        decision_no="R",
                    )
                elif op == "merge" and len(level[2]) > 1:
                    operations.unit_merge(
                        scope=Scope.for_user(tree.national_admin),
                        sources=[level[2][i % len(level[2])]],
                        target=level[2][j % len(level[2])],
                        effective_on=day,
                        decision_no="M",
                    )
                elif op == "dissolve" and active:
                    operations.unit_dissolve(
                        scope=Scope.for_user(tree.national_admin),
                        unit=active[i % len(active)],
                        dissolved_on=day,
                        decision_no="G",
                    )
                elif op == "split" and level[2]:
                    source = level[2][i % len(level[2])]
                    kids = selectors.unit_children(scope=ALL, unit=source, on=day - dt.timedelta(days=1))
                    operations.unit_split(
                        scope=Scope.for_user(tree.national_admin),
                        source=source,
                        parts=[{"name": f"Phần A {i}"}, {"name": f"Phần B {j}"}],
                        child_targets={k.pk: n % 2 for n, k in enumerate(kids)},
                        effective_on=day,
                        decision_no="S",
                    )
            except (ValidationError, PermissionDenied) as exc:
                assert exc.args and str(exc)  # a message the user can read
                assert _state() == before, f"{op} failed but changed the database"
            assert_paths_consistent()
            assert_links_consistent()
        for on in (D(2025, 1, 1), day, None):
            for root in Unit.objects.filter(depth__lte=1):
                got = set(selectors.unit_subtree(scope=ALL, unit=root, on=on).values_list("pk", flat=True))
                assert got == brute_force_subtree(root, on)
        transaction.set_rollback(True)
