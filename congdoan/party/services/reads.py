"""Reading a member's Party record is recorded in the audit log (political data)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope


def party_record_read(*, scope: Scope, member, unit, via: str) -> None:
    """Note that ``scope.actor`` read ``member``'s Party record (``via``: the page or API route)."""
    event_record(
        actor=scope.actor,
        action="party.read",
        summary=_("Xem hồ sơ giới thiệu cho Đảng của “%(m)s” (%(v)s)") % {"m": member.full_name, "v": via},
        unit=unit,
        obj=member,
    )
