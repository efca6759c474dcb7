"""Units inside Đà Nẵng's subtree, for the project-wide scope walker: every restructuring page and API
operation must answer 404 to the Lào Cai officer."""

import datetime as dt


def outside_objects(tree) -> dict:
    unit, commune = tree.g4, tree.hc
    day = dt.date(2026, 7, 1).isoformat()
    decision = {"decision_no": "1/QĐ", "decision_date": None}
    return {
        # Pages
        "restructure:found": {"pk": commune.pk},
        "restructure:reparent": {"pk": unit.pk},
        "restructure:dissolve": {"pk": unit.pk},
        "restructure:merge": {"pk": commune.pk},
        "restructure:split": {"pk": commune.pk},
        # API
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
    }
