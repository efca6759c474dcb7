"""One API style (issue 20 §7) and hostile parameters answered, never a 500 (§1): list shape, bounds, slash
spelling, the index, Vietnamese messages, declared statuses, unique schema names, no-store."""

import json

import pytest
from django.urls import reverse
from ninja import Schema

from congdoan.api import api
from congdoan.members.tests.conftest import admit_active

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def officer(tree, client):
    client.force_login(tree.province_officer)
    return client


def detail(response) -> dict:
    body = response.json()
    assert set(body) == {"detail"}, body
    return body["detail"]


def test_every_list_answers_items_and_count_paged_by_limit_and_offset(officer, tree):
    body = officer.get(f"{API}/units").json()
    assert set(body) == {"items", "count"} and body["count"] == len(body["items"]) > 2
    page = officer.get(f"{API}/units", {"limit": 2, "offset": 1}).json()
    assert page["count"] == body["count"] and [u["id"] for u in page["items"]] == [
        u["id"] for u in body["items"][1:3]
    ]
    for path in (
        "/members",
        "/members/batches",
        "/targets/reports",
        "/welfare/programmes",
        "/emulation/nominations",
    ):
        listed = officer.get(API + path).json()
        assert set(listed) == {"items", "count"}, path


def test_every_list_operation_in_the_spec_is_paged():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        names = {p["name"] for p in get.get("parameters", [])}
        ok = get["responses"][200]["content"]["application/json"]["schema"]
        if ok.get("type") == "array":
            pytest.fail(f"GET {path} answers a bare list")
        if "$ref" in ok and {"items", "count"} <= set(_component(schema, ok["$ref"]).get("properties", {})):
            assert {"limit", "offset"} <= names, path


def _component(schema, ref):
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


@pytest.mark.parametrize(
    "params",
    [{"limit": 501}, {"limit": 0}, {"limit": -1}, {"limit": 2**70}, {"offset": -1}, {"offset": 10**30}],
)
def test_out_of_bounds_limit_and_offset_answer_422_in_vietnamese(officer, params):
    for path in ("/units", "/members"):
        response = officer.get(API + path, params)
        assert response.status_code == 422, (path, params)
        [field] = params
        [message] = detail(response)[field]
        assert f"“{field}”" in message and "Input should" not in message


def test_validation_messages_are_vietnamese_and_name_the_field(officer, tree):
    response = officer.get(f"{API}/targets/assignments", {"unit_id": "abc", "year": 2026})
    assert response.status_code == 422
    assert detail(response) == {"unit_id": ["Trường “unit_id” phải là một số nguyên."]}
    missing = officer.get(f"{API}/targets/assignments", {"year": 2026})
    assert detail(missing) == {"unit_id": ["Thiếu trường “unit_id”."]}
    body = officer.post(
        f"{API}/clusters", json.dumps({"owner_id": tree.lc.pk}), content_type="application/json"
    )
    assert body.status_code == 422 and "Thiếu trường “name”." in detail(body)["name"]
    broken = officer.post(f"{API}/clusters", "{not json", content_type="application/json")
    assert broken.status_code == 400 and "JSON" in detail(broken)


@pytest.mark.parametrize(
    "path, params, field",
    [
        ("/units", {"q": "\x00"}, "q"),
        ("/clusters", {"year": 0}, "year"),
        ("/clusters", {"year": 10000}, "year"),
        ("/members/statistics", {"unit_id": None, "on": "0001-01-01"}, "on"),
        ("/members", {"joined_from": "9999-12-31"}, "joined_from"),
        ("/units", {"on": "10000-01-01"}, "on"),
        ("/targets/evaluations/{lc}", {"year": 99999}, "year"),
        ("/welfare/figures", {"unit_id": None, "start": "0001-01-01"}, "start"),
    ],
)
def test_hostile_parameters_answer_422_naming_the_field(officer, tree, path, params, field):
    params = {k: tree.lc.pk if v is None else v for k, v in params.items()}
    response = officer.get(API + path.format(lc=tree.lc.pk), params)
    assert response.status_code == 422, response.content
    assert field in detail(response) and f"“{field}”" in detail(response)[field][0]


def test_a_nul_character_in_a_body_is_refused_not_stored(officer, tree):
    body = {"owner_id": tree.lc.pk, "name": "Khối\x00", "year": 2026, "member_ids": [tree.g1.pk, tree.g2.pk]}
    response = officer.post(f"{API}/clusters", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and "NUL" in detail(response)
    assert officer.get(f"{API}/clusters").json()["count"] == 0


def test_both_slash_spellings_answer_the_same(officer, tree):
    for path in ("/units", f"/units/{tree.g1.pk}", "/members", "/targets/reports"):
        without, with_slash = officer.get(API + path), officer.get(API + path + "/")
        assert without.status_code == with_slash.status_code == 200, path
        assert without.json() == with_slash.json()
    body = {"owner_id": tree.lc.pk, "name": "Khối A", "year": 2026, "member_ids": [tree.g1.pk, tree.g2.pk]}
    created = officer.post(f"{API}/clusters/", json.dumps(body), content_type="application/json")
    assert created.status_code == 201
    assert officer.get(f"{API}/units/abc").json() == {"detail": "Không tìm thấy."}


def test_the_api_root_links_to_the_docs_and_the_spec(client):
    for url in (f"{API}/", API):
        body = client.get(url).json()
        assert body["docs"].endswith("/api/v1/docs") and body["openapi"].endswith("/api/v1/openapi.json")
    assert client.get(f"{API}/openapi.json").status_code == 200


def test_every_operation_declares_its_error_statuses():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {401, 403, 404, 422} <= set(operation["responses"]), f"{method} {path}"
            if "requestBody" in operation:
                assert 400 in operation["responses"], f"{method} {path}"


def test_schema_names_are_unique_and_welfare_is_documented_with_its_own_schemas():
    schema = api.get_openapi_schema()
    welfare = schema["paths"]["/api/v1/welfare/registrations/{registration_id}/decide"]["post"]
    ref = welfare["responses"][200]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/WelfareRegistrationOut")
    figures = schema["paths"]["/api/v1/welfare/figures"]["get"]["responses"][200]["content"]
    assert figures["application/json"]["schema"]["$ref"].endswith("/WelfareFiguresOut")
    item = schema["components"]["schemas"]["EvaluationItemOut"]
    assert "unit_id" in item["properties"]

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [c for c in subclasses(Schema) if c.__module__.startswith("congdoan.")]
    names = [c.__name__ for c in ours]
    duplicated = {n for n in names if names.count(n) > 1}
    assert not duplicated, duplicated


@pytest.mark.parametrize("name", ["members:index", "members:statistics", "members:statistics_export", "home"])
def test_pages_and_exports_with_personal_data_are_not_stored_by_any_cache(officer, name):
    response = officer.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_member_pages_and_the_api_are_not_stored(officer, tree):
    member = admit_active(tree.g1, full_name="Nguyễn Văn An")
    for url in (reverse("members:detail", args=[member.pk]), f"{API}/members/{member.pk}", f"{API}/members"):
        response = officer.get(url)
        assert response.status_code == 200 and "no-store" in response["Cache-Control"], url
