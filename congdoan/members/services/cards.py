"""Member cards: request, print, hand over."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.validation import require as _require

from ..constants import (
    CardStatus,
    MemberStatus,
)
from ..models import (
    Member,
)
from ._common import (
    _lock_member,
)

# -- cards --------------------------------------------------------------------------------------
_CARD_STEPS = {
    "request": ((CardStatus.NONE, CardStatus.HANDED_OVER), CardStatus.REQUESTED, "card_requested_on"),
    "print": ((CardStatus.REQUESTED,), CardStatus.PRINTED, "card_printed_on"),
    "hand_over": ((CardStatus.PRINTED,), CardStatus.HANDED_OVER, "card_handed_on"),
}
_CARD_SUMMARIES = {
    "request": _("Đề nghị in thẻ cho “%(m)s”"),
    "print": _("Đã in thẻ cho “%(m)s”"),
    "hand_over": _("Đã trao thẻ cho “%(m)s”"),
}


def _card_step(scope: Scope, member: Member, step: str, on: dt.date | None) -> Member:
    member = _lock_member(member)
    scope.require_can(member.unit)
    allowed_from, new_status, date_field = _CARD_STEPS[step]
    _require(
        member.status == MemberStatus.ACTIVE and bool(member.code),
        _("Chỉ cấp thẻ cho đoàn viên đang sinh hoạt đã có mã."),
    )
    _require(
        member.card_status in allowed_from,
        _("Thẻ đang ở trạng thái “%(s)s”, không thực hiện được bước này.")
        % {"s": CardStatus(member.card_status).label},
    )
    day = on or today()
    member.card_status = new_status
    setattr(member, date_field, day)
    member.save(update_fields=["card_status", date_field, "updated_at"])
    event_record(
        actor=scope.actor,
        action=f"member.card_{step}",
        unit=member.unit,
        obj=member,
        summary=str(_CARD_SUMMARIES[step]) % {"m": member.full_name},
    )
    return member


@transaction.atomic
def card_request(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Ask for the member's card to be printed (also for a replacement after a card was handed over)."""
    return _card_step(scope, member, "request", on)


@transaction.atomic
def card_print(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Record that the card was printed."""
    return _card_step(scope, member, "print", on)


@transaction.atomic
def card_hand_over(
    *,
    scope: Scope,
    member: Member,
    on: dt.date | None = None,
) -> Member:
    """Record that the card was handed to the member."""
    return _card_step(scope, member, "hand_over", on)
