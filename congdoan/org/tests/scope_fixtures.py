"""Objects of the organisation tree inside Đà Nẵng's subtree, for the project-wide scope walker."""

import datetime as dt

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
    day = dt.date(2026, 7, 1).isoformat()
    decision = {"decision_no": "1/QĐ", "decision_date": None}
    return {
        # Pages
        "org:unit": {"pk": unit.pk},
        "org:children": {"pk": commune.pk},
        "org:found": {"pk": commune.pk},
        "org:reparent": {"pk": unit.pk},
        "org:dissolve": {"pk": unit.pk},
        "org:merge": {"pk": commune.pk},
        "org:split": {"pk": commune.pk},
        "org:cluster": {"pk": cluster.pk},
        "org:cluster_edit": {"pk": cluster.pk},
        "org:cluster_roll_over": {"pk": cluster.pk},
        # API
        "GET /api/v1/units/{unit_id}": {"path": {"unit_id": unit.pk}, "body": None},
        "GET /api/v1/units/{unit_id}/children": {"path": {"unit_id": commune.pk}, "body": None},
        "GET /api/v1/units/{unit_id}/parents": {"path": {"unit_id": unit.pk}, "body": None},
        "POST /api/v1/units": {
            "path": {},
            "body": {
                "parent_id": commune.pk,
                "name": "CĐCS Mới",
                "kind": "grassroots",
                "founded_on": day,
                **decision,
            },
        },
        "POST /api/v1/units/{unit_id}/reparent": {
            "path": {"unit_id": unit.pk},
            "body": {"new_parent_id": tree.bt.pk, "effective_on": day, **decision},
        },
        "POST /api/v1/units/{unit_id}/dissolve": {
            "path": {"unit_id": unit.pk},
            "body": {"dissolved_on": day, **decision},
        },
        "POST /api/v1/units/merge": {
            "path": {},
            "body": {"source_ids": [commune.pk], "target_id": tree.bt.pk, "effective_on": day, **decision},
        },
        "POST /api/v1/units/{unit_id}/split": {
            "path": {"unit_id": commune.pk},
            "body": {
                "parts": [{"name": "A"}, {"name": "B"}],
                "child_targets": {str(unit.pk): 0},
                "effective_on": day,
                **decision,
            },
        },
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
