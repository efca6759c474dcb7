"""The award catalogue and quotas edited in the app (issue 19 §3)."""

import datetime as dt

import pytest

from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.emulation.models import AwardKind, AwardQuota
from tests.factories import officer

pytestmark = pytest.mark.django_db


def _kind_data(kind: AwardKind, **changes) -> dict:
    data = {
        "code": kind.code,
        "name": kind.name,
        "granting_level": kind.granting_level,
        "recipient": kind.recipient,
        "rule": kind.rule,
        "valid_from": kind.valid_from.strftime("%d/%m/%Y"),
        "valid_to": kind.valid_to.strftime("%d/%m/%Y") if kind.valid_to else "",
        "sort_order": str(kind.sort_order),
    }
    for flag in ("is_title", "requires_registration", "once_per_person", "is_medal"):
        if getattr(kind, flag):
            data[flag] = "on"
    return {**data, **changes}


@pytest.fixture
def provincial_admin(tree):
    return officer(tree.lc, Role.ADMIN, username="tinh_qt")


def test_a_national_admin_sets_an_end_date_typed_dd_mm_yyyy_and_the_page_shows_it(tree, login):
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    client = login(tree.national_admin)
    response = client.post(
        f"/emulation/catalogue/kinds/{kind.pk}/edit/", _kind_data(kind, valid_to="31/12/2026")
    )
    assert response.status_code == 302
    kind.refresh_from_db()
    assert kind.valid_to == dt.date(2026, 12, 31)
    assert "31/12/2026" in client.get("/emulation/catalogue/manage/").content.decode()
    event = Event.objects.get(action="emulation.award_kind_save")
    assert event.actor == tree.national_admin
    assert event.before["valid_to"] is None and event.after["valid_to"] == "2026-12-31"


def test_a_change_from_a_date_keeps_the_old_entry_for_the_past(tree, login):
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    old_name, old_from = kind.name, kind.valid_from
    client = login(tree.national_admin)
    response = client.post(
        f"/emulation/catalogue/kinds/{kind.pk}/edit/",
        _kind_data(kind, name="Lao động giỏi (tiêu chí 2027)", new_version_from="01/01/2027"),
    )
    assert response.status_code == 302
    rows = list(
        AwardKind.objects.filter(code="lao_dong_gioi", valid_from__gte=old_from).order_by("valid_from")
    )
    assert [(r.name, r.valid_from, r.valid_to) for r in rows] == [
        (old_name, old_from, dt.date(2026, 12, 31)),
        ("Lao động giỏi (tiêu chí 2027)", dt.date(2027, 1, 1), None),
    ]


def test_overlapping_periods_and_an_end_before_the_start_are_refused_by_field(tree, login):
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    client = login(tree.national_admin)
    response = client.post(
        f"/emulation/catalogue/kinds/{kind.pk}/edit/", _kind_data(kind, valid_to="01/01/2000")
    )
    assert response.status_code == 200
    assert "Ngày hết áp dụng phải từ ngày bắt đầu" in response.content.decode()
    response = client.post("/emulation/catalogue/kinds/new/", _kind_data(kind, valid_from="01/06/2026"))
    assert response.status_code == 200
    assert "không được chồng lên nhau" in response.content.decode()
    assert AwardKind.objects.filter(code="lao_dong_gioi").count() == 2  # the current and the earlier version
    assert not Event.objects.filter(action="emulation.award_kind_save").exists()


def test_officers_get_404_and_provincial_admins_cannot_edit_the_national_catalogue(
    tree, login, provincial_admin
):
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    client = login(tree.province_officer)
    for url in [
        "/emulation/catalogue/manage/",
        f"/emulation/catalogue/kinds/{kind.pk}/edit/",
        "/emulation/catalogue/quotas/new/",
    ]:
        assert client.get(url).status_code == 404, url
    client = login(provincial_admin)
    assert client.get("/emulation/catalogue/manage/").status_code == 200
    response = client.post(f"/emulation/catalogue/kinds/{kind.pk}/edit/", _kind_data(kind, name="Đổi tên"))
    assert response.status_code == 403
    assert AwardKind.objects.get(pk=kind.pk).name != "Đổi tên"


