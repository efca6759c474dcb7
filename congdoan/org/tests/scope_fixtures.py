"""Objects of the organisation tree inside Đà Nẵng's subtree, for the project-wide scope walker."""

from congdoan.core.scoping import Scope
from congdoan.org import services
from congdoan.org.constants import ClusterKind


def outside_objects(tree) -> dict:
    unit, commune = tree.g4, tree.hc
    cluster = services.cluster_save(
        scope=Scope.unrestricted(),
        owner=tree.dn,
        name="Cụm thi đua các phường Đà Nẵng",
        kind=ClusterKind.CLUSTER,
        year=2026,
        members=[tree.hc, tree.g4],
        head_unit=tree.hc,
    )
    return {
        # Pages
        "org:unit_kind_edit": {"pk": unit.kind_id},  # national list: not there for non-administrators
        "org:unit": {"pk": unit.pk},
        "org:children": {"pk": commune.pk},
        "org:historic_unit_new": {"pk": commune.pk},
        "org:cluster": {"pk": cluster.pk},
        "org:cluster_edit": {"pk": cluster.pk},
        "org:cluster_roll_over": {"pk": cluster.pk},
        # API
        "GET /api/v1/units/{unit_id}": {"path": {"unit_id": unit.pk}, "body": None},
        "GET /api/v1/units/{unit_id}/children": {"path": {"unit_id": commune.pk}, "body": None},
        "GET /api/v1/units/{unit_id}/parents": {"path": {"unit_id": unit.pk}, "body": None},
        "GET /api/v1/clusters/{cluster_id}": {"path": {"cluster_id": cluster.pk}, "body": None},
        "PUT /api/v1/clusters/{cluster_id}": {
            "path": {"cluster_id": cluster.pk},
            "body": {
                "owner_id": tree.lc.pk,
                "name": "Cụm bị chiếm",
                "kind": "cluster",
                "year": 2026,
                "member_ids": [tree.bt.pk, tree.cd.pk],
            },
        },
        "POST /api/v1/clusters/{cluster_id}/roll-over": {
            "path": {"cluster_id": cluster.pk},
            "body": {"year": 2027, "head_unit_id": tree.bt.pk},
        },
        "POST /api/v1/clusters": {
            "path": {},
            "body": {
                "owner_id": tree.dn.pk,
                "name": "Cụm mới",
                "kind": "cluster",
                "year": 2026,
                "member_ids": [tree.hc.pk, tree.g4.pk],
            },
        },
    }
