"""Issue 19 §6: units listed in their natural order, and the new-member form preselecting the only union."""

import re

from django.urls import reverse

from congdoan.accounts.models import Assignment
from congdoan.core.roles import Role
from tests.factories import found, officer


def _numbered_unions(parent, numbers):
    return [found(parent, f"CĐCS Tổ {n}", "grassroots", code=f"LCI.CD.T{n:02d}") for n in numbers]


def _positions(html: str, names: list[str]) -> list[int]:
    return [html.index(f">{name}<") for name in names]


def test_the_statistics_page_lists_child_units_with_numbers_in_numeric_order(tree, login):
    _numbered_unions(tree.cd, [10, 2, 1, 11])
    html = (
        login(tree.province_officer).get(reverse("members:statistics"), {"unit": tree.cd.pk}).content.decode()
    )
    shown = ["CĐCS Tổ 1", "CĐCS Tổ 2", "CĐCS Tổ 10", "CĐCS Tổ 11"]
    positions = _positions(html, shown)
    assert positions == sorted(positions), "Tổ 1, 2, 10, 11 — not 1, 10, 11, 2"


def test_the_new_member_form_lists_unions_in_natural_order(tree, login):
    _numbered_unions(tree.cd, [10, 2, 1])
    html = login(tree.province_officer).get(reverse("members:new")).content.decode()
    options = re.findall(r"<option value=\"\d+\"[^>]*>(CĐCS Tổ \d+)", html)
    assert options == ["CĐCS Tổ 1", "CĐCS Tổ 2", "CĐCS Tổ 10"]


def test_the_new_member_form_preselects_the_officers_only_grassroots_union(tree, login):
    html = login(tree.grassroots_officer).get(reverse("members:new")).content.decode()
    assert re.search(rf'<option value="{tree.g1.pk}" selected>', html)


def test_the_new_member_form_preselects_nothing_when_the_officer_has_several_unions(tree, login):
    html = login(tree.commune_officer).get(reverse("members:new")).content.decode()
    assert f'<option value="{tree.g1.pk}"' in html and f'<option value="{tree.g2.pk}"' in html
    assert not re.search(rf'<option value="({tree.g1.pk}|{tree.g2.pk})" selected>', html)


def test_an_officer_of_two_unions_by_assignment_gets_no_preselection(tree, login):
    user = officer(tree.g1, username="hai_cdcs")
    Assignment.objects.create(user=user, unit=tree.g2, role=Role.OFFICER)
    html = login(user).get(reverse("members:new")).content.decode()
    assert not re.search(rf'<option value="({tree.g1.pk}|{tree.g2.pk})" selected>', html)