def test_a_provincial_admin_sets_its_own_quota_but_not_another_province_or_the_national_one(
    tree, login, provincial_admin
):
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    client = login(provincial_admin)
    response = client.post(
        "/emulation/catalogue/quotas/new/",
        {"award_kind": kind.pk, "granting_unit": tree.lc.pk, "year": "2026", "max_count": "1.200"},
    )
    assert response.status_code == 302
    quota = AwardQuota.objects.get(granting_unit=tree.lc)
    assert quota.max_count == 1200
    event = Event.objects.get(action="emulation.quota_save")
    assert event.unit == tree.lc and event.after["max_count"] == 1200
    assert "1.200" in client.get("/emulation/catalogue/manage/?year=2026").content.decode()

    # Đà Nẵng is not offered, and its quota does not exist for Lào Cai.
    response = client.post(
        "/emulation/catalogue/quotas/new/",
        {"award_kind": kind.pk, "granting_unit": tree.dn.pk, "year": "2026", "max_count": "5"},
    )
    assert response.status_code == 200 and not AwardQuota.objects.filter(granting_unit=tree.dn).exists()
    dn_quota = AwardQuota.objects.create(award_kind=kind, granting_unit=tree.dn, year=2026, max_count=3)
    assert client.get(f"/emulation/catalogue/quotas/{dn_quota.pk}/edit/").status_code == 404
    # A quota for every unit of the level is national: refused without writing.
    national = AwardQuota.objects.create(award_kind=kind, granting_unit=None, year=2026, max_count=9)
    response = client.post(
        f"/emulation/catalogue/quotas/{national.pk}/edit/",
        {"award_kind": kind.pk, "granting_unit": tree.lc.pk, "year": "2026", "max_count": "99"},
    )
    assert response.status_code == 200
    assert "Trung ương" in response.content.decode()
    national.refresh_from_db()
    assert national.granting_unit is None and national.max_count == 9


def test_a_quota_needs_a_limit_and_the_national_admin_sets_one_for_every_unit(tree, login):
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    client = login(tree.national_admin)
    response = client.post(
        "/emulation/catalogue/quotas/new/", {"award_kind": kind.pk, "granting_unit": "", "year": "2026"}
    )
    assert (
        response.status_code == 200 and "Nhập số lượng tối đa hoặc tỷ lệ tối đa" in response.content.decode()
    )
    response = client.post(
        "/emulation/catalogue/quotas/new/",
        {"award_kind": kind.pk, "granting_unit": "", "year": "2026", "max_percent_of_registered": "20"},
    )
    assert response.status_code == 302
    assert AwardQuota.objects.get(granting_unit=None).max_percent_of_registered == 20


def test_the_read_only_catalogue_hides_another_province_quota(tree, login):
    """Regression: /emulation/catalogue/ listed every unit's quota, Đà Nẵng's to a Lào Cai officer too."""
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    AwardQuota.objects.create(award_kind=kind, granting_unit=tree.dn, year=2026, max_count=3)
    AwardQuota.objects.create(award_kind=kind, granting_unit=tree.lc, year=2026, max_count=4)
    AwardQuota.objects.create(award_kind=kind, granting_unit=None, year=2026, max_count=5)
    page = login(tree.province_officer).get("/emulation/catalogue/?year=2026").content.decode()
    assert tree.lc.name in page and "Mọi đơn vị cùng cấp" in page
    assert tree.dn.name not in page


def test_a_change_from_a_date_after_the_entry_ended_is_refused_and_changes_nothing(tree, login):
    kind = AwardKind.objects.get(code="giay_khen_cs", valid_to__isnull=True)
    kind.valid_to = dt.date(2025, 12, 31)
    kind.save()
    client = login(tree.national_admin)
    response = client.post(
        f"/emulation/catalogue/kinds/{kind.pk}/edit/", _kind_data(kind, new_version_from="01/01/2027")
    )
    assert response.status_code == 200
    assert "đã hết áp dụng" in response.content.decode()
    current = AwardKind.objects.filter(code="giay_khen_cs", valid_from=kind.valid_from)
    assert list(current.values_list("valid_to", flat=True)) == [dt.date(2025, 12, 31)]


def test_the_province_edits_its_quota(tree, login, provincial_admin):
    """Regression (PostgreSQL): locking a quota joined its optional granting unit, which PostgreSQL refuses."""
    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    quota = AwardQuota.objects.create(award_kind=kind, granting_unit=tree.lc, year=2026, max_count=3)
    response = login(provincial_admin).post(
        f"/emulation/catalogue/quotas/{quota.pk}/edit/",
        {"award_kind": kind.pk, "granting_unit": tree.lc.pk, "year": "2026", "max_count": "7"},
    )
    assert response.status_code == 302
    quota.refresh_from_db()
    assert quota.max_count == 7
    assert Event.objects.get(action="emulation.quota_save").before["max_count"] == 3
