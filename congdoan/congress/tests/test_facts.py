"""The congress facts of the fact table against a recount of random rounds."""

import datetime as dt
import random

import pytest

from congdoan.congress import services
from congdoan.congress.tests.conftest import SYSTEM, make_congress
from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from tests.factories import found

D = dt.date


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grassroots_held_matches_a_recount(tree, plan, seed):
    rng = random.Random(seed)
    units = [tree.g1, tree.g2, tree.g3] + [
        found(rng.choice([tree.bt, tree.cd]), f"CĐCS số {i}", "grassroots", code=f"LCI.X.{i:03d}")
        for i in range(6)
    ]
    held_days = {}
    for unit in units:
        choice = rng.random()
        if choice < 0.3:
            continue
        congress = make_congress(unit)
        if choice < 0.8:
            day = D(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 300))
            services.congress_record(scope=SYSTEM, congress=congress, held_on=day, members_count=20)
            held_days[unit.pk] = day
    end = D(2023, 6, 30)
    for where in (tree.lc, tree.bt):
        facts = {
            f.key: f
            for f in facts_for(
                scope=Scope.for_user(tree.province_officer),
                unit=where,
                start=D(2023, 1, 1),
                end=end,
                previous=False,
            )
        }
        inside = [u for u in units if u.path.startswith(where.path)]
        held = sum(1 for u in inside if held_days.get(u.pk) and held_days[u.pk] <= end)
        fact = facts["congress.grassroots_held"]
        assert (fact.value, fact.out_of) == (held, len(inside))
        assert fact.display == f"{held}/{len(inside)}"
        assert fact.url == f"/congress/plans/{plan.pk}/"


def test_no_round_no_congress_facts(tree):
    facts = facts_for(scope=SYSTEM, unit=tree.lc, start=D(2023, 1, 1), end=D(2023, 12, 31), previous=False)
    assert not [f for f in facts if f.area == "congress"]
