"""The culture-standard facts (registered, recognised, share) agree with the culture figures page."""

import datetime as dt

from congdoan.core.scoping import Scope
from congdoan.culture.tests.conftest import recognise, register
from congdoan.documents.facts import facts_by_area, facts_for


def test_culture_facts(tree):
    register(tree.g1, 2024)
    recognise(register(tree.g1, 2025), dt.date(2025, 12, 20))
    register(tree.g2, 2025, met=3)
    scope = Scope.for_user(tree.province_officer)
    facts = {
        f.key: f
        for f in facts_for(scope=scope, unit=tree.lc, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    }
    assert facts["culture.registered"].display == "2/3"
    assert facts["culture.recognised"].display == "1/3"
    assert facts["culture.share"].display == "33,33 %"
    assert facts["culture.recognised"].previous == 0
    assert facts["culture.recognised"].url == f"/culture/?unit={tree.lc.pk}&year=2025"
    areas = [title for _area, title, _facts in facts_by_area(list(facts.values()))]
    assert "Đạt chuẩn văn hoá" in areas
    before = {
        f.key: f.value
        for f in facts_for(
            scope=scope, unit=tree.lc, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 19), previous=False
        )
    }
    assert before["culture.recognised"] == 0  # the decision of 20/12 is not yet in force on 19/12
