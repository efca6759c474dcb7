"""Today's per-unit member counts (``UnitMemberCount``): total, women and informal members of each unit's
open stints, kept by ``tally.tracking`` for the units whose stints change."""

from __future__ import annotations

from django.db.models import Count, Q

from ..constants import Gender
from ..models import Membership, UnitMemberCount


def recount_units(unit_ids) -> None:
    """Recompute the derived open-stint counts of these units from their stints (a few rows each)."""
    ids = {i for i in unit_ids if i is not None}
    if not ids:
        return
    rows = (
        Membership.objects.filter(unit_id__in=ids, valid_to__isnull=True)
        .values("unit_id")
        .annotate(
            total=Count("id"),
            women=Count("id", filter=Q(member__gender=Gender.FEMALE)),
            informal=Count("id", filter=Q(member__is_informal=True)),
        )
    )
    UnitMemberCount.objects.filter(unit_id__in=ids).delete()
    UnitMemberCount.objects.bulk_create(
        UnitMemberCount(unit_id=r["unit_id"], total=r["total"], women=r["women"], informal=r["informal"])
        for r in rows
    )
