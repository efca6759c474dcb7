"""The member tally (``congdoan.members.tally``): kept incrementally == rebuilt by SQL == counted by hand.

Random histories of admissions, transfers, leavings, re-admissions, corrections of counted personal data
(gender, birth date, ethnicity, informal, Party dates) and restructures (re-parent, merge, dissolve) run
through the real services; then, for several units and days, every figure the statistics page shows is
compared with a brute-force count straight from the stints and the dated links, and the ledger the
services kept is compared row by row with a full set-based rebuild.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.members import services, stats
from congdoan.members.constants import AGE_BANDS, StintStart
from congdoan.members.derived import smallspans, tally
from congdoan.members.models import (
    LeaveReason,
    Member,
    Membership,
    MemberTally,
    MemberTallyEthnicity,
    SmallUnionSpan,
)
from congdoan.org.models import UnitLink
from congdoan.restructure import operations

from .conftest import SYSTEM, admit_active

D = dt.date
BASE = D(2010, 1, 1)


class Brute:
    """Figures straight from the definitions, walking the dated parent links in Python."""

    def __init__(self):
        self.links = list(UnitLink.objects.values_list("child_id", "parent_id", "valid_from", "valid_to"))
        self.stints = list(
            Membership.objects.values(
                "unit_id",
                "valid_from",
                "valid_to",
                "start_kind",
                "end_reason__code",
                "member__gender",
                "member__date_of_birth",
                "member__ethnicity",
                "member__is_informal",
                "member__party_introduced_on",
                "member__party_admitted_on",
                "unit__sector",
            )
        )

    def under(self, unit_id, root_id, day):
        for _ in range(20):
            if unit_id == root_id:
                return True
            parents = [p for c, p, f, t in self.links if c == unit_id and f <= day <= (t or D.max)]
            if not parents:
                return False
            unit_id = parents[0]
        return False

    def present(self, root_id, day):
        return [
            s
            for s in self.stints
            if s["valid_from"] <= day <= (s["valid_to"] or D.max) and self.under(s["unit_id"], root_id, day)
        ]

    def snapshot(self, root_id, day):
        rows = self.present(root_id, day)
        bands = {}
        for s in rows:
            age = day.year - s["member__date_of_birth"].year  # age by year of birth
            code = next(c for c, _label, low, high in AGE_BANDS if low <= age <= high)
            bands[code] = bands.get(code, 0) + 1
        eth, sectors = {}, {}
        for s in rows:
            eth[s["member__ethnicity"]] = eth.get(s["member__ethnicity"], 0) + 1
            sectors[s["unit__sector"] or ""] = sectors.get(s["unit__sector"] or "", 0) + 1
        return {
            "total": len(rows),
            "women": sum(1 for s in rows if s["member__gender"] == "F"),
            "informal": sum(1 for s in rows if s["member__is_informal"]),
            "by_age": bands,
            "by_ethnicity": eth,
            "by_sector": sectors,
        }

    def small(self, root_id, day):
        """{union: members} of the grassroots unions under the root on ``day`` with fewer than five."""
        from congdoan.org.models import Unit

        out = {}
        for unit in Unit.objects.filter(kind__is_grassroots=True):
            exists = unit.founded_on <= day and (unit.dissolved_on is None or day <= unit.dissolved_on)
            if exists and self.under(unit.pk, root_id, day):
                n = sum(
                    1
                    for s in self.stints
                    if s["unit_id"] == unit.pk and s["valid_from"] <= day <= (s["valid_to"] or D.max)
                )
                if n < stats.MIN_GRASSROOTS_MEMBERS:
                    out[unit.pk] = n
        return out

    def events(self, root_id, start, end):
        out = {"admitted": 0, "leavers": 0, "party_introduced": 0, "party_admitted": 0}
        for s in self.stints:
            if (
                s["start_kind"] in (StintStart.ADMIT, StintStart.READMIT)
                and start <= s["valid_from"] <= end
                and self.under(s["unit_id"], root_id, s["valid_from"])
            ):
                out["admitted"] += 1
            if (
                s["valid_to"] is not None
                and start <= s["valid_to"] <= end
                and s["end_reason__code"] not in ("transfer", "restructure", None)
                and self.under(s["unit_id"], root_id, s["valid_to"])
            ):
                out["leavers"] += 1
            for key in ("party_introduced", "party_admitted"):
                day = s[f"member__{key}_on"]
                if (
                    day is not None
                    and start <= day <= end
                    and s["valid_from"] <= day <= (s["valid_to"] or D.max)
                    and self.under(s["unit_id"], root_id, day)
                ):
                    out[key] += 1
        return out


operation = st.tuples(
    st.integers(0, 6000),  # day offset from BASE
    st.sampled_from(
        [
            *["admit"] * 3,
            "admit_group",  # 2–4 at once, so unions cross the charter's minimum of five both ways
            *["transfer", "leave", "readmit", "update", "dissolve", "merge", "reparent"],
        ]
    ),
    st.integers(0, 60),
    st.integers(0, 60),
)


def _apply(t, day, kind, a, b):
    grassroots = [t.g1, t.g2, t.g3, t.g4]
    communes = [t.bt, t.cd, t.hc]
    members = list(Member.objects.filter(code__isnull=False).order_by("id"))
    for u in grassroots + communes:
        u.refresh_from_db()
    if kind in ("admit", "admit_group"):
        for i in range(2 + b % 3 if kind == "admit_group" else 1):
            admit_active(
                grassroots[a % 4],
                on=day,
                gender="F" if (b + i) % 2 else "M",
                date_of_birth=D(1950 + (a * 7 + b + i) % 50, 1 + b % 12, 1 + a % 28),
                ethnicity=("01", "02", "03")[(b + i) % 3],
                is_informal=bool(a % 3 == 0),
                party_introduced_on=day + dt.timedelta(days=30 * (b % 5)) if b % 4 == 0 else None,
            )
    elif kind == "merge":
        operations.unit_merge(
            scope=SYSTEM,
            sources=[grassroots[a % 4]],
            target=grassroots[b % 4],
            effective_on=day,
            decision_no="HN",
        )
    elif kind == "dissolve":
        operations.unit_dissolve(scope=SYSTEM, unit=grassroots[a % 4], dissolved_on=day, decision_no="GT")
    elif kind == "reparent":
        operations.unit_reparent(
            scope=SYSTEM,
            unit=grassroots[a % 4],
            new_parent=communes[b % 3],
            effective_on=day,
            decision_no="CS",
        )
    elif members:
        m = members[a % len(members)]
        if kind == "transfer":
            services.member_transfer(
                scope=SYSTEM,
                member=m,
                to_unit=grassroots[b % 4],
                effective_on=day,
                decision_no="2",
            )
        elif kind == "leave":
            services.member_leave(
                scope=SYSTEM,
                member=m,
                left_on=day,
                reason=LeaveReason.objects.get(code="deceased" if b % 2 else "retired"),
                decision_no="1",
            )
        elif kind == "update":
            services.member_update(
                scope=SYSTEM,
                member=m,
                gender="M" if m.gender == "F" else "F",
                date_of_birth=D(1945 + b % 50, 6, 30),
                ethnicity=("01", "04")[b % 2],
                is_informal=not m.is_informal,
                party_admitted_on=day if b % 3 == 0 else None,
            )
        else:
            services.member_readmit(
                scope=SYSTEM,
                member=m,
                unit=grassroots[b % 4],
                readmitted_on=day,
                decision_no="KL",
            )


def play(ops):
    """Build the test tree and run the random operations through the services (refused ones skipped)."""
    from tests.factories import build_tree

    t = build_tree()
    for offset, kind, a, b in sorted(ops, key=lambda op: op[0]):
        try:
            with transaction.atomic():
                _apply(t, BASE + dt.timedelta(days=offset), kind, a, b)
        except ValidationError:
            pass
    return t


def _ledger():
    cols = ("unit_id", "day", *tally.COLUMNS)
    return (
        sorted(MemberTally.objects.values_list(*cols)),
        sorted(MemberTallyEthnicity.objects.values_list("unit_id", "day", "ethnicity", "n")),
    )


def _spans():
    return sorted(SmallUnionSpan.objects.values_list("unit_id", "valid_from", "valid_to"))


def _plain(snap):
    return {
        "total": snap.total,
        "women": snap.women,
        "informal": snap.informal,
        "by_age": {k: v for k, v in snap.by_age.items() if v},
        "by_ethnicity": {k: v for k, v in snap.by_ethnicity.items() if v},
        "by_sector": {k: v for k, v in snap.by_sector.items() if v},
    }


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(operation, min_size=1, max_size=14),
    probes=st.lists(st.integers(0, 6500), min_size=2, max_size=3),
)
def test_kept_tally_equals_rebuild_and_brute_force_counts(ops, probes):
    with transaction.atomic():
        t = play(ops)
        brute = Brute()
        days = sorted(BASE + dt.timedelta(days=p) for p in probes)
        for unit in (t.root, t.lc, t.dn, t.bt, t.hc, t.g1, t.g4):
            for day in days:
                assert _plain(stats.snapshot_on(unit=unit, on=day)) == brute.snapshot(unit.pk, day), (
                    unit.code,
                    day,
                )
                small, _by_branch = stats.small_grassroots_on(unit=unit, on=day)
                assert {r[0]: r[3] for r in small} == brute.small(unit.pk, day), (unit.code, day)
            start, end = days[0], days[-1]
            got = {
                "admitted": stats.admitted_between(unit=unit, start=start, end=end)[0],
                "leavers": stats.left_between(unit=unit, start=start, end=end)[0],
                "party_introduced": stats.party_between(unit=unit, start=start, end=end),
                "party_admitted": stats.party_between(unit=unit, start=start, end=end, admitted=True),
            }
            assert got == brute.events(unit.pk, start, end), unit.code
        kept, spans = _ledger(), _spans()
        tally.rebuild()
        smallspans.rebuild()
        assert _ledger() == kept
        assert _spans() == spans
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_drill_down_rows_add_up_and_follow_a_move(tree):
    """A union moved to another commune counts under the old one before the move, the new one after."""
    member = admit_active(tree.g1, on=D(2020, 3, 1), gender="F")
    admit_active(tree.g2, on=D(2020, 3, 1))
    operations.unit_reparent(
        scope=SYSTEM,
        unit=tree.g1,
        new_parent=tree.cd,
        effective_on=D(2024, 1, 1),
        decision_no="CS",
    )
    before = stats.snapshot_on(unit=tree.lc, on=D(2023, 12, 31))
    after = stats.snapshot_on(unit=tree.lc, on=D(2024, 1, 1))
    assert before.branches[tree.bt.pk]["total"] == 2 and tree.cd.pk not in before.branches
    assert after.branches[tree.cd.pk]["total"] == 1 and after.branches[tree.cd.pk]["women"] == 1
    assert sum(b["total"] for b in after.branches.values()) == after.total == 2
    assert stats.admitted_between(unit=tree.lc, start=D(2020, 1, 1), end=D(2020, 12, 31))[1] == {
        tree.bt.pk: 2
    }
    assert member.code  # the moved member kept the card code


@pytest.mark.django_db
def test_small_unions_today_and_tomorrow_with_a_leaving_today_and_a_transfer_tomorrow(tree):
    """A leaver is still a member on the last day; a transfer dated tomorrow moves the count tomorrow."""
    from congdoan.core.dates import today

    now = today()
    tomorrow = now + dt.timedelta(days=1)
    g1 = [admit_active(tree.g1, on=D(2020, 1, 1)) for _ in range(5)]
    [admit_active(tree.g2, on=D(2020, 1, 1)) for _ in range(3)]
    services.member_leave(
        scope=SYSTEM,
        member=g1[0],
        left_on=now,
        reason=LeaveReason.objects.get(code="retired"),
        decision_no="1",
    )
    services.member_transfer(
        scope=SYSTEM, member=g1[1], to_unit=tree.g2, effective_on=tomorrow, decision_no="2"
    )

    def small(day):
        return {r[0]: r[3] for r in stats.small_grassroots_on(unit=tree.lc, on=day)[0]}

    # Today: g1 still has five (the leaver's last day), g2 three, g3 none.
    assert small(now) == {tree.g2.pk: 3, tree.g3.pk: 0}
    # Tomorrow: g1 has lost the leaver and the transferred member, g2 has gained one.
    assert small(tomorrow) == {tree.g1.pk: 3, tree.g2.pk: 4, tree.g3.pk: 0}
