"""The congress demo data loads whatever the founding days of the generated unions."""

import datetime as dt

from congdoan.congress import demo
from congdoan.congress.models import Congress
from congdoan.demo import scenario
from congdoan.org.models import Unit

D = dt.date


def test_a_union_founded_just_before_the_deadline_holds_its_congress_after_its_founding(db):
    """Regression: at the national scale (factor 0.1) the demo failed with "Ngày 28/02/2023 trước ngày
    thành lập …" for a union founded on 15/03/2023 whose drawn congress day came before its founding."""
    scenario.build()
    founded = D(2023, 3, 30)  # every congress day drawn for the round (05/01–25/03/2023) comes before this
    Unit.objects.filter(code="LCI.BT.001").update(founded_on=founded)
    demo.load(scale="small")
    congress = Congress.objects.get(unit__code="LCI.BT.001", term__start_year=2023)
    assert congress.planned_on >= founded
    assert congress.held_on is not None and congress.held_on > founded
