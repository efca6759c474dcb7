"""The monthly tally of approved payments (``PaymentTally``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.functions import TruncMonth

from ..constants import (
    PaymentStatus,
)
from ..models import PaymentSplit, PaymentTally


# -- the monthly tally -------------------------------------------------------------------------------------
def _tally_add(payment_ids: Sequence[int]) -> None:
    """Add the splits of newly approved payments to ``PaymentTally`` (one upsert per touched cell)."""
    cells: dict[tuple[int, dt.date, int], int] = {}
    ids = list(payment_ids)
    for i in range(0, len(ids), 500):
        splits = PaymentSplit.objects.filter(payment_id__in=ids[i : i + 500]).values_list(
            "payment__unit_id", "payment__paid_on", "fund_id", "amount"
        )
        for unit_id, paid_on, fund_id, amount in splits:
            key = (unit_id, paid_on.replace(day=1), fund_id)
            cells[key] = cells.get(key, 0) + amount
    if not cells:
        return
    # INSERT … ON CONFLICT … DO UPDATE: same text on PostgreSQL and SQLite ≥ 3.24; concurrent approvals
    # touching the same cell serialise on its row instead of failing on the unique constraint.
    sql = (
        "INSERT INTO welfare_paymenttally (unit_id, month, fund_id, amount) VALUES (%s, %s, %s, %s) "
        "ON CONFLICT (unit_id, month, fund_id) DO UPDATE SET amount = welfare_paymenttally.amount + excluded.amount"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(u, m, f, a) for (u, m, f), a in sorted(cells.items())])


@transaction.atomic
def payment_tally_rebuild() -> int:
    """Recount ``PaymentTally`` from the approved splits (after bulk loads; the services keep it otherwise).

    A derived table, so no audit event. Returns the number of cells.
    """
    PaymentTally.objects.all().delete()
    rows = (
        PaymentSplit.objects.filter(payment__status=PaymentStatus.APPROVED)
        .annotate(month=TruncMonth("payment__paid_on"))
        .values("payment__unit_id", "month", "fund_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    cells = [
        PaymentTally(unit_id=r["payment__unit_id"], month=r["month"], fund_id=r["fund_id"], amount=r["total"])
        for r in rows.iterator(chunk_size=5000)
    ]
    PaymentTally.objects.bulk_create(cells, batch_size=2000)
    return len(cells)
