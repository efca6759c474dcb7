"""What the emulation app checks beyond the global scope walker (tests/test_scope_walk.py), which visits every
emulation route with Đà Nẵng's objects: the pages answer 404 to both a GET and a submitting POST, and the
Đà Nẵng officer does see those same objects (so the 404s are about scope, not broken fixtures)."""

import pytest
from django.urls import reverse

from .scope_fixtures import outside_objects


@pytest.fixture
def outside(tree):
    return outside_objects(tree)


def test_the_lao_cai_officer_gets_404_for_da_nang_pages_on_get_and_submit(tree, client, outside):
    client.force_login(tree.province_officer)
    for name, spec in outside.items():
        if " " in name:
            continue  # API operations: the global walker requires exactly 404
        response = client.get(reverse(name, kwargs=spec))
        assert response.status_code == 404, name
        response = client.post(reverse(name, kwargs=spec), {"action": "submit"})
        assert response.status_code == 404, name


def test_the_da_nang_officer_sees_the_same_objects(tree, client, outside):
    client.force_login(tree.other_province_officer)
    for name in (
        "emulation:nomination",
        "emulation:decision",
        "emulation:member_history",
        "emulation:pledge",
    ):
        assert client.get(reverse(name, kwargs=outside[name])).status_code == 200, name
