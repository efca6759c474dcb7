"""The unit picker: suggestions by name without diacritics or by code; the user's units first, grassroots
unions elsewhere only for a transfer and only after three letters."""

import pytest
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.org import selectors

pytestmark = pytest.mark.django_db


def names(units):
    return [u.name for u in units]


def test_names_are_found_without_diacritics_and_codes_exactly(tree):
    scope = Scope.for_user(tree.commune_officer)
    assert names(selectors.unit_search(scope=scope, q="hoa chat duc")) == ["CĐCS Công ty Hóa chất Đức Giang"]
    assert names(selectors.unit_search(scope=scope, q="lci.bt.001")) == ["CĐCS Công ty Apatit Việt Nam"]
    assert selectors.unit_search(scope=scope, q="a") == []  # one letter suggests nothing


def test_a_transfer_finds_grassroots_unions_beyond_the_users_scope_after_three_letters(tree):
    scope = Scope.for_user(tree.commune_officer)
    assert selectors.unit_search(scope=scope, q="det may") == []  # Đà Nẵng is not the commune's
    assert names(selectors.unit_search(scope=scope, q="det may", anywhere=True)) == [
        "CĐCS Công ty Dệt may Hòa Thọ"
    ]
    assert selectors.unit_search(scope=scope, q="de", anywhere=True) == []
    # Only grassroots unions leave the scope: a province's name is not suggested.
    assert selectors.unit_search(scope=scope, q="da nang", anywhere=True) == []
    # The user's own units come first.
    mine_first = selectors.unit_search(scope=scope, q="cong ty", anywhere=True)
    assert names(mine_first)[:2] == ["CĐCS Công ty Apatit Việt Nam", "CĐCS Công ty Hóa chất Đức Giang"]


def test_the_picker_answers_options_for_the_field_typed_and_survives_a_nul(tree, login):
    client = login(tree.commune_officer)
    url = reverse("org:unit_pick")
    body = client.get(
        url, {"field": "to_unit_code", "to_unit_code": "go! lao", "anywhere": "1"}
    ).content.decode()
    assert (
        body.strip()
        == '<option value="LCI.CD.001">CĐCS Siêu thị Go! Lào Cai — Công đoàn phường Cam Đường</option>'
    )
    assert client.get(url, {"q": "ap\x00atit"}).status_code == 200


def test_the_transfer_form_suggests_units_as_the_officer_types(tree, login):
    from congdoan.members.tests.conftest import admit_active

    member = admit_active(tree.g1)
    page = login(tree.commune_officer).get(reverse("members:transfer", args=[member.pk])).content.decode()
    assert 'list="id_to_unit_code-options"' in page and '<datalist id="id_to_unit_code-options">' in page
    assert f'hx-get="{reverse("org:unit_pick")}?field=to_unit_code&amp;grassroots=1&amp;anywhere=1"' in page
