"""Welfare payments from union money show in the ledger of the paying level (and so in the settlement)."""

import datetime as dt

import pytest

from congdoan.finance import ledger
from congdoan.welfare import services as welfare
from congdoan.welfare.constants import FundKind
from congdoan.welfare.tests.conftest import SYSTEM, make_member, make_programme

D = dt.date
pytestmark = pytest.mark.django_db


def test_an_approved_payment_and_its_reversal_reach_the_ledger_of_the_fund_level(tree):
    programme = make_programme(tree.bt, funds=(FundKind.GRASSROOTS, FundKind.DIRECTLY_SUPERIOR))
    funds = {f.kind: f for f in programme.funds.all()}
    member = make_member(tree.g1, "Lò Văn Pá")
    payment = welfare.payment_add(
        scope=SYSTEM,
        programme=programme,
        member=member,
        amount=1_000_000,
        paid_on=D(2026, 1, 20),
        splits=[(funds[FundKind.GRASSROOTS], 600_000), (funds[FundKind.DIRECTLY_SUPERIOR], 400_000)],
    )
    welfare.payments_submit(scope=SYSTEM, programme=programme)
    welfare.payments_approve(scope=SYSTEM, programme=programme)
    year = {"start": D(2026, 1, 1), "end": D(2026, 12, 31)}
    assert ledger.ledger_sums(unit=tree.g1, **year) == {"II.4": 600_000}
    assert ledger.ledger_sums(unit=tree.bt, **year) == {"II.4": 400_000}
    welfare.payment_reverse(scope=SYSTEM, payment=payment, reason="Trùng", on=D(2026, 2, 1))
    assert ledger.ledger_sums(unit=tree.g1, **year) == {"II.4": 0}
    assert ledger.ledger_sums(unit=tree.lc, subtree=True, **year) == {"II.4": 0}
