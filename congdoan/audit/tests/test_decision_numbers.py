"""The next decision number of a unit is suggested from what its audit log recorded this year."""

import pytest
from django.urls import reverse

from congdoan.audit.models import Event
from congdoan.audit.selectors import decision_no_suggest
from congdoan.core.dates import today
from congdoan.members.tests.conftest import admit_active

pytestmark = pytest.mark.django_db


def test_the_next_number_follows_the_highest_recorded_this_year(tree):
    year = today().year
    assert decision_no_suggest(unit_id=tree.g1.pk, year=year) == ""
    for number in ["9/QĐ-CĐCS", "15/QĐ-CĐCS", "không số", "2/QĐ-CĐCS"]:
        Event.objects.create(action="member.leave", summary="x", unit=tree.g1, decision_no=number)
    Event.objects.create(action="member.leave", summary="x", unit=tree.g2, decision_no="99/QĐ-CĐCS")
    # The level above's decision recorded on the union (its founding) follows another numbering.
    Event.objects.create(action="unit.found", summary="x", unit=tree.g1, decision_no="120/QĐ-LĐLĐ")
    assert decision_no_suggest(unit_id=tree.g1.pk, year=year) == "16/QĐ-CĐCS"
    assert decision_no_suggest(unit_id=tree.g1.pk, year=year - 1) == ""


def test_the_transfer_form_offers_the_unions_next_number(tree, login):
    member = admit_active(tree.g1, decision_no="7/QĐ-CĐCS")  # the admission is audited with its number
    page = login(tree.grassroots_officer).get(reverse("members:transfer", args=[member.pk])).content.decode()
    assert 'name="decision_no" value="8/QĐ-CĐCS"' in page
