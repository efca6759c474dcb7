"""Money invariants: whatever is paid, split and reversed, every figure adds up to the sum of payments."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.welfare import selectors, services
from congdoan.welfare.constants import FundKind, PaymentStatus
from congdoan.welfare.models import Payment, PaymentSplit, PaymentTally

from .conftest import SYSTEM, make_member, make_programme

pytestmark = pytest.mark.django_db

payment_specs = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3),  # which member
        st.integers(min_value=1, max_value=5_000_000_000),  # amount
        st.integers(min_value=0, max_value=100),  # donor's share in %
        st.booleans(),  # reversed later
        st.integers(min_value=0, max_value=80),  # days after 01/01/2026
    ),
    min_size=1,
    max_size=8,
)


@pytest.fixture
def world(tree):
    members = [make_member(tree.g1), make_member(tree.g2), make_member(tree.g3), make_member(tree.g3)]
    programme = make_programme(
        tree.lc, funds=(FundKind.GRASSROOTS, FundKind.PROVINCIAL, FundKind.DONATION), end=dt.date(2026, 3, 31)
    )
    return tree, members, programme


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=payment_specs)
def test_figures_always_add_up_to_the_sum_of_payments(world, specs):
    tree, members, programme = world
    Payment.objects.filter(reverses__isnull=False).delete()
    Payment.objects.all().delete()
    PaymentTally.objects.all().delete()
    grassroots = programme.funds.get(kind=FundKind.GRASSROOTS)
    provincial = programme.funds.get(kind=FundKind.PROVINCIAL)
    donor = programme.funds.get(kind=FundKind.DONATION)
    made = []
    for who, amount, share, reverse, day in specs:
        donated = amount * share // 100
        union = amount - donated
        payment = services.payment_add(
            scope=SYSTEM,
            programme=programme,
            member=members[who],
            amount=amount,
            paid_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            repeat_reason="Hỗ trợ thêm đợt sau",  # the same member may be drawn twice
            splits=[(grassroots, union // 2), (provincial, union - union // 2), (donor, donated)],
        )
        made.append((payment, reverse))
    services.payments_submit(scope=SYSTEM, programme=programme)
    services.payments_approve(scope=SYSTEM, programme=programme, confirm_warnings=True)
    for payment, reverse in made:
        if reverse:
            services.payment_reverse(scope=SYSTEM, payment=payment, reason="Sai", on=payment.paid_on)

    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    figures = selectors.welfare_figures(scope=SYSTEM, unit=tree.root, start=start, end=end)
    approved = Payment.objects.filter(status=PaymentStatus.APPROVED)
    expected = sum(approved.values_list("amount", flat=True))
    assert figures["amount_total"] == expected == sum(a for p, r in made if not r for a in [p.amount])
    assert sum(v for _k, _l, v in figures["by_kind"]) == expected
    assert sum(v for _k, _l, v in figures["by_fund"]) == expected
    assert figures["union_total"] + figures["donation_total"] == expected
    assert figures["donation_total"] == sum(
        PaymentSplit.objects.filter(fund=donor, payment__status=PaymentStatus.APPROVED).values_list(
            "amount", flat=True
        )
    )
    for payment in approved:
        assert sum(payment.splits.values_list("amount", flat=True)) == payment.amount
    kept = {p.member_id for p, r in made if not r}
    assert figures["members_supported"] == len(kept)
    rows = selectors.welfare_figures_children(scope=SYSTEM, unit=tree.lc, start=start, end=end)
    assert sum(r["amount"] for r in rows) == expected
    assert 0 <= figures["donation_share"] <= 100


def _tally_cells():
    return set(PaymentTally.objects.values_list("unit_id", "month", "fund_id", "amount"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    specs=payment_specs,
    first=st.integers(min_value=0, max_value=80),
    length=st.integers(min_value=0, max_value=90),
)
def test_the_monthly_tally_always_equals_a_full_recount_and_any_period_adds_up(world, specs, first, length):
    """Whatever is approved and reversed, the tally kept by the services is what a rebuild would count, and
    figures over any period (whole months from the tally, partial months from the splits) equal the sum of
    the approved payments paid in it."""
    tree, members, programme = world
    Payment.objects.filter(reverses__isnull=False).delete()
    Payment.objects.all().delete()
    PaymentTally.objects.all().delete()
    grassroots = programme.funds.get(kind=FundKind.GRASSROOTS)
    donor = programme.funds.get(kind=FundKind.DONATION)
    made = []
    for who, amount, share, reverse, day in specs:
        donated = amount * share // 100
        payment = services.payment_add(
            scope=SYSTEM,
            programme=programme,
            member=members[who],
            amount=amount,
            paid_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            repeat_reason="Hỗ trợ thêm đợt sau",  # the same member may be drawn twice
            splits=[(grassroots, amount - donated), (donor, donated)],
        )
        made.append((payment, reverse, day))
    services.payments_submit(scope=SYSTEM, programme=programme)
    services.payments_approve(scope=SYSTEM, programme=programme, confirm_warnings=True)
    for payment, reverse, day in made:
        if reverse:
            # The correction is dated later, possibly in another month than the payment.
            services.payment_reverse(
                scope=SYSTEM,
                payment=payment,
                reason="Sai",
                on=payment.paid_on + dt.timedelta(days=day % 40),
            )
    kept = _tally_cells()
    services.payment_tally_rebuild()
    assert kept == _tally_cells()

    start = dt.date(2026, 1, 1) + dt.timedelta(days=first)
    end = start + dt.timedelta(days=length)
    approved = Payment.objects.filter(status=PaymentStatus.APPROVED, paid_on__gte=start, paid_on__lte=end)
    expected = sum(approved.values_list("amount", flat=True))
    donated = sum(
        PaymentSplit.objects.filter(
            fund=donor,
            payment__status=PaymentStatus.APPROVED,
            payment__paid_on__gte=start,
            payment__paid_on__lte=end,
        ).values_list("amount", flat=True)
    )
    for unit in (tree.root, tree.lc, tree.bt):
        figures = selectors.welfare_figures(scope=SYSTEM, unit=unit, start=start, end=end)
        in_unit = approved.filter(unit__path__startswith=unit.path)
        assert figures["amount_total"] == sum(in_unit.values_list("amount", flat=True))
        assert figures["union_total"] + figures["donation_total"] == figures["amount_total"]
    figures = selectors.welfare_figures(scope=SYSTEM, unit=tree.root, start=start, end=end)
    assert figures["amount_total"] == expected
    assert figures["donation_total"] == donated
    rows = selectors.welfare_figures_children(scope=SYSTEM, unit=tree.lc, start=start, end=end)
    assert sum(r["amount"] for r in rows) == expected
    assert sum(r["donations"] for r in rows) == donated
