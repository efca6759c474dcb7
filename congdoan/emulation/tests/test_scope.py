"""Every parametrised page and API route of the app answers 404 for objects outside the user's units."""

import json

import pytest
from django.urls import get_resolver, reverse

from congdoan.api import api

from .scope_fixtures import outside_objects


def _my_url_names() -> set[str]:
    resolver = get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) == "emulation":
            for sub in pattern.url_patterns:
                if sub.pattern.converters:
                    names.add(f"emulation:{sub.name}")
    return names


def _my_api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    ops = set()
    for path, methods in schema["paths"].items():
        if path.startswith("/api/v1/emulation/") and "{" in path:
            ops.update(f"{method.upper()} {path}" for method in methods)
    return ops


@pytest.fixture
def outside(tree):
    return outside_objects(tree)


def test_every_parametrised_route_has_a_scope_fixture(outside):
    assert _my_url_names() <= set(outside)
    assert _my_api_operations() <= set(outside)


def test_the_lao_cai_officer_gets_404_for_da_nang_objects(tree, client, outside):
    client.force_login(tree.province_officer)
    for name, spec in outside.items():
        if " " in name:
            method, path = name.split(" ", 1)
            url = path.format(**spec["path"])
            if method == "GET":
                response = client.get(url)
            else:
                body = json.dumps(spec["body"] or {})
                response = getattr(client, method.lower())(url, data=body, content_type="application/json")
        else:
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
