"""Objects in Đà Nẵng's subtree for the project-wide scope walker (see docs/testing.md)."""


def outside_objects(tree) -> dict:
    from congdoan.core.scoping import Scope
    from congdoan.history import services

    services.summary_save(
        scope=Scope.unrestricted(), unit=tree.g4, year=2023, values={"members_admitted": 40}
    )
    return {"history:edit": {"unit_id": tree.g4.pk, "year": 2023}}
