"""The upper level's figures, checked against a recount on random registrations and recognitions."""

import datetime as dt

import pytest
from django.http import Http404
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.culture import selectors
from congdoan.culture.constants import Status
from congdoan.culture.models import Assessment, Recognition, Registration
from congdoan.culture.tests.conftest import SYSTEM, recognise, register

YEARS = (2023, 2024, 2025)
UNITS = ("g1", "g2", "g3", "g4")
# per unit and year: not registered (None) or how many of the 4 criteria were met
unit_years = st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=3, max_size=3)
worlds = st.tuples(
    st.lists(unit_years, min_size=4, max_size=4),
    st.lists(st.sampled_from(["none", "recognise", "revoke"]), min_size=4, max_size=4),
)


def _build(tree, spec):
    years, fates = spec
    for name, per_year, fate in zip(UNITS, years, fates, strict=True):
        unit = getattr(tree, name)
        made = {}
        for year, met in zip(YEARS, per_year, strict=True):
            if met is not None:
                made[year] = register(unit, year, met=met)
        last = made.get(2025)
        if fate != "none" and last is not None and selectors.eligibility_of(last).eligible:
            recognition = recognise(last, dt.date(2025, 12, 20))
            if fate == "revoke":
                Recognition.objects.filter(pk=recognition.pk).update(
                    revoked_on=dt.date(2025, 12, 30), revoke_reason="x"
                )


def _recount(tree, unit_names):
    ids = {getattr(tree, n).pk for n in unit_names}
    registered = set(
        Registration.objects.filter(year=2025, unit_id__in=ids).values_list("unit_id", flat=True)
    )
    day = dt.date(2025, 12, 31)
    recognised = {r.unit_id for r in Recognition.objects.filter(unit_id__in=ids) if r.in_force_on(day)}
    return len(ids), registered, recognised


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=worlds)
def test_figures_match_a_recount(tree, spec):
    Recognition.objects.all().delete()
    Assessment.objects.all().delete()
    Registration.objects.all().delete()
    _build(tree, spec)
    for unit, names in ((tree.lc, UNITS[:3]), (tree.root, UNITS)):
        whole, registered, recognised = _recount(tree, names)
        figures = selectors.culture_figures(scope=SYSTEM, unit=unit, year=2025)
        assert (figures["grassroots"], figures["registered"], figures["recognised"]) == (
            whole,
            len(registered),
            len(recognised),
        )
        assert sum(n for _c, _l, n in figures["by_type"]) == len(registered)
        assert sum(r["grassroots"] for r in figures["children"]) == whole
        assert sum(r["registered"] for r in figures["children"]) == len(registered)
        assert sum(r["recognised"] for r in figures["children"]) == len(recognised)
        rows, count = selectors.union_rows(scope=SYSTEM, unit=unit, year=2025)
        assert count == whole
        assert {r["unit"].pk for r in rows if r["status"] == Status.NOT_REGISTERED} == {
            getattr(tree, n).pk for n in names
        } - registered
        assert {r["unit"].pk for r in rows if r["status"] == Status.RECOGNISED} == recognised


def test_shares_and_scope(tree, history):
    recognise(history[2])
    figures = selectors.culture_figures(scope=Scope.for_user(tree.province_officer), unit=tree.lc, year=2025)
    assert (figures["grassroots"], figures["registered"], figures["recognised"]) == (3, 2, 1)
    assert str(figures["registered_share"]) == "66.67"
    assert str(figures["recognised_share"]) == "33.33"
    names = [(r["unit"].name, r["registered"]) for r in figures["children"]]
    assert names == [("Công đoàn phường Cam Đường", 0), ("Công đoàn xã Bảo Thắng", 2)]
    with pytest.raises(Http404):
        selectors.culture_figures(scope=Scope.for_user(tree.province_officer), unit=tree.dn, year=2025)


def test_status_filters(tree, history):
    recognise(history[2])
    scope = Scope.for_user(tree.province_officer)
    for status, expected in (
        (Status.NOT_REGISTERED, {tree.g3.pk}),
        (Status.REGISTERED, {tree.g1.pk, tree.g2.pk}),
        (Status.RECOGNISED, {tree.g1.pk}),
    ):
        rows, count = selectors.union_rows(scope=scope, unit=tree.lc, year=2025, status=status)
        assert {r["unit"].pk for r in rows} == expected and count == len(expected)
    rows, _count = selectors.union_rows(scope=scope, unit=tree.lc, year=2025)
    by_unit = {r["unit"].pk: r["status"] for r in rows}
    assert by_unit == {
        tree.g1.pk: Status.RECOGNISED,
        tree.g2.pk: Status.REGISTERED,
        tree.g3.pk: Status.NOT_REGISTERED,
    }
