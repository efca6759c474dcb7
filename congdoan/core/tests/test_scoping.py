from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit


def test_a_commune_officer_sees_only_the_commune_subtree(tree):
    scope = Scope.for_user(tree.commune_officer)
    seen = set(scope.filter(Unit.objects.all()).values_list("code", flat=True))
    assert seen == {"LCI.BT", "LCI.BT.001", "LCI.BT.002"}


def test_a_national_administrator_sees_every_unit(tree):
    scope = Scope.for_user(tree.national_admin)
    assert scope.filter(Unit.objects.all()).count() == Unit.objects.count()


def test_a_user_without_assignment_sees_nothing(tree, django_user_model):
    nobody = django_user_model.objects.create_user(username="nobody", password="x-1234567890")
    assert Scope.for_user(nobody).filter(Unit.objects.all()).count() == 0


def test_viewers_cannot_act_and_officers_cannot_restructure_their_own_unit(tree):
    viewer, officer = Scope.for_user(tree.viewer), Scope.for_user(tree.province_officer)
    assert not viewer.can(tree.bt)
    assert officer.can(tree.bt) and officer.can(tree.bt, Action.RESTRUCTURE)
    assert officer.can(tree.lc) and not officer.can(tree.lc, Action.RESTRUCTURE)


def test_filtering_by_an_action_matches_can_for_every_user_and_unit(tree):
    """``scope.filter(…, action=…)`` is the SQL of ``scope.can``: a decision of the level above (approve,
    restructure) reaches the units strictly below the root, never the officer's own unit; a viewer's root
    gives nothing to act on."""
    users = [tree.national_admin, tree.province_officer, tree.commune_officer, tree.grassroots_officer]
    users += [tree.other_province_officer, tree.viewer]
    for user in users:
        scope = Scope.for_user(user)
        for action in (Action.VIEW, Action.ACT, Action.APPROVE, Action.RESTRUCTURE, Action.ADMINISTER):
            found = set(scope.filter(Unit.objects.all(), action=action))
            assert found == {unit for unit in Unit.objects.all() if scope.can(unit, action)}, (user, action)
    commune = Scope.for_user(tree.commune_officer)
    assert set(commune.filter(Unit.objects.all(), action=Action.APPROVE)) == {tree.g1, tree.g2}
