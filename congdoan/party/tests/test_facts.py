import datetime as dt

from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.party import services

from .conftest import SYSTEM, introduce, make_member

D = dt.date


def test_facts_count_introduced_and_admitted_with_last_year(tree):
    a, b = make_member(tree.g1, "Đoàn viên A"), make_member(tree.g3, "Đoàn viên B")
    first = introduce(a, on=D(2024, 4, 1))
    services.introduction_move(scope=SYSTEM, introduction=first, to="training", on=D(2024, 5, 1))
    services.introduction_move(
        scope=SYSTEM, introduction=first, to="admitted", on=D(2025, 3, 1), decision_no="3-QĐ/ĐU"
    )
    introduce(b, on=D(2025, 6, 1))
    facts = {
        f.key: f
        for f in facts_for(
            scope=Scope.for_user(tree.province_officer),
            unit=tree.lc,
            start=D(2025, 1, 1),
            end=D(2025, 12, 31),
        )
    }
    assert (facts["party.introduced"].value, facts["party.introduced"].previous) == (1, 1)
    assert (facts["party.admitted"].value, facts["party.admitted"].previous) == (1, 0)
    assert facts["party.admitted"].url.startswith("/party/figures/")


def test_a_viewer_gets_no_party_facts(tree):
    introduce(make_member(tree.g1, "Đoàn viên A"), on=D(2025, 4, 1))
    facts = facts_for(
        scope=Scope.for_user(tree.viewer), unit=tree.lc, start=D(2025, 1, 1), end=D(2025, 12, 31)
    )
    assert not [f for f in facts if f.key.startswith("party.")]
