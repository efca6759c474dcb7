import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core import dates
from congdoan.core.indicators import compute
from congdoan.members import services, stats
from congdoan.members.constants import StintStart
from congdoan.members.derived import smallspans
from congdoan.members.models import LeaveReason, Membership, SmallUnionSpan, UnitMemberCount
from congdoan.org.models import UnitLink
from congdoan.restructure import operations

from .conftest import SYSTEM, admit_active

# The same random operations as the tally test (a superset: it also corrects counted personal data).
from .test_tally import BASE, operation, play

D = dt.date


def leave(member, day, code="retired"):
    services.member_leave(
        scope=SYSTEM,
        member=member,
        left_on=day,
        reason=LeaveReason.objects.get(code=code),
        decision_no="1",
    )


def transfer(member, unit, day):
    services.member_transfer(scope=SYSTEM, member=member, to_unit=unit, effective_on=day, decision_no="2")


def test_counts_as_of_a_date_follow_transfers_between_provinces(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1), gender="F")
    admit_active(tree.g4, on=D(2020, 1, 1))
    transfer(m, tree.g4, D(2023, 1, 1))
    assert stats.total_on(unit=tree.lc, on=D(2022, 12, 31)) == 1
    assert stats.total_on(unit=tree.lc, on=D(2023, 1, 1)) == 0
    assert stats.total_on(unit=tree.dn, on=D(2023, 1, 1)) == 2
    assert stats.snapshot_on(unit=tree.dn, on=D(2023, 6, 1)).women == 1
    assert stats.total_on(unit=tree.root, on=D(2023, 6, 1)) == 2
    assert stats.total_on(unit=tree.root, on=D(2019, 12, 31)) == 0


def test_a_dissolved_union_still_counts_before_its_last_day(tree):
    for _ in range(3):
        admit_active(tree.g3, on=D(2020, 1, 1))
    operations.unit_dissolve(scope=SYSTEM, unit=tree.g3, dissolved_on=D(2024, 6, 30), decision_no="GT")
    assert stats.total_on(unit=tree.cd, on=D(2024, 6, 30)) == 3
    assert stats.total_on(unit=tree.cd, on=D(2024, 7, 1)) == 0
    assert stats.left_between(unit=tree.lc, start=D(2024, 1, 1), end=D(2024, 12, 31))[0] == 3
    assert compute("members_left", unit=tree.lc, start=D(2024, 1, 1), end=D(2024, 12, 31)) == 3


def test_a_moved_grassroots_union_counts_under_its_old_parent_before_the_move(tree):
    admit_active(tree.g2, on=D(2020, 1, 1))
    operations.unit_reparent(
        scope=SYSTEM,
        unit=tree.g2,
        new_parent=tree.hc,
        effective_on=D(2022, 1, 1),
        decision_no="CS",
    )
    assert stats.total_on(unit=tree.lc, on=D(2021, 12, 31)) == 1
    assert stats.total_on(unit=tree.dn, on=D(2021, 12, 31)) == 0
    assert stats.total_on(unit=tree.dn, on=D(2022, 1, 1)) == 1
    # The admission happened while the union was in Lào Cai: it belongs to Lào Cai's figures.
    assert stats.admitted_between(unit=tree.lc, start=D(2020, 1, 1), end=D(2022, 12, 31))[0] == 1
    assert stats.admitted_between(unit=tree.dn, start=D(2020, 1, 1), end=D(2022, 12, 31))[0] == 0


def test_a_merge_keeps_the_total_and_counts_no_admission_or_leaving(tree):
    for _ in range(2):
        admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_merge(
        scope=SYSTEM,
        sources=[tree.g1],
        target=tree.g2,
        effective_on=D(2024, 1, 1),
        decision_no="HN",
    )
    year = {"start": D(2024, 1, 1), "end": D(2024, 12, 31)}
    assert (
        stats.total_on(unit=tree.bt, on=D(2023, 12, 31))
        == stats.total_on(unit=tree.bt, on=D(2024, 1, 1))
        == 2
    )
    assert stats.admitted_between(unit=tree.bt, **year)[0] == 0
    assert stats.left_between(unit=tree.bt, **year)[0] == 0
    assert compute("members_net_gain", unit=tree.bt, **year) == 0


def test_period_indicators_for_admissions_party_and_new_unions(tree):
    admit_active(
        tree.g1,
        on=D(2024, 3, 1),
        is_informal=True,
        party_status="introduced",
        party_introduced_on=D(2024, 9, 1),
    )
    admit_active(tree.g1, on=D(2023, 3, 1))
    from tests.factories import found

    found(tree.bt, "CĐCS Công ty Mới", "grassroots", founded_on=D(2024, 5, 5), sector="non_state")
    found(tree.bt, "CĐCS Trường Tiểu học", "grassroots", founded_on=D(2024, 6, 5), sector="state")
    year = {"unit": tree.lc, "start": D(2024, 1, 1), "end": D(2024, 12, 31)}
    assert compute("members_admitted", **year) == 1
    assert compute("informal_admitted", **year) == 1
    assert compute("party_introduced", **year) == 1
    assert compute("members_total", **year) == 2
    assert compute("members_net_gain", **year) == 1
    assert compute("grassroots_founded", **year) == 2
    assert compute("grassroots_founded_state", **year) == 1
    assert compute("grassroots_founded_non_state", **year) == 1


