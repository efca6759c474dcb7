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


def rebuild_from_own(cursor, own_table: str) -> None:
    """All units' counts from their own events (``tally_sql``'s ``tally_own``): the level changes of a
    stint add up, over all days, to one for a stint still open and nothing for a closed one."""
    cursor.execute(f"DELETE FROM {UnitMemberCount._meta.db_table}")  # noqa: S608 - constant names
    cursor.execute(
        f"INSERT INTO {UnitMemberCount._meta.db_table} (unit_id, total, women, informal) "  # noqa: S608
        f"SELECT unit_id, SUM(total), SUM(women), SUM(informal) FROM {own_table} "
        "GROUP BY unit_id HAVING SUM(total) <> 0"
    )
