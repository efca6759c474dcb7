"""What a refused operation must leave unchanged."""

from congdoan.audit.models import Event
from congdoan.org.models import Cluster, Unit, UnitLink


def tree_state() -> dict:
    """Units, links, clusters and the size of the audit log, to compare before and after."""
    return {
        "units": list(
            Unit.objects.order_by("pk").values_list(
                "pk", "name", "status", "path", "depth", "parent_id", "dissolved_on", "successor_id"
            )
        ),
        "links": list(
            UnitLink.objects.order_by("pk").values_list(
                "pk", "child_id", "parent_id", "valid_from", "valid_to"
            )
        ),
        "events": Event.objects.count(),
        "clusters": list(Cluster.objects.order_by("pk").values_list("pk", "name", "year", "head_unit_id")),
    }
