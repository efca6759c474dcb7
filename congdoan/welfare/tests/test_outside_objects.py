"""What the welfare app checks beyond the global scope walker (tests/test_scope_walk.py), which visits every
welfare route with Đà Nẵng's objects: here a POST to any of those pages must be refused with 404 itself
(the walker also accepts a 405 when the GET answered 404)."""

import pytest
from django.urls import reverse

from .scope_fixtures import outside_objects

pytestmark = pytest.mark.django_db


def test_a_post_to_another_provinces_welfare_page_is_404(tree, client):
    objects = outside_objects(tree)
    client.force_login(tree.province_officer)
    for name, spec in objects.items():
        if name.startswith("welfare:"):
            url = reverse(name, kwargs=spec)
            assert client.post(url).status_code == 404, name
            assert client.get(url).status_code in (404, 405), name  # 405: a POST-only action
