"""The organisation pages as officers use them: tree, search, unit page, operations, audit log."""

import datetime as dt

from congdoan.core.scoping import Scope
from congdoan.restructure import operations

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


def test_the_audit_log_shows_only_events_in_scope(tree, login):
    operations.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g4,
        dissolved_on=D(2025, 1, 1),
        decision_no="DN/1",
    )
    operations.unit_dissolve(
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
    operations.unit_dissolve(
        scope=Scope.for_user(tree.national_admin),
        unit=tree.g4,
        dissolved_on=D(2025, 1, 1),
        decision_no="DN/1",
    )
    operations.unit_dissolve(
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


def test_a_parent_outside_the_scope_is_named_without_a_link(tree, login):
    """Issue 19 §6: the commune officer's page linked to the province, which answered 404."""
    client = login(tree.commune_officer)
    page = text(client.get(f"/units/{tree.bt.pk}/"))
    assert "Liên đoàn Lao động tỉnh Lào Cai" in page
    assert f'href="/units/{tree.lc.pk}/"' not in page
    assert client.get(f"/units/{tree.lc.pk}/").status_code == 404  # the link would have led here


def test_a_parent_inside_the_scope_keeps_its_link(tree, login):
    page = text(login(tree.province_officer).get(f"/units/{tree.bt.pk}/"))
    assert f'href="/units/{tree.lc.pk}/"' in page
    page = text(login(tree.province_officer).get(f"/units/{tree.lc.pk}/"))
    assert "Tổng Liên đoàn Lao động Việt Nam" in page and f'href="/units/{tree.root.pk}/"' not in page


def test_the_children_of_a_unit_are_listed_in_natural_order(tree, login):
    from tests.factories import found

    for n in (10, 2, 1):
        found(tree.cd, f"CĐCS Tổ {n}", "grassroots", code=f"LCI.CD.T{n:02d}")
    page = text(login(tree.province_officer).get(f"/units/{tree.cd.pk}/children/"))
    positions = [page.index(f"CĐCS Tổ {n}<") for n in (1, 2, 10)]
    assert positions == sorted(positions)
