"""The member record's Party dates, set by the Party introductions app (``congdoan.party``).

``Member.party_status`` / ``party_introduced_on`` / ``party_admitted_on`` are counted by the statistics
ledger (``tally.party_introduced`` / ``party_admitted``), so they change only inside ``tally.tracking``.
The member's version is claimed too: an edit form opened before is then stale instead of writing the old
dates back.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from congdoan.core.concurrency import version_claim

from ..constants import PartyStatus
from ..derived import tally
from ..models import Member


@transaction.atomic
def party_dates_set(
    *, member: Member, status: str, introduced_on: dt.date | None, admitted_on: dt.date | None
) -> Member:
    """Set a member's Party status and dates (the caller has checked the scope and audits the change)."""
    if status not in PartyStatus.values:
        raise ValueError(status)
    with tally.tracking(member_ids=[member.pk]):
        version_claim(member, None)
        Member.objects.filter(pk=member.pk).update(
            party_status=status, party_introduced_on=introduced_on, party_admitted_on=admitted_on
        )
    member.party_status, member.party_introduced_on, member.party_admitted_on = (
        status,
        introduced_on,
        admitted_on,
    )
    return member
