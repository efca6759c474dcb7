"""Who may restructure what (Scope.can with Action.RESTRUCTURE) and who may act (Scope.can)."""

from types import SimpleNamespace

import pytest

from congdoan.accounts.models import Assignment
from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from tests.factories import officer


def scope(user) -> Scope:
    return Scope.for_user(user)


def test_restructuring_is_for_a_level_above_the_unit(tree):
    s = scope(tree.province_officer)
    assert s.can(tree.bt, Action.RESTRUCTURE) and s.can(tree.g1, Action.RESTRUCTURE)
    assert not s.can(tree.lc, Action.RESTRUCTURE), (
        "a province federation is restructured by the national level"
    )


def test_nobody_restructures_outside_their_subtree(tree):
    s = scope(tree.province_officer)
    assert (
        not s.can(tree.dn, Action.RESTRUCTURE)
        and not s.can(tree.hc, Action.RESTRUCTURE)
        and not s.can(tree.g4, Action.RESTRUCTURE)
    )
    assert not scope(tree.commune_officer).can(tree.cd, Action.RESTRUCTURE)


def test_a_viewer_may_not_restructure_even_below_their_unit(tree):
    s = scope(tree.viewer)
    assert not s.can(tree.bt, Action.RESTRUCTURE) and not s.can(tree.g1, Action.RESTRUCTURE)
    assert s.role_on(tree.g1.path) == Role.VIEWER


def test_a_grassroots_officer_cannot_restructure_their_own_union(tree):
    assert not scope(tree.grassroots_officer).can(tree.g1, Action.RESTRUCTURE)


def test_the_national_administrator_restructures_provinces_but_not_the_root(tree):
    s = scope(tree.national_admin)
    assert s.can(tree.lc, Action.RESTRUCTURE) and s.can(tree.dn, Action.RESTRUCTURE)
    assert not s.can(tree.root, Action.RESTRUCTURE)


def test_a_superuser_may_restructure_anything(tree, django_user_model):
    boss = django_user_model.objects.create_user(username="boss", password="x-1234567890", is_superuser=True)
    assert scope(boss).can(tree.root, Action.RESTRUCTURE)


def test_the_strongest_role_on_any_ancestor_counts(tree):
    user = officer(tree.lc, Role.VIEWER)
    Assignment.objects.create(user=user, unit=tree.bt, role=Role.OFFICER)
    s = scope(user)
    assert s.can(tree.g1, Action.RESTRUCTURE), "officer on Bảo Thắng may restructure its grassroots unions"
    assert not s.can(tree.bt, Action.RESTRUCTURE), (
        "being a viewer of Lào Cai gives no right over Bảo Thắng itself"
    )
    assert not s.can(tree.g3, Action.RESTRUCTURE), "Cam Đường is only viewed"
    assert s.can(tree.g1) and not s.can(tree.g3)


def test_a_path_prefix_does_not_leak_into_a_sibling_with_a_longer_id():
    """/1/2/ must not match /1/22/: paths end with a slash."""
    s = Scope(user_id=1, roots=(("/1/2/", Role.OFFICER),))
    assert s.can(SimpleNamespace(path="/1/2/5/"))
    assert not s.can(SimpleNamespace(path="/1/22/"))
    assert not s.can(SimpleNamespace(path="/1/22/5/"), Action.RESTRUCTURE)


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN])
def test_officers_and_administrators_of_a_province_restructure_its_communes(tree, role):
    assert scope(officer(tree.lc, role)).can(tree.cd, Action.RESTRUCTURE)
