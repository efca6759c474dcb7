"""The kept "tree last changed" day (``TreeChange``, kept by ``org.tree``) against the recount over every
link (``selectors.links_change_after``), on random histories of foundings, moves and endings."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.text import fold
from congdoan.org import selectors, tree
from congdoan.org.models import TreeChange, Unit, UnitKind, UnitLink

BASE = dt.date(2020, 1, 1)
SPAN = 400  # days of history the operations fall in


def _unit(code: str, founded_on: dt.date, parent: Unit | None) -> Unit:
    unit = Unit.objects.create(
        code=code,
        name=code,
        name_folded=fold(code),
        kind=UnitKind.objects.get(code="grassroots" if parent else "national"),
        founded_on=founded_on,
        parent=parent,
        path="/",
        depth=parent.depth + 1 if parent else 0,
    )
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save(update_fields=["path"])
    return unit


# ("found", parent index, founding day, days between founding and the first link)
# ("move", unit index, new parent index, day) / ("end", unit index, day)
day = st.integers(0, SPAN)
operation = st.one_of(
    st.tuples(st.just("found"), st.integers(0, 7), day, st.sampled_from([0, 0, 0, 3, 40])),
    st.tuples(st.just("move"), st.integers(1, 7), st.integers(0, 7), day),
    st.tuples(st.just("end"), st.integers(1, 7), day),
)


def play(ops) -> None:
    root = _unit("R", BASE, None)
    units = [root]
    for op in ops:
        if op[0] == "found":
            _kind, parent_i, offset, late = op
            parent = units[parent_i % len(units)]
            founded = BASE + dt.timedelta(days=offset)
            unit = _unit(f"U{len(units)}", founded, parent)
            tree.first_link(unit, parent, founded + dt.timedelta(days=late), "1/QĐ")
            units.append(unit)
            continue
        if len(units) < 2:
            continue
        unit = units[1 + op[1] % (len(units) - 1)]
        link = tree.open_link(unit)
        when = BASE + dt.timedelta(days=op[-1])
        if link is None or when <= link.valid_from:
            continue  # history only grows: a change after the open link's start
        if op[0] == "end":
            tree.close_link(link, when)
            continue
        parent = units[op[2] % len(units)]
        if parent.pk == unit.pk:
            continue
        tree.close_link(link, when - tree.ONE_DAY)
        tree.new_link(unit, parent, when, "2/QĐ")


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, min_size=1, max_size=12))
def test_kept_day_answers_as_the_recount_on_every_day(ops):
    with transaction.atomic():
        tree.tree_change_rebuild()
        play(ops)
        kept = TreeChange.objects.get(pk=selectors.TREE_CHANGE_ROW).last_change
        assert kept == selectors.tree_last_change_recount()
        # Every day where the answer can turn (each link's start and end, and the days beside them).
        edges = {BASE - tree.ONE_DAY, BASE + dt.timedelta(days=SPAN + 60)}
        for start, end in UnitLink.objects.values_list("valid_from", "valid_to"):
            for edge in (start, end):
                if edge:
                    edges |= {edge - tree.ONE_DAY, edge, edge + tree.ONE_DAY}
        for probe in sorted(edges):
            assert selectors.tree_changed_after(probe) == selectors.links_change_after(probe), probe
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_missing_row_is_recounted_and_rebuild_restores_it():
    root = _unit("R", BASE, None)
    unit = _unit("U1", BASE, root)
    link = tree.first_link(unit, root, BASE, "1/QĐ")
    TreeChange.objects.all().delete()
    tree.close_link(link, dt.date(2024, 5, 31))  # no row to raise: readers recount
    assert not TreeChange.objects.exists()
    assert selectors.tree_changed_after(dt.date(2024, 5, 31))
    assert not selectors.tree_changed_after(dt.date(2024, 6, 1))
    tree.tree_change_rebuild()
    assert TreeChange.objects.get().last_change == dt.date(2024, 5, 31)


@pytest.mark.django_db
def test_a_founding_link_does_not_change_the_tree_but_a_move_does():
    tree.tree_change_rebuild()
    root = _unit("R", BASE, None)
    unit = _unit("U1", dt.date(2025, 7, 1), root)
    tree.first_link(unit, root, dt.date(2025, 7, 1), "1/QĐ")
    assert not selectors.tree_changed_after(dt.date(2025, 6, 1))
    other = _unit("U2", BASE, root)
    tree.first_link(other, root, BASE, "1/QĐ")
    link = tree.open_link(unit)
    tree.close_link(link, dt.date(2025, 12, 31))
    tree.new_link(unit, other, dt.date(2026, 1, 1), "2/QĐ")
    assert selectors.tree_changed_after(dt.date(2025, 12, 31))
    assert not selectors.tree_changed_after(dt.date(2026, 1, 1))


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(operation, min_size=1, max_size=12),
    window=st.tuples(st.integers(-5, SPAN), st.integers(0, 120)),
    root_i=st.integers(0, 7),
)
def test_walking_down_a_period_finds_what_walking_up_each_day_finds(ops, window, root_i):
    with transaction.atomic():
        play(ops)
        units = list(Unit.objects.order_by("pk"))
        root = units[root_i % len(units)]
        start = BASE + dt.timedelta(days=window[0])
        end = start + dt.timedelta(days=window[1])
        founded = selectors.grassroots_founded_between(start=start, end=end).exclude(pk=root.pk)
        days = dict(founded.values_list("id", "founded_on"))
        expected = set(selectors.branches_under(root_id=root.pk, days=days))
        got = {
            pk for pk, _sector in selectors.grassroots_founded_under(root_id=root.pk, start=start, end=end)
        }
        assert got == expected
        transaction.set_rollback(True)