def test_todays_total_counts_a_leaving_dated_today_and_not_a_transfer_dated_tomorrow(tree):
    now = dates.today()
    a = admit_active(tree.g1, on=D(2020, 1, 1), gender="F")
    b = admit_active(tree.g1, on=D(2020, 1, 1))
    leave(a, now)  # still a member today, the last day
    transfer(b, tree.g4, now + dt.timedelta(days=1))  # moves tomorrow
    assert stats.total_on(unit=tree.lc, on=now) == 2
    assert stats._today_totals(tree.lc)["women"] == 1
    assert stats.total_on(unit=tree.dn, on=now) == 0
    assert stats.total_on(unit=tree.lc, on=now + dt.timedelta(days=1)) == 0


def test_unions_with_fewer_than_five_members_are_listed(tree):
    for _ in range(5):
        admit_active(tree.g1, on=D(2020, 1, 1))
    admit_active(tree.g2, on=D(2020, 1, 1))
    small, per_branch = stats.small_grassroots_on(unit=tree.lc, on=D(2024, 1, 1))
    assert {name for _id, _code, name, _n in small} == {tree.g2.name, tree.g3.name}
    assert per_branch[tree.bt.pk] == 1 and per_branch[tree.cd.pk] == 1


def test_unions_under_five_on_past_days_follow_leavings_moves_and_dissolutions(tree):
    def small(unit, day):
        rows, per_branch = stats.small_grassroots_on(unit=unit, on=day)
        return {name: n for _id, _code, name, n in rows}, dict(per_branch)

    g1 = [admit_active(tree.g1, on=D(2020, 1, 1)) for _ in range(5)]
    for _ in range(2):
        admit_active(tree.g2, on=D(2020, 1, 1))
    leave(g1[0], D(2022, 6, 30))
    admit_active(tree.g1, on=D(2023, 1, 1))
    operations.unit_reparent(
        scope=SYSTEM,
        unit=tree.g2,
        new_parent=tree.hc,
        effective_on=D(2021, 1, 1),
        decision_no="CS",
    )
    operations.unit_dissolve(scope=SYSTEM, unit=tree.g3, dissolved_on=D(2024, 6, 30), decision_no="GT")
    g1, g2, g3, g4 = (u.name for u in (tree.g1, tree.g2, tree.g3, tree.g4))
    assert small(tree.lc, D(2019, 12, 31))[0] == {g1: 0, g2: 0, g3: 0}
    assert small(tree.lc, D(2020, 6, 1)) == ({g2: 2, g3: 0}, {tree.bt.pk: 1, tree.cd.pk: 1})
    # Moved to Đà Nẵng on 01/01/2021: listed there, no longer in Lào Cai.
    assert small(tree.lc, D(2021, 6, 1))[0] == {g3: 0}
    assert small(tree.dn, D(2021, 6, 1)) == ({g2: 2, g4: 0}, {tree.hc.pk: 2})
    # One of five left on 30/06/2022 (still a member that day); a new one came on 01/01/2023.
    assert g1 not in small(tree.bt, D(2022, 6, 30))[0]
    assert small(tree.bt, D(2022, 7, 1))[0] == {g1: 4}
    assert small(tree.g1, D(2022, 12, 31)) == ({g1: 4}, {0: 1})
    assert small(tree.bt, D(2023, 1, 1))[0] == {}
    # Dissolved on 30/06/2024: listed on its last day, gone the day after.
    assert g3 in small(tree.cd, D(2024, 6, 30))[0]
    assert small(tree.cd, D(2024, 7, 1))[0] == {}
    kept = sorted(SmallUnionSpan.objects.values_list("unit_id", "valid_from", "valid_to"))
    smallspans.rebuild()
    assert sorted(SmallUnionSpan.objects.values_list("unit_id", "valid_from", "valid_to")) == kept


def test_unions_founded_in_a_period_count_where_they_were_founded_even_after_a_move(tree):
    from tests.factories import found

    g5 = found(
        tree.bt, "CĐCS Công ty Điện lực Lào Cai", "grassroots", founded_on=D(2024, 3, 1), sector="state"
    )
    found(tree.hc, "CĐCS Công ty Cảng Đà Nẵng", "grassroots", founded_on=D(2024, 5, 1), sector="non_state")
    year = {"start": D(2024, 1, 1), "end": D(2024, 12, 31)}
    # No link changed since: the materialised path answers.
    assert stats.grassroots_founded_between(unit=tree.lc, **year) == {"total": 1, "state": 1, "non_state": 0}
    operations.unit_reparent(
        scope=SYSTEM, unit=g5, new_parent=tree.hc, effective_on=D(2025, 1, 1), decision_no="CS"
    )
    # Now the tree changed after the period: each union is walked up the links of its founding day.
    assert stats.grassroots_founded_between(unit=tree.lc, **year) == {"total": 1, "state": 1, "non_state": 0}
    assert stats.grassroots_founded_between(unit=tree.bt, **year)["total"] == 1
    assert stats.grassroots_founded_between(unit=tree.cd, **year)["total"] == 0
    assert stats.grassroots_founded_between(unit=tree.dn, **year) == {"total": 1, "state": 0, "non_state": 1}
    assert stats.grassroots_founded_between(unit=tree.root, **year)["total"] == 2
    assert stats.grassroots_founded_between(unit=g5, **year)["total"] == 0  # not itself
    assert (
        stats.grassroots_founded_between(unit=tree.dn, start=D(2025, 1, 1), end=D(2025, 12, 31))["total"] == 0
    )


