"""Welfare figures by paying level: people supported and money paid by each level of the union.

The paying level of a payment is the level (``UnitKind.level``) of its programme's organiser, the unit whose
officers approve it: a sector union's own programme pays at its level, its grassroots unions' programmes
at the grassroots level (levels inside a grassroots union count as grassroots). People are counted
distinct within a level (members by record, workers by CCCD) over payments still standing; a person supported
at two levels counts at each. Amounts are approved money, reversals included, so they add up to the total.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import Least

from congdoan.core.scoping import Scope

from .constants import PaymentStatus, paying_level_label
from .models import Payment

GRASSROOTS_LEVEL = 3


def welfare_by_level(*, scope: Scope, unit, start: dt.date, end: dt.date) -> list[dict]:
    """[{level, label, people, members, workers, amount}] for ``unit``'s subtree over ``start``..``end``,
    highest level first; levels with neither people nor money are left out."""
    approved = Payment.objects.filter(
        scope.q("unit__path"),
        unit__path__startswith=unit.path,
        status=PaymentStatus.APPROVED,
        paid_on__gte=start,
        paid_on__lte=end,
    ).annotate(level=Least("programme__owner__kind__level", GRASSROOTS_LEVEL))
    reversed_ids = Payment.objects.filter(reverses__isnull=False).values("reverses_id")
    rows: dict[int, dict] = defaultdict(lambda: {"members": 0, "workers": 0, "amount": 0})
    for level, total in approved.values_list("level").annotate(total=Sum("amount")).order_by():
        rows[level]["amount"] += total or 0
    people = (
        approved.filter(reverses__isnull=True)
        .exclude(pk__in=reversed_ids)
        .values_list("level")
        .annotate(
            members=Count("member_id", distinct=True),
            workers=Count("worker_cccd", distinct=True, filter=Q(member__isnull=True)),
        )
        .order_by()
    )
    for level, members, workers in people:
        rows[level]["members"] += members
        rows[level]["workers"] += workers
    return [
        {
            "level": level,
            "label": paying_level_label(level),
            "people": row["members"] + row["workers"],
            "members": row["members"],
            "workers": row["workers"],
            "amount": row["amount"],
        }
        for level, row in sorted(rows.items())
        if row["amount"] or row["members"] or row["workers"]
    ]
