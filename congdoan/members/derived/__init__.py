"""Derived member data, kept in step by the writers and rebuilt from scratch after bulk loads.

* ``tally`` (+ ``tally_sql``): the dated ledger the statistics read (``MemberTally``);
* ``smallspans``: spans of days a grassroots union had under five members (``SmallUnionSpan``);
* ``counts``: today's open-stint counts per unit (``UnitMemberCount``).

Nothing here imports the services: the services (and the restructure operations) call
``tally.tracking(member_ids=…)`` around changes to stints and ``tally.link_apply(link, ±1)`` around
changes to unit links; ``rebuild_all()`` recomputes everything.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Max, Q

from ..constants import MEMBER_CODE_PREFIX, Gender
from ..models import Member, MemberCodeCounter
from . import smallspans, tally


def rebuild_all() -> None:
    """Bring derived data in step after a bulk load: the member code counter and the per-unit counts.

    Set-based SQL only (the demo loader calls this after writing millions of rows).
    """
    with transaction.atomic():
        prefix_len = len(MEMBER_CODE_PREFIX)
        highest = (
            Member.objects.filter(code__startswith=MEMBER_CODE_PREFIX)
            .filter(~Q(code=""))
            .aggregate(m=Max("code"))["m"]
        )
        number = int(highest[prefix_len:]) if highest and highest[prefix_len:].isdigit() else 0
        counter, _created = MemberCodeCounter.objects.select_for_update().get_or_create(name="member")
        if number > counter.last_value:
            counter.last_value = number
            counter.save(update_fields=["last_value"])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM members_unitmembercount")
        cursor.execute(
            """
            INSERT INTO members_unitmembercount (unit_id, total, women, informal)
            SELECT s.unit_id, COUNT(*),
                   SUM(CASE WHEN m.gender = %s THEN 1 ELSE 0 END),
                   SUM(CASE WHEN m.is_informal THEN 1 ELSE 0 END)
            FROM members_membership s JOIN members_member m ON m.id = s.member_id
            WHERE s.valid_to IS NULL
            GROUP BY s.unit_id
            """,
            [Gender.FEMALE],
        )
    tally.rebuild()
    smallspans.rebuild()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE members_unitmembercount")
            cursor.execute("ANALYZE members_member")
            cursor.execute("ANALYZE members_membership")
