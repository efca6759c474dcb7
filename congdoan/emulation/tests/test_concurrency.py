"""A nomination file is made once, however often or however fast its form is sent."""

import json
import threading

import pytest
from django.db import connection

from congdoan.emulation.models import Nomination
from tests.forms import client_as, form_data

from .conftest import kind


def nomination_body(tree, member):
    return {
        "award_kind": kind("bang_khen_ldld").pk,
        "year": "2026",
        "member": member.code,
        "achievements": "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
    }


def test_the_nomination_page_sent_twice_makes_one_file(tree, lan):
    client = client_as(tree.grassroots_officer)
    url = f"/emulation/nominations/new/?unit={tree.g1.pk}"
    data = {**form_data(client.get(url)), **nomination_body(tree, lan)}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[-2000:]
    again = client.post(url, data)
    assert "đã được gửi rồi" in again.content.decode()
    assert Nomination.objects.filter(member=lan).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_identical_nomination_creates_make_one_file(tree, lan):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the threaded race needs PostgreSQL")
    body = json.dumps(
        {
            "proposing_unit_id": tree.g1.pk,
            "award_kind": "bang_khen_ldld",
            "year": 2026,
            "member_id": lan.pk,
            "achievements": "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
        }
    )
    clients = [client_as(tree.grassroots_officer) for _ in range(3)]
    start, answers = threading.Barrier(len(clients)), []

    def post(client):
        try:
            start.wait()
            answers.append(
                client.post(
                    "/api/v1/emulation/nominations", body, content_type="application/json"
                ).status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [201, 422, 422]
    assert Nomination.objects.filter(member=lan).count() == 1


def test_a_nomination_create_repeated_with_the_same_idempotency_key_returns_the_first_file(tree, lan):
    client = client_as(tree.grassroots_officer)
    body = json.dumps(
        {
            "proposing_unit_id": tree.g1.pk,
            "award_kind": "bang_khen_ldld",
            "year": 2026,
            "member_id": lan.pk,
            "achievements": "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
        }
    )
    sent = [
        client.post(
            "/api/v1/emulation/nominations",
            body,
            content_type="application/json",
            headers={"Idempotency-Key": "n-7"},
        )
        for _ in range(2)
    ]
    assert [r.status_code for r in sent] == [201, 201]
    assert sent[0].json()["id"] == sent[1].json()["id"]
    assert Nomination.objects.filter(member=lan).count() == 1
