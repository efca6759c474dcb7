import pytest

from congdoan.targets.models import TargetAssignment

pytestmark = pytest.mark.django_db


def test_targets_are_assigned_on_one_screen_and_the_child_sees_them(cat, login):
    t = cat.tree
    client = login(t.commune_officer)
    data = {
        "decision_no": "12/QĐ-CĐX",
        "decision_date": "15/01/2026",
        f"t_{t.g1.pk}_{cat.members.pk}": "100",
        f"t_{t.g2.pk}_{cat.members.pk}": "50",
    }
    client.post(f"/targets/units/{t.bt.pk}/targets/?year=2026&ind={cat.members.pk}", data)
    assert TargetAssignment.objects.filter(assigned_by=t.bt, decision_no="12/QĐ-CĐX").count() == 2
    child = login(t.grassroots_officer).get(f"/targets/units/{t.g1.pk}/targets/?year=2026")
    assert "12/QĐ-CĐX" in child.content.decode()
