"""What the finance writers share: checks on the unit, the ledger and transfer writers."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.actors import user_or_none
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from ..constants import Line, SplitKind
from ..models import LedgerEntry, Transfer
from ..rules import split


def require_grassroots(unit: Unit) -> None:
    if not unit.kind.is_grassroots:
        raise ValidationError(_("Chỉ công đoàn cơ sở mới lập bảng thu đoàn phí và kinh phí công đoàn."))


def ledger_add(
    *,
    unit: Unit,
    on: dt.date,
    line: str,
    amount: int,
    memo: str,
    source: str = "",
    actor=None,
    transfer: Transfer | None = None,
) -> LedgerEntry:
    return LedgerEntry.objects.create(
        unit=unit,
        on=on,
        line=line,
        amount=amount,
        memo=memo[:255],
        source=source,
        transfer=transfer,
        created_by=user_or_none(actor),
    )


def post_collection(
    *, unit: Unit, kind: str, month: dt.date, collected: int, memo: str, source: str, actor, sign: int = 1
) -> Transfer | None:
    """Book ``collected`` (dues or fund) as income of ``unit`` and what the level above is owed of it.

    ``sign=-1`` books the reversal of an earlier posting (negative entries; the ledger is never edited)."""
    line = Line.DUES if kind == SplitKind.DUES else Line.FUND
    ledger_add(unit=unit, on=month, line=line, amount=sign * collected, memo=memo, source=source, actor=actor)
    parent = org_selectors.unit_parent_on(unit=unit, on=month) or unit.parent
    if parent is None:
        return None
    _kept, up = split(kind, collected, month)
    return Transfer.objects.create(
        from_unit=unit, to_unit=parent, kind=kind, month=month, collected=sign * collected, owed=sign * up
    )
