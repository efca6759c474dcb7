"""The restructuring pages: forms, refusals shown on the form, nothing saved on error."""

import datetime as dt

from congdoan.audit.models import Event
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitLink

D = dt.date


def text(response) -> str:
    return response.content.decode()


def test_a_viewer_is_refused_the_operation_pages(tree, login):
    client = login(tree.viewer)
    for op in ("found", "reparent", "merge", "split", "dissolve"):
        assert client.get(f"/units/{tree.bt.pk}/{op}/").status_code == 403, op


def test_an_officer_cannot_restructure_their_own_unit_through_the_page(tree, login):
    assert login(tree.commune_officer).get(f"/units/{tree.bt.pk}/dissolve/").status_code == 403


def test_merging_two_communes_through_the_form(tree, login):
    client = login(tree.province_officer)
    assert client.get(f"/units/{tree.cd.pk}/merge/").status_code == 200
    response = client.post(
        f"/units/{tree.cd.pk}/merge/",
        {
            "sources": [tree.cd.pk],
            "target": tree.bt.pk,
            "effective_on": "2025-07-01",
            "decision_no": "1500/QĐ",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/units/{tree.bt.pk}/"
    page = text(client.get(response["Location"]))
    assert "CĐCS Siêu thị Go! Lào Cai" in page
    assert Unit.objects.get(pk=tree.cd.pk).status == UnitStatus.MERGED
    audit = text(client.get("/audit/"))
    assert "Hợp nhất “Công đoàn phường Cam Đường” vào “Công đoàn xã Bảo Thắng” từ 01/07/2025" in audit


def test_a_refused_operation_shows_the_message_on_the_form_and_saves_nothing(tree, login):
    client = login(tree.province_officer)
    links, events = UnitLink.objects.count(), Event.objects.count()
    response = client.post(
        f"/units/{tree.bt.pk}/dissolve/", {"dissolved_on": "2025-06-30", "decision_no": "1/QĐ"}
    )
    assert response.status_code == 200
    assert "còn 2 đơn vị trực thuộc sau ngày 30/06/2025" in text(response)
    assert (UnitLink.objects.count(), Event.objects.count()) == (links, events)
    assert Unit.objects.get(pk=tree.bt.pk).status == UnitStatus.ACTIVE


def test_a_missing_decision_number_is_reported_on_its_field(tree, login):
    response = login(tree.province_officer).post(
        f"/units/{tree.g1.pk}/reparent/", {"new_parent": tree.cd.pk, "effective_on": "2025-07-01"}
    )
    assert response.status_code == 200 and "Trường này là bắt buộc." in text(response)


def test_founding_reparenting_splitting_and_dissolving_through_the_pages(tree, login):
    client = login(tree.province_officer)
    response = client.post(
        f"/units/{tree.cd.pk}/found/",
        {
            "name": "CĐCS Công ty Cổ phần Xi măng Lào Cai",
            "kind": tree.g3.kind_id,
            "sector": "non_state",
            "founded_on": "01/03/2025",
            "decision_no": "15/QĐ-CĐP",
        },
    )
    assert response.status_code == 302
    new = Unit.objects.get(name="CĐCS Công ty Cổ phần Xi măng Lào Cai")
    assert new.parent == tree.cd and new.founded_on == D(2025, 3, 1)
    response = client.post(
        f"/units/{new.pk}/reparent/",
        {"new_parent": tree.bt.pk, "effective_on": "2025-07-01", "decision_no": "16/QĐ"},
    )
    assert response.status_code == 302 and Unit.objects.get(pk=new.pk).parent == tree.bt
    split_page = text(client.get(f"/units/{tree.cd.pk}/split/"))
    assert f"child_{tree.g3.pk}" in split_page
    response = client.post(
        f"/units/{tree.cd.pk}/split/",
        {
            "part_names": "Công đoàn phường Cam Đường\nCông đoàn phường Lào Cai",
            f"child_{tree.g3.pk}": "2",
            "effective_on": "2025-08-01",
            "decision_no": "17/QĐ",
        },
    )
    assert response.status_code == 302
    ward = Unit.objects.get(name="Công đoàn phường Lào Cai")
    assert Unit.objects.get(pk=tree.g3.pk).parent == ward
    response = client.post(
        f"/units/{new.pk}/dissolve/",
        {"dissolved_on": "2025-12-31", "decision_no": "18/QĐ", "reason": "Giải thể"},
    )
    assert response.status_code == 302 and Unit.objects.get(pk=new.pk).status == UnitStatus.DISSOLVED