def test_the_report_drills_down_to_children(tree):
    admit_active(tree.g1, on=D(2020, 1, 1), gender="F", date_of_birth=D(1970, 1, 1), ethnicity="02")
    admit_active(tree.g3, on=D(2020, 1, 1))
    r = stats.report(scope=SYSTEM, unit=tree.lc, on=D(2024, 1, 1), start=D(2024, 1, 1), end=D(2024, 1, 1))
    rows = {row["unit"].code: row for row in r.rows}
    assert rows["LCI.BT"]["total"] == 1 and rows["LCI.BT"]["women"] == 1 and rows["LCI.CD"]["total"] == 1
    assert r.snapshot.total == 2
    assert dict(stats.age_rows(r.snapshot))["Từ 50 đến 59 tuổi"] == 1
    assert dict(stats.ethnicity_rows(r.snapshot))["Tày"] == 1


# -- random histories against a brute-force recount ---------------------------------------------
class BruteForce:
    """Counts straight from the definitions, walking the dated parent links in Python."""

    def __init__(self):
        self.links = list(UnitLink.objects.values("child_id", "parent_id", "valid_from", "valid_to"))
        self.stints = list(
            Membership.objects.values(
                "unit_id", "valid_from", "valid_to", "start_kind", "end_reason__code", "member__gender"
            )
        )

    def parent_on(self, unit_id, day):
        for link in self.links:
            if (
                link["child_id"] == unit_id
                and link["valid_from"] <= day
                and (link["valid_to"] or D.max) >= day
            ):
                return link["parent_id"]
        return None

    def under(self, unit_id, root_id, day):
        seen = 0
        while unit_id is not None and seen < 20:
            if unit_id == root_id:
                return True
            unit_id, seen = self.parent_on(unit_id, day), seen + 1
        return False

    def total(self, root_id, day, women=False):
        return sum(
            1
            for s in self.stints
            if s["valid_from"] <= day <= (s["valid_to"] or D.max)
            and self.under(s["unit_id"], root_id, day)
            and (not women or s["member__gender"] == "F")
        )

    def admitted(self, root_id, start, end):
        return sum(
            1
            for s in self.stints
            if s["start_kind"] in (StintStart.ADMIT, StintStart.READMIT)
            and start <= s["valid_from"] <= end
            and self.under(s["unit_id"], root_id, s["valid_from"])
        )

    def left(self, root_id, start, end):
        return sum(
            1
            for s in self.stints
            if s["valid_to"] is not None
            and start <= s["valid_to"] <= end
            and s["end_reason__code"] not in ("transfer", "restructure")
            and self.under(s["unit_id"], root_id, s["valid_to"])
        )


@pytest.mark.django_db
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(operation, min_size=1, max_size=14),
    probes=st.lists(st.integers(0, 5200), min_size=2, max_size=4),
)
def test_counts_equal_a_brute_force_recount_after_random_histories(ops, probes):
    with transaction.atomic():
        t = play(ops)
        brute = BruteForce()
        days = sorted(BASE + dt.timedelta(days=p) for p in probes)
        now = dates.today()
        for unit in (t.root, t.lc, t.bt):  # today takes the materialised-path route
            assert stats.total_on(unit=unit, on=now) == brute.total(unit.pk, now)
            assert stats._today_totals(unit)["women"] == brute.total(unit.pk, now, women=True)
        # The per-unit counts kept by the services equal a full set-based rebuild.
        kept = sorted(UnitMemberCount.objects.values_list("unit_id", "total", "women", "informal"))
        services.registry_rebuild_derived()
        assert sorted(UnitMemberCount.objects.values_list("unit_id", "total", "women", "informal")) == kept
        for unit in (t.root, t.lc, t.dn, t.bt, t.cd, t.hc, t.g1, t.g4):
            for day in days:
                assert stats.total_on(unit=unit, on=day) == brute.total(unit.pk, day), (unit.code, day)
                assert stats.snapshot_on(unit=unit, on=day).women == brute.total(unit.pk, day, women=True)
            start, end = days[0], days[-1]
            assert stats.admitted_between(unit=unit, start=start, end=end)[0] == brute.admitted(
                unit.pk, start, end
            )
            assert stats.left_between(unit=unit, start=start, end=end)[0] == brute.left(unit.pk, start, end)
        transaction.set_rollback(True)
