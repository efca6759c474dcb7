"""Pages of the member registry. Thin: parse, call a selector or service, render.

One module per use case, re-exported here for ``members/urls.py``.
"""

from __future__ import annotations

from .admissions import batch_approve, batch_detail, batch_list, batch_return, batch_submit
from .duplicates import duplicates
from .leave_reasons import leave_reason_edit, leave_reason_list
from .lists import index
from .operations import member_card, member_leave, member_readmit, member_transfer
from .pick import member_pick
from .posts import post_add, post_delete, post_edit
from .record import member_detail, member_edit, member_new
from .statistics import statistics, statistics_export
from .transfers import transfer_decide, transfer_list

__all__ = [
    "batch_approve",
    "batch_detail",
    "batch_list",
    "batch_return",
    "batch_submit",
    "duplicates",
    "index",
    "leave_reason_edit",
    "leave_reason_list",
    "member_card",
    "member_detail",
    "member_edit",
    "member_pick",
    "member_leave",
    "member_new",
    "member_readmit",
    "member_transfer",
    "post_add",
    "post_delete",
    "post_edit",
    "statistics",
    "statistics_export",
    "transfer_decide",
    "transfer_list",
]
