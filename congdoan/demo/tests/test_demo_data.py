"""The demo loader: the small story the e2e tests rely on, members, and the bulk generators."""

import datetime as dt
import re
import sys
import types
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q

from congdoan.accounts.models import Assignment, User
from congdoan.core.scoping import Scope
from congdoan.demo import loader
from congdoan.demo.scenario import DEMO_PASSWORD
from congdoan.members.models import Member, Membership
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitLink
from congdoan.org.selectors import unit_subtree

D = dt.date
pytestmark = pytest.mark.django_db


def quiet(_line: str) -> None:
    pass


def codes_under(code: str, on: dt.date | None = None) -> set[str]:
    unit = Unit.objects.get(code=code)
    return set(unit_subtree(scope=Scope.unrestricted(), unit=unit, on=on).values_list("code", flat=True))


@pytest.fixture(autouse=True)
def no_other_apps(monkeypatch):
    """The other apps' demo loaders are theirs to test; these tests check the organisation and members."""
    monkeypatch.setattr(loader, "HOOK_APPS", [])


@pytest.fixture(scope="module")
def small(django_db_setup, django_db_blocker):
    """The small demo, loaded once for the module and rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        saved, loader.HOOK_APPS = loader.HOOK_APPS, []
        try:
            yield loader.load("small", out=quiet)
        finally:
            loader.HOOK_APPS = saved
            transaction.set_rollback(True)


def test_small_demo_has_the_four_accounts_on_their_units(small):
    expected = {"trunguong": "TLD", "tinh": "LCI", "xa": "LCI.XBT", "coso": "LCI.BT.001"}
    for username, unit_code in expected.items():
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert Assignment.objects.get(user=user).unit.code == unit_code


def test_small_demo_tree_before_and_after_the_2025_restructure(small):
    before = codes_under("LCI", on=D(2025, 6, 1))
    after = codes_under("LCI", on=D(2026, 1, 15))
    # The district federation and the state-budget union exist before, not after.
    assert {"LCI.BT", "LCI.BT.001", "LCI.BT.099"} <= before
    assert "LCI.BT" not in after and "LCI.BT.099" not in after
    # Commune unions exist after; Yên Bái's grassroots unions came over with the merger.
    assert {"LCI.XBT", "LCI.KCN", "LCI.BT.001", "YBI.TP.001"} <= after
    assert "LCI.XBT" not in before and "YBI.TP.001" not in before
    assert Unit.objects.get(code="YBI").status == UnitStatus.MERGED


def test_every_grassroots_union_of_the_small_demo_has_members_and_coso_about_40(small):
    counts = dict(
        Member.objects.filter(status="active").values_list("unit__code").annotate(n=Count("id")).order_by()
    )
    assert 30 <= counts["LCI.BT.001"] <= 50
    active_grassroots = Unit.objects.filter(kind__is_grassroots=True, status=UnitStatus.ACTIVE)
    assert all(counts.get(code, 0) > 0 for code in active_grassroots.values_list("code", flat=True))
    assert 200 <= Member.objects.count() <= 1500


def test_active_members_per_unit_equal_open_stints_per_unit(small):
    members = Counter(Member.objects.filter(status="active").values_list("unit_id", flat=True))
    stints = Counter(Membership.objects.filter(valid_to__isnull=True).values_list("unit_id", flat=True))
    assert members == stints
    # Left members have no open stint; pending members have no stint at all.
    assert not Membership.objects.filter(valid_to__isnull=True, member__status="left").exists()
    assert not Membership.objects.filter(member__status="pending").exists()


def test_member_codes_and_cccds_are_unique_and_well_formed(small):
    codes = list(Member.objects.exclude(code=None).values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"CD\d{10}", c) for c in codes)
    assert not Member.objects.filter(status="pending").exclude(code=None).exists()
    cccds = list(Member.objects.exclude(cccd=None).values_list("cccd", flat=True))
    assert len(cccds) == len(set(cccds)) > 0.8 * Member.objects.count()
    for member in Member.objects.exclude(cccd=None)[:200]:
        century_gender = (0 if member.date_of_birth.year < 2000 else 2) + (member.gender == "F")
        assert member.cccd[3] == str(century_gender)
        assert member.cccd[4:6] == f"{member.date_of_birth.year % 100:02d}"


def test_members_of_the_dissolved_state_budget_union_left_on_15_06_2025(small):
    budget = Unit.objects.get(code="LCI.BT.099")
    stints = Membership.objects.filter(unit=budget)
    assert stints.exists()
    assert set(stints.values_list("valid_to", "end_reason__code").distinct()) == {
        (D(2025, 6, 15), "unit_dissolved")
    }
    assert set(Member.objects.filter(unit=budget).values_list("status", flat=True)) == {"left"}
    assert not stints.filter(valid_from__gte=D(2025, 6, 15)).exists()


def test_members_of_district_era_unions_keep_one_stint_across_the_move(small):
    unit = Unit.objects.get(code="LCI.BT.001")  # under the district until 30/06/2025, then the commune
    assert UnitLink.objects.filter(child=unit).count() == 2
    crossing = Membership.objects.filter(unit=unit, valid_from__lt=D(2025, 7, 1), valid_to__isnull=True)
    assert crossing.exists()


def test_reloading_replaces_everything(small):
    first = Member.objects.count()
    loader.load("small", out=quiet)
    assert Member.objects.count() == first
    assert User.objects.filter(username="coso").count() == 1


def test_the_command_skips_a_database_that_has_data_with_if_empty(small, capsys):
    before = Member.objects.order_by("id").values_list("id", flat=True).first()
    call_command("demo_data", "--if-empty")
    assert "bỏ qua" in capsys.readouterr().out
    assert Member.objects.order_by("id").values_list("id", flat=True).first() == before


def test_other_apps_demo_modules_are_called_with_the_scale(monkeypatch):
    calls = []
    fake = types.ModuleType("congdoan.welfare.demo")
    fake.load = lambda *, scale: calls.append((scale, Unit.objects.filter(code="LCI.BT.001").exists()))
    monkeypatch.setitem(sys.modules, "congdoan.welfare.demo", fake)
    monkeypatch.setattr(loader, "HOOK_APPS", ["welfare"])
    loader.load("small", out=quiet)
    assert calls == [("small", True)]


# -- the bulk generators at a reduced size -----------------------------------------------------------
def assert_tree_is_consistent():
    units = {u.pk: u for u in Unit.objects.all()}
    open_links = dict(UnitLink.objects.filter(valid_to__isnull=True).values_list("child_id", "parent_id"))
    for unit in units.values():
        if unit.depth == 0:
            continue
        parent = units[unit.parent_id]
        assert unit.path == f"{parent.path}{unit.pk}/", unit.code
        assert unit.depth == parent.depth + 1, unit.code
        if unit.status == UnitStatus.ACTIVE:
            assert open_links[unit.pk] == unit.parent_id, unit.code


def test_province_scale_generator_builds_lao_cai_with_its_history():
    stats = loader.load("province", factor=0.03, out=quiet)
    assert stats["units"] > 150
    assert_tree_is_consistent()
    lci = Unit.objects.get(code="LCI")
    communes = Unit.objects.filter(parent=lci, kind__code="commune")
    assert 95 <= communes.count() <= 105
    # Grassroots unions founded before the reform: a district link to 30/06/2025, a commune link from 01/07.
    moved = Unit.objects.filter(
        code__startswith="LCI.C", kind__is_grassroots=True, founded_on__lt=D(2025, 1, 1)
    )
    assert moved.exists()
    for unit in moved[:20]:
        links = list(UnitLink.objects.filter(child=unit).order_by("valid_from"))
        assert [link.parent.kind.code for link in links] == ["district", "commune"]
        assert (links[0].valid_to, links[1].valid_from) == (D(2025, 6, 30), D(2025, 7, 1))
    # Some state-budget unions were dissolved on 15/06/2025 and their members left that day.
    dissolved = Unit.objects.filter(dissolved_on=D(2025, 6, 15))
    assert dissolved.count() > 5
    assert not Membership.objects.filter(unit__in=dissolved).exclude(valid_to=D(2025, 6, 15)).exists()
    # All three sectors, and the Lào Cai ethnic mix.
    sectors = set(Unit.objects.filter(kind__is_grassroots=True).values_list("sector", flat=True))
    assert {"state", "non_state", "fdi"} <= sectors
    ethnic = Counter(Member.objects.values_list("ethnicity", flat=True))
    total = sum(ethnic.values())
    assert 0.4 < ethnic["01"] / total < 0.8
    assert {"02", "08", "09"} <= set(ethnic)
    women = Member.objects.filter(gender="F").count() / total
    assert 0.4 < women < 0.62


def test_national_scale_generator_builds_34_provinces_after_the_mergers():
    stats = loader.load("national", factor=0.002, out=quiet)
    assert_tree_is_consistent()
    today_provinces = Unit.objects.filter(kind__code="province", status=UnitStatus.ACTIVE)
    assert today_provinces.count() == 34
    merged = Unit.objects.filter(kind__code="province", status=UnitStatus.MERGED)
    assert merged.count() == 29
    assert not merged.filter(Q(successor=None) | ~Q(dissolved_on=D(2025, 6, 30))).exists()
    assert set(today_provinces.values_list("name", flat=True)) >= {
        "Liên đoàn Lao động Thành phố Hồ Chí Minh",
        "Liên đoàn Lao động thành phố Huế",
        "Liên đoàn Lao động tỉnh An Giang",
    }
    root = Unit.objects.get(depth=0)
    on_before = set(
        unit_subtree(scope=Scope.unrestricted(), unit=root, on=D(2025, 6, 1)).values_list("code", flat=True)
    )
    assert {"HDG", "BDG", "KGG"} <= on_before  # provinces that merged on 01/07/2025 still stood then
    assert (
        Unit.objects.filter(kind__level=1, status=UnitStatus.ACTIVE).exclude(kind__code="province").count()
        >= 20
    )
    assert 3200 <= Unit.objects.filter(kind__level=2, status=UnitStatus.ACTIVE).count() <= 3500
    assert stats["members"] == Member.objects.count() > 10_000
