"""Writes to the member registry: admission and its approval, transfers, leaving, re-admission, cards, merges.

Every operation is one transaction on one dated decision, checks the current state, writes an audit
event, and refuses invalid requests with a Vietnamese ``ValidationError`` (or ``PermissionDenied``
outside the actor's scope) without changing anything. Counts as of any date come from the stints
(``Membership``) these services open and close.

One module per use case; this package re-exports them so ``from congdoan.members.services import X``
keeps working. Modules import their siblings directly, never this ``__init__``.
"""

from __future__ import annotations

from ..derived import rebuild_all as registry_rebuild_derived
from ._common import COUNTED_FIELDS, ONE_DAY, PERSONAL_FIELDS
from .admissions import batch_approve, batch_return, batch_submit
from .cards import card_hand_over, card_print, card_request
from .duplicates import member_merge
from .leave_reasons import leave_reason_save
from .leaving import member_leave, member_readmit
from .party_dates import party_dates_set
from .posts import post_add, post_delete, post_update
from .record import member_admit, member_update
from .restructuring import stints_follow_unit_dissolution, stints_follow_unit_split
from .transfers import member_transfer, transfer_accept, transfer_refuse

__all__ = [
    "COUNTED_FIELDS",
    "ONE_DAY",
    "PERSONAL_FIELDS",
    "batch_approve",
    "batch_return",
    "batch_submit",
    "card_hand_over",
    "card_print",
    "card_request",
    "member_admit",
    "leave_reason_save",
    "member_leave",
    "member_merge",
    "member_readmit",
    "member_transfer",
    "member_update",
    "party_dates_set",
    "post_add",
    "post_delete",
    "post_update",
    "registry_rebuild_derived",
    "stints_follow_unit_dissolution",
    "stints_follow_unit_split",
    "transfer_accept",
    "transfer_refuse",
]
