"""The scope walker (docs/testing.md): every page and API route, visited by the Lào Cai officer with the IDs of
objects in Đà Nẵng's subtree, must answer 404 — the objects do not exist for that user.

Each app declares its outside objects in ``congdoan/<app>/tests/scope_fixtures.py``::

    def outside_objects(tree) -> dict:
        return {
            "members:detail": {"pk": ...},                        # URL name → URL kwargs
            "POST /api/v1/members/{member_id}/transfer": {        # API operation → path params and body
                "path": {"member_id": ...}, "body": {...} or None,
            },
            "GET /api/v1/documents/facts": {"query": {"unit_id": ...}},  # query parameters, if any
        }

A route with a path parameter and no entry fails here, naming the file to extend. Routes without a path
parameter are visited too: they must not fail (500) nor show Đà Nẵng's units.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

APPS = sorted(
    app.split(".")[1]
    for app in settings.INSTALLED_APPS
    if app.startswith("congdoan.") and app.count(".") == 1
)
SKIPPED_PREFIXES = ("admin/", "api/", "static/", "media/", "login/", "logout/", "__debug__/")
API_PREFIX = "/api/v1/"
MUTATING = {"post", "put", "patch", "delete"}


@dataclass
class Route:
    app: str
    key: str  # "org:unit" for a page, "POST /api/v1/units/{unit_id}/dissolve" for an API operation
    params: tuple[str, ...]
    method: str = ""  # API operations only
    path: str = ""  # API operations only

    @property
    def is_api(self) -> bool:
        return bool(self.method)


def _app_of_module(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "congdoan" else ""


def page_routes() -> list[Route]:
    """Every named URL pattern outside admin/, api/, static and login/logout, with its path parameters."""
    routes: list[Route] = []

    def walk(patterns, prefix: str, namespace: str, params: tuple[str, ...]):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(SKIPPED_PREFIXES):
                continue
            names = params + tuple(pattern.pattern.regex.groupindex)
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, route, ns, names)
            elif isinstance(pattern, URLPattern):
                name = pattern.name or f"<unnamed {route}>"
                key = f"{namespace}:{name}" if namespace else name
                routes.append(Route(app=_app_of_module(pattern.callback.__module__), key=key, params=names))

    walk(get_resolver().url_patterns, "", "", ())
    return routes


def api_routes() -> list[Route]:
    """Every Ninja operation, from the OpenAPI schema the API publishes."""
    from congdoan.api import api

    routes = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if method not in {"get", *MUTATING}:
                continue
            app = _app_of_module(operation.get("operationId", "").replace("_", "."))
            if app not in APPS:
                first = path.removeprefix(API_PREFIX).split("/")[0]
                app = first if first in APPS else "org"
            params = tuple(re.findall(r"{(\w+)}", path))
            routes.append(
                Route(app=app, key=f"{method.upper()} {path}", params=params, method=method, path=path)
            )
    return routes


def load_outside_objects(app: str, tree) -> dict:
    module_name = f"congdoan.{app}.tests.scope_fixtures"
    if importlib.util.find_spec(f"congdoan.{app}.tests") is None:
        return {}
    if importlib.util.find_spec(module_name) is None:
        return {}
    return importlib.import_module(module_name).outside_objects(tree)


def leaked_names(tree, response) -> list[str]:
    """Names and codes of Đà Nẵng's units found in a response."""
    content = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        content = json.dumps(response.json(), ensure_ascii=False)
    secrets = [tree.dn.name, tree.hc.name, tree.g4.name, tree.hc.code, tree.g4.code]
    return [s for s in secrets if s in content]


def visit_page(client, route: Route, kwargs: dict) -> list[str]:
    url = reverse(route.key, kwargs=kwargs)
    statuses = {"GET": client.get(url).status_code, "POST": client.post(url, {}).status_code}
    if any(code not in (404, 405) for code in statuses.values()) or 404 not in statuses.values():
        return [f"{route.key} ({url}) answered {statuses}, expected 404"]
    return []


def visit_api(client, route: Route, entry: dict) -> list[str]:
    if set(entry) - {"path", "body", "query"}:
        return [f"{route.key}: an API entry has the keys 'path', 'body' and 'query', not {sorted(entry)}"]
    url = route.path
    for name, value in (entry.get("path") or {}).items():
        url = url.replace(f"{{{name}}}", str(value))
    if entry.get("query"):
        url += "?" + urlencode(entry["query"])
    body = entry.get("body")
    call = getattr(client, route.method)
    if body is None and route.method == "get":
        response = call(url)
    else:
        response = call(url, json.dumps(body if body is not None else {}), content_type="application/json")
    if response.status_code != 404:
        detail = response.content.decode(errors="replace")[:300]
        return [f"{route.key} ({url}) answered {response.status_code}, expected 404: {detail}"]
    return []


def visit_without_parameters(client, tree, route: Route) -> list[str]:
    if route.is_api and route.method != "get":
        return []
    url = route.path if route.is_api else reverse(route.key)
    response = client.get(url)
    if response.status_code >= 500:
        return [f"{route.key} ({url}) failed with {response.status_code}"]
    if response.status_code == 200 and (leaked := leaked_names(tree, response)):
        return [f"{route.key} ({url}) shows Đà Nẵng's units to the Lào Cai officer: {leaked}"]
    return []


@pytest.mark.parametrize("app", APPS)
def test_a_lao_cai_officer_gets_404_for_every_da_nang_object_on_every_route(app, tree, client):
    entries = load_outside_objects(app, tree)
    fixtures_file = f"congdoan/{app}/tests/scope_fixtures.py"
    client.force_login(tree.province_officer)
    routes = [r for r in page_routes() + api_routes() if r.app == app]
    known = {r.key for r in routes}
    problems = [
        f"{fixtures_file} has an entry for “{key}”, which is not a route of this app (renamed or removed?)"
        for key in entries
        if key not in known
    ]
    for route in routes:
        entry = entries.get(route.key)
        if entry is None:
            if route.params:
                problems.append(
                    f"{route.key} has path parameters {list(route.params)} but no entry: add one to "
                    f"outside_objects() in {fixtures_file} (see docs/testing.md)"
                )
            else:
                problems += visit_without_parameters(client, tree, route)
            continue
        problems += visit_api(client, route, entry) if route.is_api else visit_page(client, route, entry)
    assert not problems, "\n".join(problems)


def test_the_walker_finds_the_organisation_routes():
    """Guards the walker itself: if it stopped seeing routes, every app would pass vacuously."""
    pages = {r.key for r in page_routes()}
    api = {r.key for r in api_routes()}
    assert {"org:unit", "restructure:merge", "accounts:token_revoke", "home"} <= pages
    assert not any(key.startswith(("admin:", "login", "logout")) for key in pages)
    assert {"GET /api/v1/units/{unit_id}", "POST /api/v1/units/merge"} <= api
    assert next(r for r in page_routes() if r.key == "org:unit").params == ("pk",)
