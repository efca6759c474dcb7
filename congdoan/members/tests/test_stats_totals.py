"""Property: the members of a subtree on several days read at once (``stats.totals_on``, the dashboard's
chart of members over time) equal ``stats.total_on`` day by day, on random admissions and leavings."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.members import services, stats
from congdoan.members.models import LeaveReason
from congdoan.members.tests.conftest import admit_active

SYSTEM = Scope.unrestricted()


class Rollback(Exception):
    pass


person = st.tuples(
    st.sampled_from(["g1", "g2", "g3", "g4"]),
    st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)),
    st.one_of(st.none(), st.integers(0, 400)),
)


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    people=st.lists(person, min_size=1, max_size=6),
    days=st.lists(st.dates(dt.date(2023, 12, 1), dt.date(2027, 6, 30)), max_size=13),
)
def test_totals_on_several_days_equal_the_total_of_each_day(tree, people, days):
    retired = LeaveReason.objects.get(code="retired")
    try:
        with transaction.atomic():
            for i, (unit, admitted, stays) in enumerate(people):
                member = admit_active(getattr(tree, unit), on=admitted, full_name=f"Đoàn viên {i}")
                if stays is not None:
                    services.member_leave(
                        scope=SYSTEM,
                        member=member,
                        left_on=admitted + dt.timedelta(days=stays),
                        reason=retired,
                        decision_no="1/QĐ",
                    )
            days = [*days, people[0][1]]  # a day something happened
            for name in ("root", "lc", "bt", "g1", "g4"):
                unit = getattr(tree, name)
                expected = {day: stats.total_on(unit=unit, on=day) for day in days}
                assert stats.totals_on(unit=unit, days=days) == expected, name
            raise Rollback
    except Rollback:
        pass
