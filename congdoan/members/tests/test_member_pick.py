"""The member picker: suggestions by name without diacritics or by code, only members the user may see,
at most twenty, nothing for fewer than two letters; and the nomination form that uses it."""

import pytest
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.members import selectors
from congdoan.members.widgets import MemberCodeInput

from .conftest import admit_active

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    return {
        "lan": admit_active(tree.g1, full_name="Nguyễn Thị Lan", gender="F"),
        "lang": admit_active(tree.g3, full_name="Phạm Văn Lãng"),
        "danang": admit_active(tree.g4, full_name="Nguyễn Thị Lan Anh", gender="F"),
    }


def pick(client, **params):
    return client.get(reverse("members:member_pick"), params).content.decode()


def test_names_without_diacritics_and_codes_are_suggested_with_their_unit(tree, people, login):
    client = login(tree.province_officer)
    lan = people["lan"]
    assert pick(client, q="nguyen thi lan").strip() == (
        f'<option value="{lan.code}">Nguyễn Thị Lan — CĐCS Công ty Apatit Việt Nam</option>'
    )
    assert f'value="{lan.code}"' in pick(client, q=lan.code.lower())
    assert pick(client, q="l").strip() == ""  # one letter suggests nothing
    assert pick(client, field="member", member="lang").count("<option") == 1


def test_another_provinces_members_are_never_suggested(tree, people, login):
    lao_cai = pick(login(tree.province_officer), q="lan")
    assert "Nguyễn Thị Lan Anh" not in lao_cai and people["danang"].code not in lao_cai
    assert people["danang"].code not in pick(login(tree.province_officer), q=people["danang"].code)
    assert "Nguyễn Thị Lan Anh" in pick(login(tree.other_province_officer), q="lan")
    # Narrowed to a unit: only its subtree; a unit of another province narrows to nothing.
    client = login(tree.province_officer)
    assert "Lãng" not in pick(client, q="lan", unit=tree.g1.pk)
    assert pick(client, q="lan", unit=tree.g4.pk).strip() == ""


def test_the_picker_survives_a_nul_and_caps_the_list_at_twenty(tree, login):
    for i in range(23):
        admit_active(tree.g1, full_name=f"Trần Văn Hùng {i}")
    client = login(tree.grassroots_officer)
    assert pick(client, q="tran van hung").count("<option") == 20
    response = client.get(reverse("members:member_pick"), {"q": "tr\x00an"})
    assert response.status_code == 200
    assert len(selectors.member_pick(scope=Scope.for_user(tree.grassroots_officer), q="hung", limit=5)) == 5


def test_the_picker_needs_a_login(client):
    assert client.get(reverse("members:member_pick"), {"q": "lan"}).status_code == 302


def test_the_widget_asks_the_picker_for_its_field_and_unit():
    html = MemberCodeInput(unit_id=7).render("member", "", attrs={"id": "id_member"})
    assert 'list="id_member-options"' in html and '<datalist id="id_member-options">' in html
    assert f'hx-get="{reverse("members:member_pick")}?field=member&amp;active=1&amp;unit=7"' in html
