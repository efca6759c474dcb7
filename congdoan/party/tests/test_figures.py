"""The Party figures (from the introductions) against a recount of the member records' Party dates and the
statistics ledger (``members.stats.party_between``), on random pipelines."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.members import stats
from congdoan.members.models import Member
from congdoan.party import selectors, services
from tests.factories import build_tree

from .conftest import SYSTEM, introduce, make_member

BASE = dt.date(2023, 1, 1)
# per member: the union (0..3), days after BASE of the introduction, and its fate with the days it takes
fate = st.sampled_from(["open", "training", "admitted", "not_admitted", "withdrawn"])
pipeline = st.tuples(st.integers(0, 3), st.integers(0, 900), fate, st.integers(1, 200), st.integers(1, 300))


def _play(tree, rows):
    unions = [tree.g1, tree.g2, tree.g3, tree.g4]
    for n, (u, day, end, gap1, gap2) in enumerate(rows):
        member = make_member(unions[u], f"Đoàn viên số {n}", joined=dt.date(2020, 1, 1))
        intro = introduce(member, on=BASE + dt.timedelta(days=day))
        if end == "open":
            continue
        on = intro.introduced_on + dt.timedelta(days=gap1)
        if end in ("not_admitted", "withdrawn"):
            services.introduction_move(scope=SYSTEM, introduction=intro, to=end, on=on, reason="Lý do")
            continue
        services.introduction_move(scope=SYSTEM, introduction=intro, to="training", on=on)
        if end == "admitted":
            services.introduction_move(
                scope=SYSTEM, introduction=intro, to=end, on=on + dt.timedelta(days=gap2), decision_no="1-QĐ"
            )


def _recount(unit, start, end):
    members = Member.objects.filter(unit__path__startswith=unit.path)
    return (
        members.filter(party_introduced_on__range=(start, end)).count(),
        members.filter(party_admitted_on__range=(start, end)).count(),
    )


@pytest.mark.django_db
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(pipeline, min_size=1, max_size=8),
    probes=st.lists(st.integers(0, 1400), min_size=2, max_size=2),
)
def test_figures_equal_member_dates_and_ledger(rows, probes):
    with transaction.atomic():
        tree = build_tree()
        _play(tree, rows)
        start, end = sorted(BASE + dt.timedelta(days=p) for p in probes)
        for unit in (tree.root, tree.lc, tree.dn, tree.bt, tree.cd, tree.g1, tree.g4):
            f = selectors.party_figures(scope=SYSTEM, unit=unit, start=start, end=end)
            assert (f.introduced, f.admitted) == _recount(unit, start, end), unit.code
            ledger = (
                stats.party_between(unit=unit, start=start, end=end),
                stats.party_between(unit=unit, start=start, end=end, admitted=True),
            )
            assert (f.introduced, f.admitted) == ledger, unit.code
            children = selectors.party_figures_children(scope=SYSTEM, unit=unit, start=start, end=end)
            assert sum(c.introduced for c in children) == f.introduced
            assert sum(c.admitted for c in children) == f.admitted
        transaction.set_rollback(True)
