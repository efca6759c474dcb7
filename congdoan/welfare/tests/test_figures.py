import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.welfare import selectors, services
from congdoan.welfare.constants import FundKind

from .conftest import SYSTEM, make_programme

pytestmark = pytest.mark.django_db


def add(tet, member, user, amount=500_000, **kw):
    kw.setdefault("paid_on", dt.date(2026, 1, 20))
    return services.payment_add(scope=Scope.for_user(user), programme=tet, member=member, amount=amount, **kw)


def funds(programme):
    return programme.funds.get(kind=FundKind.GRASSROOTS), programme.funds.get(kind=FundKind.DONATION)


def test_the_programme_is_visible_to_participating_units_but_not_to_other_provinces(tree, tet):
    from congdoan.core.scoping import Scope

    assert selectors.programme_list(scope=Scope.for_user(tree.grassroots_officer)).filter(pk=tet.pk).exists()
    assert (
        not selectors.programme_list(scope=Scope.for_user(tree.other_province_officer))
        .filter(pk=tet.pk)
        .exists()
    )
    assert (
        not selectors.programme_list(scope=Scope.for_user(tree.grassroots_officer))
        .filter(pk=make_programme(tree.cd).pk)
        .exists()
    )


def test_figures_split_union_money_by_level_and_donors(tree, members, tet):
    union, donor = funds(tet)
    for member in members["g1"]:
        add(tet, member, tree.grassroots_officer, splits=[(union, 400_000), (donor, 100_000)])
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    figures = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31)
    )
    assert figures["amount_total"] == 1_500_000
    assert figures["members_supported"] == 3
    assert dict((k, v) for k, _label, v in figures["by_fund"]) == {
        FundKind.GRASSROOTS: 1_200_000,
        FundKind.DONATION: 300_000,
    }
    assert figures["donation_share"] == 20.0
    assert figures["donors"] == [{"donor": "Công ty CP Apatit Việt Nam", "amount": 300_000}]
    rows = selectors.welfare_figures_children(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31)
    )
    assert {r["unit"].code: r["amount"] for r in rows} == {"LCI.BT": 1_500_000, "LCI.CD": 0}


def test_computed_indicators_are_registered_and_read_the_figures(tree, members, tet):
    from congdoan.core.indicators import compute, registry

    codes = {
        "welfare_members_supported",
        "welfare_amount_total",
        "welfare_amount_donations",
        "welfare_houses",
        "welfare_visits",
        "welfare_registrations",
    }
    assert codes <= set(registry())
    add(tet, members["g1"][0], tree.grassroots_officer)
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    assert (
        compute("welfare_amount_total", unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
        == 500_000
    )
    assert (
        compute("welfare_amount_total", unit=tree.dn, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
        == 0
    )
