"""Welfare figures by paying level: people supported and money per level equal a recount of the payments."""

import datetime as dt
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.welfare import services
from congdoan.welfare.constants import PaymentStatus
from congdoan.welfare.levels import welfare_by_level
from congdoan.welfare.models import Payment

from .conftest import SYSTEM, make_member, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(tree):
    members = [make_member(tree.g1), make_member(tree.g1), make_member(tree.g2), make_member(tree.g3)]
    programmes = {
        1: make_programme(tree.lc, name="Tết của tỉnh", end=dt.date(2026, 3, 31)),
        2: make_programme(tree.bt, name="Tết của xã", end=dt.date(2026, 3, 31)),
        3: make_programme(tree.g1, name="Tết của CĐCS", end=dt.date(2026, 3, 31)),
    }
    return tree, members, programmes


def test_a_sector_unions_own_people_read_apart_from_its_grassroots_unions(world):
    tree, members, programmes = world
    for member in members[:3]:
        services.payment_add(
            scope=SYSTEM, programme=programmes[2], member=member, paid_on=dt.date(2026, 1, 10)
        )
    services.payment_add(
        scope=SYSTEM, programme=programmes[3], member=members[0], paid_on=dt.date(2026, 1, 11)
    )
    approve_all(programmes)
    rows = welfare_by_level(scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31))
    # Bảo Thắng's own programme supported its three members; its grassroots union, one of them again.
    assert [(r["label"], r["people"], r["amount"]) for r in rows] == [
        ("Công đoàn cấp trên trực tiếp cơ sở", 3, 1_500_000),
        ("Công đoàn cơ sở", 1, 500_000),
    ]


def approve_all(programmes):
    for programme in programmes.values():
        if programme.payments.filter(status=PaymentStatus.DRAFT).exists():
            services.payments_submit(scope=SYSTEM, programme=programme)
            services.payments_approve(scope=SYSTEM, programme=programme, confirm_warnings=True)


specs = st.lists(
    st.tuples(
        st.sampled_from([1, 2, 3]),  # the paying level (programme)
        st.integers(min_value=0, max_value=3),  # member
        st.integers(min_value=1, max_value=900_000_000),
        st.booleans(),  # reversed
        st.integers(min_value=0, max_value=80),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=specs, first=st.integers(0, 40), length=st.integers(0, 60))
def test_people_and_money_per_level_equal_a_recount(world, specs, first, length):
    tree, members, programmes = world
    Payment.objects.filter(reverses__isnull=False).delete()
    Payment.objects.all().delete()
    made = []
    for level, who, amount, reverse, day in specs:
        programme = programmes[level]
        member = members[who]
        if not member.unit.path.startswith(programme.owner.path):
            continue
        payment = services.payment_add(
            scope=SYSTEM,
            programme=programme,
            member=member,
            amount=amount,
            paid_on=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            repeat_reason="Đợt sau",
        )
        made.append((payment, reverse))
    approve_all(programmes)
    for payment, reverse in made:
        if reverse:
            services.payment_reverse(scope=SYSTEM, payment=payment, reason="Sai", on=payment.paid_on)
    start = dt.date(2026, 1, 1) + dt.timedelta(days=first)
    end = start + dt.timedelta(days=length)
    for root in (tree.root, tree.lc, tree.bt, tree.cd):
        amount, people = defaultdict(int), defaultdict(set)
        reversed_ids = set(
            Payment.objects.filter(reverses__isnull=False).values_list("reverses_id", flat=True)
        )
        for p in Payment.objects.select_related("programme__owner__kind", "unit"):
            if p.status != PaymentStatus.APPROVED or not start <= p.paid_on <= end:
                continue
            if not p.unit.path.startswith(root.path):
                continue
            level = min(p.programme.owner.kind.level, 3)
            amount[level] += p.amount
            if p.reverses_id is None and p.pk not in reversed_ids:
                people[level].add(p.member_id)
        rows = welfare_by_level(scope=SYSTEM, unit=root, start=start, end=end)
        assert {r["level"]: r["amount"] for r in rows} == {
            k: v for k, v in amount.items() if v or people[k]
        } | {k: 0 for k in people if people[k] and not amount[k]}
        assert {r["level"]: r["people"] for r in rows if r["people"]} == {
            k: len(v) for k, v in people.items() if v
        }
