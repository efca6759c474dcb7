"""Two officers edit the same member: the second save from a stale page is refused, nothing is lost."""

import json

from django.urls import reverse

from congdoan.members.models import Member
from tests.forms import client_as, form_data

from .conftest import admit_active


def test_a_stale_member_edit_is_refused_and_shows_the_current_values(tree):
    member = admit_active(tree.g1, full_name="Lò Thị Mai", phone="0912000111", job="Công nhân")
    url = reverse("members:edit", args=[member.pk])
    a, b = client_as(tree.grassroots_officer), client_as(tree.commune_officer)
    page_a, page_b = form_data(a.get(url)), form_data(b.get(url))
    assert page_a["version"] == page_b["version"]

    assert a.post(url, {**page_a, "phone": "0987654321"}).status_code == 302
    refused = b.post(url, {**page_b, "job": "Kỹ sư"})

    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Bản ghi đã được người khác sửa lúc" in body
    # The form now holds the current values (A's phone) and says what B had typed.
    again = form_data(refused)
    assert again["phone"] == "0987654321" and again["job"] == "Công nhân"
    assert "bạn đã nhập “Kỹ sư”" in body
    member.refresh_from_db()
    assert (member.phone, member.job) == ("0987654321", "Công nhân")  # A's change kept, B's not written

    # Saving again from the refreshed form is a deliberate decision on current data: it goes through.
    assert b.post(url, {**again, "job": "Kỹ sư"}).status_code == 302
    member.refresh_from_db()
    assert (member.phone, member.job) == ("0987654321", "Kỹ sư")


def test_a_stale_api_update_answers_422_with_the_current_values(tree):
    member = admit_active(tree.g1, full_name="Lò Thị Mai", phone="0912000111", job="Công nhân")
    url = f"/api/v1/members/{member.pk}"
    a, b = client_as(tree.grassroots_officer), client_as(tree.commune_officer)
    seen = b.get(url).json()["version"]
    base = {"full_name": "Lò Thị Mai", "gender": "M", "date_of_birth": "1990-05-17", "version": seen}
    first = a.patch(url, json.dumps({**base, "phone": "0987654321"}), content_type="application/json")
    assert first.status_code == 200 and first.json()["version"] == seen + 1

    stale = b.patch(url, json.dumps({**base, "job": "Kỹ sư"}), content_type="application/json")

    assert stale.status_code == 422
    answer = stale.json()
    assert "đã được người khác sửa" in answer["detail"]["__all__"][0]
    assert answer["current"]["phone"] == "0987654321" and answer["current"]["version"] == seen + 1
    assert Member.objects.get(pk=member.pk).job == "Công nhân"
