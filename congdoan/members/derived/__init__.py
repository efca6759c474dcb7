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

from ..constants import MEMBER_CODE_PREFIX
from ..models import Member, MemberCodeCounter
from . import counts, smallspans, tally, tally_sql


def rebuild_all(*, preloaded_from: int | None = None) -> None:
    """Bring derived data in step after a bulk load: the member code counter, the tally, the spans under
    five members and today's per-unit counts (the last two from the tally's own events).

    Set-based SQL only (the demo loader calls this after writing millions of rows). ``preloaded_from``:
    the loader summed the own events of the stints of members from this id on itself (``own``).
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
    with transaction.atomic():
        tally.rebuild(preloaded_from=preloaded_from, keep_own=True)
        with connection.cursor() as cursor:
            counts.rebuild_from_own(cursor, "tally_own")
        smallspans.rebuild(own="tally_own")
        tally_sql.drop_own(connection)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE members_unitmembercount")
            cursor.execute("ANALYZE members_member")
            cursor.execute("ANALYZE members_membership")
