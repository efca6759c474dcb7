"""Political data is left out of the member Excel export unless an officer asks for it (and it is audited)."""

import io

from openpyxl import load_workbook

from congdoan.audit.models import Event

from .conftest import introduce

PARTY_HEADERS = {"Đảng", "Ngày được giới thiệu cho Đảng", "Ngày vào Đảng"}


def _export(client, **params):
    response = client.get("/members/excel/export/", params)
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def _party_headers(header):
    return {h for h in header if h and "Đảng" in h}


def test_party_columns_are_left_out_by_default(tree, member, login):
    introduce(member)
    header, rows = _export(login(tree.commune_officer))
    assert _party_headers(header) == set() and len(rows) == 1
    assert not Event.objects.filter(action="party.export").exists()


def test_an_officer_may_ask_for_them_and_it_is_audited(tree, member, login):
    introduce(member)
    header, rows = _export(login(tree.commune_officer), party_columns="1")
    assert _party_headers(header)
    row = dict(zip(header, rows[0], strict=True))
    assert any(v and "giới thiệu" in str(v).lower() for k, v in row.items() if k in _party_headers(header))
    assert Event.objects.filter(action="party.export").count() == 1


def test_a_viewer_never_gets_them(tree, member, login):
    introduce(member)
    header, rows = _export(login(tree.viewer), party_columns="1")
    assert _party_headers(header) == set() and len(rows) == 1
