"""The fact table equals independent recounts on the ``tree`` fixture (members admitted and leaving through
the real services, welfare payments approved, awards decided), keeps to the scope, and the API serves it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Count, Q, Sum
from django.http import Http404

from congdoan.core.scoping import Scope
from congdoan.documents.facts import display, facts_for, year_before
from congdoan.emulation.models import Award
from congdoan.members import services as member_services
from congdoan.members.constants import AGE_BANDS
from congdoan.members.models import LeaveReason, Member, Membership
from congdoan.members.tests.conftest import admit_active
from congdoan.targets import selectors as target_selectors
from congdoan.targets.models import Report
from congdoan.targets.services import target_assign
from congdoan.targets.tests.conftest import fill
from congdoan.welfare import services as welfare_services
from congdoan.welfare.models import Payment

SYSTEM = Scope.unrestricted()
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def on_day(unit, day):
    """Members of the subtree on ``day``, counted from the stints themselves."""
    return Membership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day), unit__path__startswith=unit.path, valid_from__lte=day
    )


def recount(unit, start, end) -> dict:
    now = on_day(unit, end)
    members = Member.objects.filter(pk__in=now.values("member_id"))
    stints = Membership.objects.filter(unit__path__startswith=unit.path)
    payments = Payment.objects.filter(
        unit__path__startswith=unit.path, status="approved", paid_on__gte=start, paid_on__lte=end
    )
    awards = Award.objects.filter(
        unit__path__startswith=unit.path, decision__issued_on__gte=start, decision__issued_on__lte=end
    )
    return {
        "members.total": now.count(),
        "members.women": members.filter(gender="F").count(),
        "members.informal": members.filter(is_informal=True).count(),
        "members.admitted": stints.filter(
            start_kind__in=["admit", "readmit"], valid_from__gte=start, valid_from__lte=end
        ).count(),
        "members.left": stints.filter(
            end_reason__isnull=False, valid_to__gte=start, valid_to__lte=end
        ).count(),
        "members.net_gain": now.count() - on_day(unit, start - dt.timedelta(days=1)).count(),
        "welfare.spent": payments.aggregate(s=Sum("amount"))["s"] or 0,
        "welfare.people": payments.aggregate(n=Count("member_id", distinct=True))["n"],
        "awards.total": awards.count(),
        "awards.collectives": awards.filter(member__isnull=True).count(),
        "awards.individuals": awards.filter(member__isnull=False).count(),
    }


@pytest.fixture
def records(tree, decided, tet):
    """Members of Lào Cai admitted in 2025 and 2026, one leaving in 2026; one in Đà Nẵng; Tết gifts paid.

    ``decided`` writes Lan (a woman of g1 since 2015) directly, as a bulk loader would: the tallies are
    rebuilt after it, as after any bulk load."""
    member_services.registry_rebuild_derived()
    women = [
        admit_active(tree.g1, on=dt.date(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
        for i in range(3)
    ]
    admit_active(tree.g1, on=dt.date(2026, 2, 1), full_name="Nguyễn Văn Bình")
    admit_active(tree.g3, on=dt.date(2026, 4, 1), full_name="Giàng A Páo", is_informal=True)
    admit_active(tree.g4, on=dt.date(2026, 2, 1), full_name="Trần Văn Đà")
    member_services.member_leave(
        scope=SYSTEM,
        member=women[0],
        left_on=dt.date(2026, 5, 31),
        reason=LeaveReason.objects.get(code="retired"),
        decision_no="12/QĐ-CĐCS",
    )
    for member in women[1:]:
        welfare_services.payment_add(
            scope=SYSTEM, programme=tet, member=member, amount=500_000, paid_on=dt.date(2026, 1, 20)
        )
    welfare_services.payments_submit(scope=SYSTEM, programme=tet)
    welfare_services.payments_approve(scope=SYSTEM, programme=tet, confirm_warnings=True)
    return tree


def values(facts) -> dict:
    return {f.key: f.value for f in facts}


@pytest.mark.parametrize("unit_name", ["lc", "bt", "g1", "cd", "root"])
def test_facts_equal_independent_recounts(records, unit_name):
    unit = getattr(records, unit_name)
    got = values(facts_for(scope=SYSTEM, unit=unit, start=START, end=END, as_of=END))
    for key, expected in recount(unit, START, END).items():
        assert got[key] == expected, key


def test_the_figures_of_lao_cai(records):
    facts = {f.key: f for f in facts_for(scope=SYSTEM, unit=records.lc, start=START, end=END, as_of=END)}
    assert facts["members.total"].value == 5  # Lan, two women, Bình, Páo
    assert facts["members.women"].value == 3
    assert facts["members.women_share"].value == Decimal("60.00")
    assert facts["members.informal"].value == 1
    assert facts["members.admitted"].value == 2
    assert facts["members.left"].value == 1
    assert facts["members.net_gain"].value == 1
    assert facts["members.total"].previous == 4  # 31/12/2025: Lan and the three women
    assert facts["members.admitted"].previous == 3
    assert facts["unions.grassroots"].value == 3
    assert facts["welfare.spent"].value == 1_000_000
    assert facts["welfare.people"].value == 2
    assert facts["welfare.spent"].previous == 0
    assert facts["awards.total"].value == 2
    assert facts["awards.collectives"].value == 1
    assert facts["awards.individuals"].value == 1
    assert facts["awards.provincial.individuals"].value == 1
    assert all(f.url.startswith("/") for f in facts.values())
    assert facts["members.women"].url.startswith("/members/?")
    assert "gender=F" in facts["members.women"].url


def test_a_period_changes_the_figures(records):
    first = values(
        facts_for(scope=SYSTEM, unit=records.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    )
    second = values(
        facts_for(scope=SYSTEM, unit=records.lc, start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    )
    assert (first["members.admitted"], first["members.left"], first["members.total"]) == (1, 0, 5)
    assert (second["members.admitted"], second["members.left"], second["members.total"]) == (1, 1, 5)
    assert first["welfare.spent"] == 1_000_000
    assert second["welfare.spent"] == 0


def test_another_provinces_unit_does_not_exist(records):
    scope = Scope.for_user(records.province_officer)
    with pytest.raises(Http404):
        facts_for(scope=scope, unit=records.dn, start=START, end=END)
    assert values(facts_for(scope=scope, unit=records.lc, start=START, end=END))["members.total"] == 5


def test_display_is_vietnamese():
    assert display(1234567, "người") == "1.234.567"
    assert display(Decimal("47.99"), "%") == "47,99 %"
    assert display(12, "chỉ tiêu", 18) == "12/18"
    assert display(None, "người") == "—"
    assert year_before(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)


def test_the_api_serves_the_facts_in_scope(records, client):
    client.force_login(records.province_officer)
    url = "/api/v1/documents/facts"
    response = client.get(url, {"unit_id": records.lc.pk, "start": "2026-01-01", "end": "2026-12-31"})
    assert response.status_code == 200
    rows = {row["key"]: row for row in response.json()["items"]}
    assert rows["members.total"]["value"] == 5
    assert rows["members.total"]["unit"] == "người"
    assert rows["members.total"]["approved"] is True
    assert rows["members.total"]["previous"] == 4
    assert rows["welfare.spent"]["value"] == 1_000_000
    assert rows["members.women_share"]["value"] == 60.0
    assert rows["members.women_share"]["previous"] == 100.0
    assert rows["members.women_share"]["unit"] == "%"
    assert rows["members.women"]["url"].startswith("/members/")
    outside = client.get(url, {"unit_id": records.dn.pk, "start": "2026-01-01", "end": "2026-12-31"})
    assert outside.status_code == 404


def test_reports_and_targets_facts(tree, cat):
    """Bảo Thắng's two grassroots unions report for Q1 2026: Apatit's waits for approval (the figure is
    provisional), the other's is approved; Bảo Thắng's targets are judged as on the evaluation page."""
    fill(cat, tree.g1, {cat.members: 10, cat.dialogues: 2}, submit=True)
    fill(cat, tree.g2, {cat.members: 8, cat.dialogues: 2}, approve=True)
    target_assign(
        scope=SYSTEM,
        assigned_by=tree.lc,
        year=2026,
        decision_no="01/QĐ-LĐLĐ",
        values={(tree.bt.pk, cat.dialogues.pk): 2, (tree.bt.pk, cat.members.pk): 20},
    )
    q1 = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 3, 31)}
    facts = {f.key: f for f in facts_for(scope=SYSTEM, unit=tree.bt, as_of=dt.date(2026, 4, 5), **q1)}
    assert facts["reports.due"].value == 2
    assert facts["reports.submitted"].value == 2
    assert facts["reports.submitted"].approved is False
    assert facts["reports.waiting"].value == 1
    assert (
        facts["reports.late"].value
        == Report.objects.filter(
            unit__in=[tree.g1, tree.g2], submitted_at__date__gt=dt.date(2026, 4, 10)
        ).count()
    )
    assert f"form={cat.form.pk}" in facts["reports.due"].url and "period=2026-Q1" in facts["reports.due"].url
    year = {f.key: f for f in facts_for(scope=SYSTEM, unit=tree.bt, start=START, end=END, as_of=END)}
    assert year["reports.due"].value == 2 * 4  # four quarters, two grassroots unions
    assert year["reports.waiting"].value == 1
    # On 31/12/2026, Q1 to Q3 are past their deadline (both Q1 reports were submitted after it, the others are
    # missing); Q4's deadline (10/01/2027) has not come.
    assert year["reports.late"].value == 2 * 3
    assert year["reports.late"].previous == 2 * 3  # 2025: nothing reported
    evaluation = target_selectors.evaluation(scope=SYSTEM, unit=tree.bt, year=2026)
    achieved, total = evaluation["headline"]
    # Approved values only (g2's): 2 dialogues against 2, 8 members against 20; provisional (g1 waits).
    assert (achieved, total) == (1, 2)
    assert (year["targets.achieved"].value, year["targets.achieved"].out_of) == (achieved, total)
    assert year["targets.achieved"].display == "1/2"
    assert year["targets.achieved"].approved is not any(r.provisional for r in evaluation["results"])
    assert year["targets.achieved"].approved is False
    assert year["targets.achieved"].url == f"/targets/units/{tree.bt.pk}/evaluation/?year=2026"


@pytest.mark.parametrize("unit_name", ["lc", "g1", "root"])
def test_composition_by_sector_and_age_adds_up_to_the_total_and_matches_a_recount(records, unit_name):
    unit = getattr(records, unit_name)
    got = values(facts_for(scope=SYSTEM, unit=unit, start=START, end=END, as_of=END))
    total = got["members.total"]
    ages = {k: v for k, v in got.items() if k.startswith("members.age.")}
    sectors = {k: v for k, v in got.items() if k.startswith("members.sector.")}
    assert len(ages) == 5 and sum(ages.values()) == total
    assert sum(sectors.values()) == total
    # Independent recount of every band: members whose stint covers END, by year of birth (age = year - born).
    present = Membership.objects.filter(unit__path__startswith=unit.path, valid_from__lte=END).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=END)
    )
    for code, _label, low, high in AGE_BANDS:
        born = present.filter(
            member__date_of_birth__year__gte=END.year - high, member__date_of_birth__year__lte=END.year - low
        )
        assert ages[f"members.age.{code}"] == born.values("member").distinct().count(), code
    assert any(ages.values())
