"""Every welfare route with a path parameter answers 404 to a Lào Cai officer for Đà Nẵng's objects."""

import json

import pytest
from django.urls import reverse

from congdoan.welfare import urls as welfare_urls

from .scope_fixtures import outside_objects

pytestmark = pytest.mark.django_db


def test_every_parametrised_page_and_api_route_has_a_scope_fixture(tree):
    objects = outside_objects(tree)
    pages = {f"welfare:{p.name}" for p in welfare_urls.urlpatterns if p.pattern.converters}
    assert pages <= set(objects)
    from congdoan.api import api

    operations = set()
    for _prefix, router in api._routers:
        if router.tags and "Chăm lo" in router.tags[0]:
            for path, view in router.path_operations.items():
                if "{" in path:
                    for op in view.operations:
                        for method in op.methods:
                            operations.add(f"{method} /api/v1/welfare{path}")
    assert operations and operations <= set(objects)


def test_a_province_officer_gets_404_for_another_provinces_welfare_objects(tree, client):
    objects = outside_objects(tree)
    client.force_login(tree.province_officer)
    for name, spec in objects.items():
        if name.startswith("welfare:"):
            url = reverse(name, kwargs=spec)
            assert client.post(url).status_code == 404, name
            assert client.get(url).status_code in (404, 405), name  # 405: a POST-only action
        else:
            method, template = name.split(" ", 1)
            url = template.format(**spec["path"])
            body = json.dumps(spec["body"]) if spec["body"] is not None else None
            response = client.generic(method, url, body or "", content_type="application/json")
            assert response.status_code == 404, (name, response.status_code, response.content[:200])
