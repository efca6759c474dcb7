"""Property: on random registries (admissions into random grassroots unions on random days, some members
leaving later, Tết payments of random amounts to some of them) and random periods, the fact table of every
unit equals the independent recount of ``test_facts.recount`` (members, welfare). On random award decisions
(union levels and outside bodies, award years and signing dates apart), the award facts by level and form equal
a recount in Python; on random quarterly reports and targets, "N/M chỉ tiêu đạt và vượt" and the report
completeness equal a recount from the report rows. Runs on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.emulation import services as emulation_services
from congdoan.emulation.constants import ISSUER_LEVEL, GrantingLevel, Issuer, Recipient
from congdoan.emulation.models import Award, AwardKind
from congdoan.members import services as member_services
from congdoan.members.models import LeaveReason
from congdoan.members.tests.conftest import admit_active
from congdoan.targets.constants import PeriodType
from congdoan.targets.models import Report, ReportValue
from congdoan.targets.periods import Period
from congdoan.targets.services import target_assign
from congdoan.targets.tests.conftest import fill
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


# Awards: one decision a line, for award years 2024–2025, signed in the year or up to March of the next (a
# January decision for last year counts in last year by award year, in this year by signing date); union levels
# recorded as past decisions, outside bodies (People's Committee, ministry, State) as received ones.
award = st.fixed_dictionaries(
    {
        "kind": st.integers(0, 1_000),
        "unit": st.sampled_from(["bt", "cd", "g1", "g2", "g3"]),
        "year": st.sampled_from([2024, 2025]),
        "signed_after": st.integers(0, 450),
    }
)
award_window = st.sampled_from(
    [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
        (dt.date(2025, 7, 1), dt.date(2026, 6, 30)),
    ]
)
ISSUER_OF = {level: issuer for issuer, level in ISSUER_LEVEL.items()}


def award_recount(unit, start, end) -> dict:
    """Counted in Python from the plain rows: the unit's subtree by path; by award year when the period is
    whole calendar years, else by signing date; collectives have no member."""
    whole = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    rows = Award.objects.values_list(
        "unit__path", "member_id", "award_kind__granting_level", "year", "decision__issued_on"
    )
    counts = {"awards.total": 0, "awards.collectives": 0, "awards.individuals": 0}
    for level in GrantingLevel.values:
        counts[f"awards.{level}.collectives"] = counts[f"awards.{level}.individuals"] = 0
    for path, member_id, level, year, signed in rows:
        inside = start.year <= year <= end.year if whole else start <= signed <= end
        if not path.startswith(unit.path) or not inside:
            continue
        form = "collectives" if member_id is None else "individuals"
        counts["awards.total"] += 1
        counts[f"awards.{form}"] += 1
        counts[f"awards.{level}.{form}"] += 1
    return counts


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(awards=st.lists(award, min_size=1, max_size=8), window=award_window)
def test_award_facts_equal_recounts_on_random_decisions(tree, awards, window):
    start, end = window
    kinds = list(AwardKind.objects.filter(valid_to__isnull=True, once_per_person=False).order_by("code"))
    try:
        with transaction.atomic():
            for i, a in enumerate(awards):
                kind = kinds[a["kind"] % len(kinds)]
                unit = getattr(tree, a["unit"])
                member = None
                if kind.recipient == Recipient.INDIVIDUAL:
                    member = admit_active(
                        tree.g1 if unit.pk in (tree.bt.pk, tree.cd.pk) else unit,
                        on=dt.date(2020, 1, 1),
                        full_name=f"Người được khen {i}",
                    )
                outside = kind.granting_level in ISSUER_OF
                emulation_services.decision_record(
                    scope=SYSTEM,
                    issuing_unit=tree.lc,
                    issuer=ISSUER_OF[kind.granting_level] if outside else Issuer.UNION,
                    issuer_name="Ủy ban nhân dân tỉnh Lào Cai" if outside else "",
                    number=f"{i + 1}/QĐ-TH",
                    issued_on=dt.date(a["year"], 1, 1) + dt.timedelta(days=a["signed_after"]),
                    year=a["year"],
                    lines=[(kind, None if member else unit, member)],
                    historical=not outside,
                )
            for name in ("root", "lc", "bt", "cd", "g1", "dn"):
                unit = getattr(tree, name)
                got = {f.key: f.value for f in facts_for(scope=SYSTEM, unit=unit, start=start, end=end)}
                for key, expected in award_recount(unit, start, end).items():
                    assert got.get(key, 0) == expected, (name, key, awards, window)
            raise Rollback
    except Rollback:
        pass


# Targets and report completeness: Bảo Thắng's two grassroots unions report each quarter of 2025 on the
# quarterly form (missing, draft, submitted or approved; random figures), Bảo Thắng has random targets for 2025.
STATES = ["missing", "draft", "submitted", "approved"]
quarter_report = st.fixed_dictionaries(
    {
        "state": st.sampled_from(STATES),
        "members": st.integers(1, 60),
        "dialogues": st.integers(0, 12),
        "accidents": st.one_of(st.none(), st.integers(0, 4)),
    }
)
goals = st.fixed_dictionaries(
    {
        "members": st.one_of(st.none(), st.integers(0, 200)),
        "dialogues": st.one_of(st.none(), st.integers(0, 60)),
        "accidents": st.one_of(st.none(), st.integers(0, 8)),
    }
)
target_window = st.sampled_from(
    [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 5)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 7, 15)),
        (dt.date(2025, 4, 1), dt.date(2025, 9, 30), dt.date(2025, 10, 5)),
        (dt.date(2025, 1, 1), dt.date(2025, 3, 31), dt.date(2025, 4, 30)),
    ]
)


def target_recount(cat, unit, start, end, as_of, goal_of) -> dict:
    """Plain rows: a quarter's figure of a target is the sum of the approved values of the units below in that
    quarter (none when no value); the year's actual the sum of the quarters that have one; a target is met when
    the actual reaches it (at most it, for a lower-is-better one). Reports due: every (child, quarter) inside
    the period; late: submitted after the deadline (quarter end + 10 days), or not submitted by ``as_of``."""
    quarters = [dt.date(2025, m, 1) for m in (1, 4, 7, 10)]
    achieved = 0
    for indicator, goal in goal_of.items():
        values = (
            ReportValue.objects.filter(
                report__status="approved",
                report__unit__path__startswith=unit.path,
                indicator=indicator,
                value__isnull=False,
            )
            .exclude(report__unit=unit)
            .select_related("report")
        )
        sums = [
            sum(v.value for v in values if v.report.period_start == q)
            for q in quarters
            if any(v.report.period_start == q for v in values)
        ]
        actual = sum(sums) if sums else None
        if actual is not None and (actual <= goal if indicator == cat.accidents else actual >= goal):
            achieved += 1
    due = submitted = approved = late = 0
    kids = [cat.tree.g1, cat.tree.g2]
    for q in quarters:
        q_end = (dt.date(2025, q.month + 3, 1) if q.month < 10 else dt.date(2026, 1, 1)) - dt.timedelta(
            days=1
        )
        if not (start <= q and q_end <= end):
            continue
        deadline = q_end + dt.timedelta(days=10)
        for kid in kids:
            report = Report.objects.filter(unit=kid, form=cat.form, period_start=q).first()
            due += 1
            sent = report is not None and report.submitted_at is not None
            submitted += report is not None and report.status in ("submitted", "approved")
            approved += report is not None and report.status == "approved"
            late += (report.submitted_at.date() > deadline) if sent else as_of > deadline
    return {
        "targets.achieved": (achieved, len(goal_of)),
        "reports.due": due,
        "reports.submitted": submitted,
        "reports.waiting": submitted - approved,
        "reports.late": late,
    }


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(reports=st.lists(quarter_report, min_size=8, max_size=8), goal=goals, window=target_window)
def test_target_and_report_facts_equal_recounts_on_random_reports(tree, cat, reports, goal, window):
    start, end, as_of = window
    try:
        with transaction.atomic():
            for (kid, quarter), r in zip(
                [(k, n) for k in (tree.g1, tree.g2) for n in (1, 2, 3, 4)], reports, strict=True
            ):
                if r["state"] == "missing":
                    continue
                values = {cat.members: r["members"], cat.dialogues: r["dialogues"]}
                if r["accidents"] is not None:
                    values[cat.accidents] = r["accidents"]
                fill(
                    cat,
                    kid,
                    values,
                    period=Period(PeriodType.QUARTER, 2025, quarter),
                    submit=r["state"] == "submitted",
                    approve=r["state"] == "approved",
                )
            goal_of = {getattr(cat, k): v for k, v in goal.items() if v is not None}
            if goal_of:
                target_assign(
                    scope=SYSTEM,
                    assigned_by=tree.lc,
                    year=2025,
                    decision_no="01/QĐ-LĐLĐ",
                    values={(tree.bt.pk, ind.pk): value for ind, value in goal_of.items()},
                )
            got = {f.key: f for f in facts_for(scope=SYSTEM, unit=tree.bt, start=start, end=end, as_of=as_of)}
            expected = target_recount(cat, tree.bt, start, end, as_of, goal_of)
            achieved = got["targets.achieved"]
            assert (achieved.value, achieved.out_of or 0) == expected.pop("targets.achieved"), (reports, goal)
            for key, value in expected.items():
                assert got[key].value == value, (key, reports, goal, window)
            raise Rollback
    except Rollback:
        pass
