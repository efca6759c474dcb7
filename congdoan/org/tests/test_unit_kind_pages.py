"""Unit kinds edited in the app (issue 19 §3), and the "Danh mục" menu entry for administrators."""

import pytest

from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.org import selectors
from congdoan.org.models import UnitKind
from tests.factories import officer

pytestmark = pytest.mark.django_db


def _data(kind, **changes):
    data = {
        "code": kind.code,
        "name": kind.name,
        "level": str(kind.level),
        "sort_order": str(kind.sort_order),
    }
    if kind.is_grassroots:
        data["is_grassroots"] = "on"
    if kind.is_historic:
        data["is_historic"] = "on"
    return {**data, **changes}


def test_a_national_admin_retires_a_kind_and_it_is_no_longer_offered_for_founding(tree, login):
    kind = UnitKind.objects.get(code="commune")
    assert kind in selectors.founding_kinds()
    client = login(tree.national_admin)
    response = client.post(f"/units/kinds/{kind.pk}/edit/", _data(kind, is_historic="on"))
    assert response.status_code == 302
    assert kind not in selectors.founding_kinds()
    assert "Ngừng dùng" in client.get("/units/kinds/").content.decode()
    event = Event.objects.get(action="org.unit_kind_save")
    assert event.before["is_historic"] is False and event.after["is_historic"] is True


def test_the_level_of_a_kind_in_use_cannot_change(tree, login):
    kind = UnitKind.objects.get(code="commune")
    client = login(tree.national_admin)
    response = client.post(f"/units/kinds/{kind.pk}/edit/", _data(kind, level="1"))
    assert response.status_code == 200
    assert "không đổi được “cấp”" in response.content.decode()
    assert UnitKind.objects.get(pk=kind.pk).level == 2


def test_a_new_kind_is_added(tree, login):
    client = login(tree.national_admin)
    response = client.post(
        "/units/kinds/new/",
        {"code": "nghiep_doan", "name": "Nghiệp đoàn cơ sở", "level": "3", "is_grassroots": "on"},
    )
    assert response.status_code == 302
    assert UnitKind.objects.get(code="nghiep_doan").is_grassroots


def test_officers_get_404_and_provincial_admins_403(tree, login):
    kind = UnitKind.objects.get(code="commune")
    client = login(tree.province_officer)
    assert client.get("/units/kinds/").status_code == 404
    assert client.get(f"/units/kinds/{kind.pk}/edit/").status_code == 404
    assert client.get("/catalogues/").status_code == 404
    assert "/catalogues/" not in client.get("/").content.decode()
    client = login(officer(tree.lc, Role.ADMIN, username="tinh_qt"))
    assert client.get("/units/kinds/").status_code == 200
    assert client.post(f"/units/kinds/{kind.pk}/edit/", _data(kind, name="Đổi")).status_code == 403
    assert UnitKind.objects.get(pk=kind.pk).name != "Đổi"
    # The "Danh mục" entry and page are there for administrators.
    home = client.get("/").content.decode()
    assert 'href="/catalogues/"' in home
    page = client.get("/catalogues/").content.decode()
    for url in [
        "/targets/forms/",
        "/emulation/catalogue/manage/",
        "/members/leave-reasons/",
        "/units/kinds/",
    ]:
        assert url in page
