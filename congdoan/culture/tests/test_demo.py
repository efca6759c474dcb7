"""The demo shows the culture standard to every demo account: pending, eligible, recognised and revoked."""

from congdoan.accounts.models import User
from congdoan.core.scoping import Scope
from congdoan.culture import demo, selectors
from congdoan.culture.constants import Status
from congdoan.culture.models import Recognition, Registration
from congdoan.demo import scenario
from congdoan.org import selectors as org_selectors


def _statuses(username, year):
    scope = Scope.for_user(User.objects.get(username=username))
    unit = org_selectors.unit_roots(scope=scope).first()
    rows, _count = selectors.union_rows(scope=scope, unit=unit, year=year)
    return {r["unit"].code: r["status"] for r in rows}


def test_demo_story(db):
    scenario.build()
    demo.load(scale="small")
    assert Registration.objects.filter(year__in=(2023, 2024, 2025)).count() >= 15
    assert (
        Recognition.objects.count() == 4 and Recognition.objects.filter(revoked_on__isnull=False).count() == 1
    )
    coso = _statuses("coso", 2026)
    assert coso == {"LCI.BT.001": Status.ELIGIBLE}
    xa = _statuses("xa", 2025)
    assert xa["LCI.BT.005"] == Status.RECOGNISED and xa["LCI.BT.001"] == Status.ELIGIBLE
    tinh = _statuses("tinh", 2025)
    assert tinh["LCI.BT.002"] == Status.RECOGNISED and tinh["YBI.TP.001"] == Status.RECOGNISED
    assert tinh["LCI.TP.001"] == Status.REGISTERED  # revoked in 2025: not counted any more
    figures = selectors.culture_figures(
        scope=Scope.unrestricted(), unit=org_selectors.units_by_codes(["LCI"])["LCI"], year=2025
    )
    assert figures["registered"] == 7 and figures["recognised"] == 3
