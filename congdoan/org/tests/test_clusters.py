"""Emulation clusters and blocks (cụm, khối thi đua): a group of units for a year with a rotating head."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.org import selectors, services
from congdoan.org.constants import ClusterKind
from congdoan.org.models import Cluster


@pytest.fixture
def block(tree):
    return services.cluster_save(
        scope=Scope.for_user(tree.province_officer),
        owner=tree.lc,
        name="Khối doanh nghiệp",
        kind=ClusterKind.BLOCK,
        year=2026,
        members=[tree.g1, tree.g2, tree.g3],
        head_unit=tree.g1,
    )


def test_creating_a_block_records_members_head_and_an_audit_event(tree, block):
    assert set(block.members.all()) == {tree.g1, tree.g2, tree.g3} and block.head_unit == tree.g1
    event = Event.objects.get(action="cluster.save")
    assert event.actor == tree.province_officer and event.before is None
    assert event.after["head"] == tree.g1.pk and len(event.after["members"]) == 3


def test_editing_keeps_the_before_state_in_the_audit_log(tree, block):
    services.cluster_save(
        scope=Scope.for_user(tree.province_officer),
        cluster=block,
        owner=tree.lc,
        name="Khối doanh nghiệp ngoài nhà nước",
        kind=ClusterKind.BLOCK,
        year=2026,
        members=[tree.g2, tree.g3],
        head_unit=tree.g2,
    )
    block.refresh_from_db()
    assert block.name == "Khối doanh nghiệp ngoài nhà nước" and set(block.members.all()) == {tree.g2, tree.g3}
    event = Event.objects.filter(action="cluster.save").first()
    assert event.before["head"] == tree.g1.pk and event.after["head"] == tree.g2.pk


def test_the_head_must_be_a_member(tree, block, unchanged):
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.cluster_save(
            scope=Scope.for_user(tree.province_officer),
            cluster=block,
            owner=tree.lc,
            name="Khối doanh nghiệp",
            kind=ClusterKind.BLOCK,
            year=2026,
            members=[tree.g2, tree.g3],
            head_unit=tree.g1,
        )
    assert exc.value.message_dict["head_unit"] == ["Cụm trưởng phải là một đơn vị thành viên."]


def test_a_cluster_needs_two_members_and_a_unique_name_for_the_year(tree, block, unchanged):
    args = {
        "scope": Scope.for_user(tree.province_officer),
        "owner": tree.lc,
        "kind": ClusterKind.CLUSTER,
        "year": 2026,
    }
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.cluster_save(**args, name="Cụm 1", members=[tree.g1])
    assert "ít nhất hai" in exc.value.message_dict["members"][0]
    with unchanged(), pytest.raises(ValidationError) as exc:
        services.cluster_save(**args, name="Khối doanh nghiệp", members=[tree.g1, tree.g2])
    assert "Đã có cụm, khối “Khối doanh nghiệp” năm 2026." in exc.value.message_dict["name"]


def test_members_outside_the_officers_scope_are_refused(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied) as exc:
        services.cluster_save(
            scope=Scope.for_user(tree.province_officer),
            owner=tree.lc,
            name="Cụm liên tỉnh",
            kind=ClusterKind.CLUSTER,
            year=2026,
            members=[tree.g1, tree.g4],
        )
    assert "CĐCS Công ty Dệt may Hòa Thọ" in str(exc.value)


def test_a_viewer_cannot_create_a_cluster(tree, unchanged):
    with unchanged(), pytest.raises(PermissionDenied):
        services.cluster_save(
            scope=Scope.for_user(tree.viewer),
            owner=tree.lc,
            name="Cụm",
            kind="cluster",
            year=2026,
            members=[tree.g1, tree.g2],
        )


def test_rolling_over_to_the_next_year_keeps_members_and_rotates_the_head(tree, block):
    next_year = services.cluster_roll_over(
        scope=Scope.for_user(tree.province_officer), cluster=block, year=2027, head_unit=tree.g3
    )
    assert next_year.pk != block.pk and (next_year.year, next_year.head_unit) == (2027, tree.g3)
    assert set(next_year.members.all()) == set(block.members.all())
    block.refresh_from_db()
    assert (block.year, block.head_unit) == (2026, tree.g1), "last year's cluster stays as it was"


def test_rolling_over_twice_into_the_same_year_is_refused(tree, block):
    services.cluster_roll_over(
        scope=Scope.for_user(tree.province_officer), cluster=block, year=2027, head_unit=tree.g3
    )
    with pytest.raises(ValidationError):
        services.cluster_roll_over(
            scope=Scope.for_user(tree.province_officer), cluster=block, year=2027, head_unit=tree.g2
        )


def test_clusters_are_seen_by_their_owner_and_by_members_but_not_by_others(tree, block):
    from congdoan.core.scoping import Scope

    assert list(selectors.cluster_list(scope=Scope.for_user(tree.grassroots_officer))) == [block]
    assert list(selectors.cluster_list(scope=Scope.for_user(tree.other_province_officer))) == []
    assert selectors.cluster_list(scope=Scope.for_user(tree.province_officer)).get().n_members == 3


def test_cluster_pages_create_edit_roll_over_and_hide_other_provinces(tree, block, login):
    client = login(tree.province_officer)
    listing = client.get("/clusters/").content.decode()
    assert "Khối doanh nghiệp" in listing and "<td>2026</td>" in listing, "a year is not 2.026"
    response = client.post(
        "/clusters/new/",
        {
            "name": "Cụm thi đua các xã",
            "kind": "cluster",
            "year": 2026,
            "owner": tree.lc.pk,
            "members": [tree.bt.pk, tree.cd.pk],
            "head_unit": tree.bt.pk,
        },
    )
    assert response.status_code == 302
    cluster = Cluster.objects.get(name="Cụm thi đua các xã")
    page = client.get(f"/clusters/{cluster.pk}/").content.decode()
    assert "Công đoàn xã Bảo Thắng" in page and "Cụm trưởng" in page
    response = client.post(f"/clusters/{cluster.pk}/roll-over/", {"year": 2027, "head_unit": tree.cd.pk})
    assert response.status_code == 302
    assert Cluster.objects.get(name="Cụm thi đua các xã", year=2027).head_unit == tree.cd
    response = client.post(
        f"/clusters/{block.pk}/edit/",
        {
            "name": "Khối doanh nghiệp",
            "kind": "block",
            "year": 2026,
            "owner": tree.lc.pk,
            "members": [tree.g2.pk, tree.g3.pk],
            "head_unit": tree.g1.pk,
        },
    )
    assert (
        response.status_code == 200
        and "Cụm trưởng phải là một đơn vị thành viên." in response.content.decode()
    )
    other = login(tree.other_province_officer)
    assert other.get(f"/clusters/{block.pk}/").status_code == 404
    assert other.get(f"/clusters/{block.pk}/edit/").status_code == 404
    assert other.post(f"/clusters/{block.pk}/roll-over/", {"year": 2030}).status_code == 404


def test_a_member_sees_the_cluster_but_cannot_edit_it(tree, block, login):
    client = login(tree.grassroots_officer)
    page = client.get(f"/clusters/{block.pk}/").content.decode()
    assert "Khối doanh nghiệp" in page and f"/clusters/{block.pk}/edit/" not in page
    assert client.get(f"/clusters/{block.pk}/edit/").status_code == 403
    assert client.get(f"/clusters/{block.pk}/roll-over/").status_code == 403
