"""The organisation pages as officers use them: tree, search, unit page, operations, audit log."""

import datetime as dt

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitLink

D = dt.date


def text(response) -> str:
    return response.content.decode()


def test_the_tree_page_shows_the_users_own_unit_at_the_top(tree, login):
    page = text(login(tree.commune_officer).get("/units/"))
    assert "Công đoàn xã Bảo Thắng" in page
    assert "Liên đoàn Lao động tỉnh Lào Cai" not in page
    assert f'hx-get="/units/{tree.bt.pk}/children/"' in page


def test_search_ignores_diacritics_and_stays_in_scope(tree, login):
    client = login(tree.province_officer)
    page = text(client.get("/units/", {"q": "bao thang"}))
    assert "Công đoàn xã Bảo Thắng" in page
    page = text(client.get("/units/", {"q": "LAO CAI"}))
    assert "Liên đoàn Lao động tỉnh Lào Cai" in page and "CĐCS Siêu thị Go! Lào Cai" in page
    page = text(client.get("/units/", {"q": "hoa tho"}))
    assert "Dệt may Hòa Thọ" not in page and "Không tìm thấy đơn vị nào." in page


def test_search_by_exact_code_and_by_kind(tree, login):
    client = login(tree.province_officer)
    assert "CĐCS Công ty Apatit Việt Nam" in text(client.get("/units/", {"q": "lci.bt.001"}))
    page = text(client.get("/units/", {"kind": "commune"}))
    assert "Công đoàn phường Cam Đường" in page and "CĐCS Công ty Apatit" not in page


def test_an_htmx_search_returns_only_the_tree_body(tree, login):
    response = login(tree.province_officer).get(
        "/units/", {"q": "cam duong"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="tree-body"
    )
    assert "<html" not in text(response) and "Công đoàn phường Cam Đường" in text(response)


def test_children_are_loaded_lazily_for_a_date(tree, login):
    client = login(tree.province_officer)
    page = text(client.get(f"/units/{tree.bt.pk}/children/"))
    assert "CĐCS Công ty Apatit Việt Nam" in page and "<html" not in page
    assert "CĐCS Công ty Apatit" not in text(
        client.get(f"/units/{tree.bt.pk}/children/", {"on": "1999-01-01"})
    )


def test_the_unit_page_shows_its_facts_parent_history_children_and_counts(tree, login):
    page = text(login(tree.province_officer).get(f"/units/{tree.bt.pk}/"))
    for expected in [
        "Công đoàn xã Bảo Thắng",
        "LCI.BT",
        "Công đoàn xã, phường, đặc khu",
        "Đang hoạt động",
        "01/01/2000",
        "01/QĐ-TEST",
        "Liên đoàn Lao động tỉnh Lào Cai",
        "CĐCS Công ty Apatit Việt Nam",
        "CĐCS Công ty Hóa chất Đức Giang",
    ]:
        assert expected in page, expected
    assert 'id="parent-history"' in page


def test_another_provinces_unit_is_not_found(tree, login):
    client = login(tree.province_officer)
    assert client.get(f"/units/{tree.g4.pk}/").status_code == 404
    assert client.get(f"/units/{tree.hc.pk}/children/").status_code == 404


def test_the_tree_as_of_a_past_date_on_the_demo(demo, login):
    client = login(demo.user["tinh"])
    lc, district = demo.unit["LCI"], demo.unit["LCI.BT"]
    page = text(client.get("/units/", {"on": "2025-06-01"}))
    assert "Cơ cấu tổ chức tại ngày 01/06/2025" in page
    assert "Liên đoàn Lao động huyện Bảo Thắng" in text(
        client.get(f"/units/{lc.pk}/children/", {"on": "2025-06-01"})
    )
    assert "Liên đoàn Lao động huyện Bảo Thắng" not in text(client.get(f"/units/{lc.pk}/children/"))
    page = text(client.get(f"/units/{district.pk}/"))
    assert "Đã giải thể" in page and "30/06/2025" in page and "1019/QĐ-LĐLĐ" in page


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


def test_the_audit_log_shows_only_events_in_scope(tree, login):
    from congdoan.org import services

    services.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g4,
        dissolved_on=D(2025, 1, 1),
        decision_no="DN/1",
    )
    services.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g2,
        dissolved_on=D(2025, 1, 1),
        decision_no="LC/1",
    )
    page = text(login(tree.province_officer).get("/audit/"))
    assert "CĐCS Công ty Hóa chất Đức Giang" in page and "LC/1" in page
    assert "Dệt may Hòa Thọ" not in page and "DN/1" not in page


def test_the_home_page_shows_the_users_unit_with_counts(tree, login):
    page = text(login(tree.province_officer).get("/"))
    assert "Liên đoàn Lao động tỉnh Lào Cai" in page and "Xin chào" in page


def test_the_home_page_lists_recent_changes_in_scope_only(tree, login):
    from congdoan.org import services

    services.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g4,
        dissolved_on=D(2025, 1, 1),
        decision_no="DN/1",
    )
    services.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g2,
        dissolved_on=D(2025, 1, 1),
        decision_no="LC/1",
    )
    page = text(login(tree.commune_officer).get("/"))
    assert "Đã giải thể “CĐCS Công ty Hóa chất Đức Giang”, hoạt động đến hết ngày 01/01/2025" in page
    assert "Dệt may Hòa Thọ" not in page
    assert "Cán bộ nghiệp vụ" in page  # the user's role on their unit


def test_the_breadcrumb_shows_only_ancestors_in_scope(tree, login):
    page = text(login(tree.commune_officer).get(f"/units/{tree.g1.pk}/"))
    crumbs = page[page.index('class="breadcrumb') : page.index("</ol>")]
    assert "Công đoàn xã Bảo Thắng" in crumbs
    assert "Liên đoàn Lao động tỉnh Lào Cai" not in crumbs and "Tổng Liên đoàn" not in crumbs


def test_a_viewer_sees_unit_pages_without_action_buttons(tree, login):
    page = text(login(tree.viewer).get(f"/units/{tree.bt.pk}/"))
    assert "Công đoàn xã Bảo Thắng" in page and 'id="unit-actions"' not in page
    page = text(login(tree.province_officer).get(f"/units/{tree.bt.pk}/"))
    assert 'id="unit-actions"' in page and f"/units/{tree.bt.pk}/merge/" in page
