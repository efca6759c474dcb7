"""Property: on random registries (admissions into random grassroots unions on random days, some members
leaving later, Tết payments of random amounts to some of them) and random periods, the fact table of every
unit equals the independent recount of ``test_facts.recount`` (members, welfare; awards on the fixed
records of ``test_facts``). Runs on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.members import services as member_services
from congdoan.members.models import LeaveReason
from congdoan.members.tests.conftest import admit_active
from congdoan.welfare import services as welfare_services

from .test_facts import recount

SYSTEM = Scope.unrestricted()
PAID_ON = dt.date(2026, 1, 20)


class Rollback(Exception):
    """Raised to undo one example's rows (hypothesis runs many examples inside one test's transaction)."""


person = st.fixed_dictionaries(
    {
        "unit": st.sampled_from(["g1", "g2", "g3", "g4"]),
        "admitted": st.dates(dt.date(2024, 6, 1), dt.date(2026, 10, 31)),
        "gender": st.sampled_from(["F", "M"]),
        "informal": st.booleans(),
        "stays": st.one_of(st.none(), st.integers(1, 500)),
        "paid": st.one_of(st.none(), st.integers(6, 20).map(lambda k: k * 50_000)),
    }
)
period = st.sampled_from(
    [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (dt.date(2025, 7, 1), dt.date(2026, 6, 30)),
    ]
)


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(people=st.lists(person, min_size=1, max_size=6), window=period)
def test_facts_equal_recounts_on_random_registries(tree, tet, people, window):
    start, end = window
    retired = LeaveReason.objects.get(code="retired")
    try:
        with transaction.atomic():
            paid = []
            for i, p in enumerate(people):
                member = admit_active(
                    getattr(tree, p["unit"]),
                    on=p["admitted"],
                    full_name=f"Đoàn viên thử {i}",
                    gender=p["gender"],
                    is_informal=p["informal"],
                )
                left_on = p["admitted"] + dt.timedelta(days=p["stays"]) if p["stays"] else None
                if left_on and left_on <= dt.date(2026, 11, 30):
                    member_services.member_leave(
                        scope=SYSTEM, member=member, left_on=left_on, reason=retired, decision_no="1/QĐ"
                    )
                active_on_payday = p["admitted"] <= PAID_ON and (left_on is None or left_on > PAID_ON)
                if p["paid"] and active_on_payday and p["unit"] in ("g1", "g2"):  # tet is Bảo Thắng's
                    welfare_services.payment_add(
                        scope=SYSTEM, programme=tet, member=member, amount=p["paid"], paid_on=PAID_ON
                    )
                    paid.append(member)
            if paid:
                welfare_services.payments_submit(scope=SYSTEM, programme=tet)
                welfare_services.payments_approve(scope=SYSTEM, programme=tet, confirm_warnings=True)
            for name in ("root", "lc", "bt", "cd", "g1", "dn"):
                unit = getattr(tree, name)
                got = {f.key: f.value for f in facts_for(scope=SYSTEM, unit=unit, start=start, end=end)}
                for key, expected in recount(unit, start, end).items():
                    assert got[key] == expected, (name, key, people, window)
            raise Rollback
    except Rollback:
        pass
