"""Move an introduction on: training, admitted (decision), not admitted, withdrawn."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require
from congdoan.members.constants import PartyStatus
from congdoan.members.services import party_dates_set

from ..constants import TRANSITIONS, IntroStatus
from ..models import Introduction
from ._common import lock, require_text, snapshot


@transaction.atomic
def introduction_move(
    *,
    scope: Scope,
    introduction: Introduction,
    to: str,
    on: dt.date,
    decision_no: str = "",
    reason: str = "",
    version: int | None = None,
) -> Introduction:
    """Move ``introduction`` to state ``to`` on day ``on``; refuse a move the table does not allow, a day
    before the previous step or in the future, an admission without its decision number."""
    introduction = lock(introduction)
    scope.require_can(introduction.unit, Action.ACT)
    version_claim(introduction, version)
    current = IntroStatus(introduction.status)
    require(to in IntroStatus.values, _("Trạng thái không hợp lệ."), "to")
    to = IntroStatus(to)
    require(
        to in TRANSITIONS[current],
        _("Hồ sơ đang ở bước “%(a)s”, không chuyển sang “%(b)s” được.") % {"a": current.label, "b": to.label},
        "to",
    )
    require(on is not None, _("Cần nhập ngày."), "on")
    require(on <= today(), _("Ngày %(d)s chưa đến.") % {"d": format_date(on)}, "on")
    previous = introduction.training_from or introduction.introduced_on
    require(
        on >= previous,
        _("Ngày không được trước ngày của bước trước (%(d)s).") % {"d": format_date(previous)},
        "on",
    )
    before = snapshot(introduction)
    member = introduction.member
    if to == IntroStatus.TRAINING:
        introduction.training_from = on
    elif to == IntroStatus.ADMITTED:
        introduction.decision_no = require_text(decision_no, "decision_no", _("số quyết định kết nạp"))
        introduction.admitted_on = on
        party_dates_set(
            member=member,
            status=PartyStatus.ADMITTED,
            introduced_on=introduction.introduced_on,
            admitted_on=on,
        )
    else:
        if to == IntroStatus.WITHDRAWN:
            reason = require_text(reason, "reason", _("lý do rút giới thiệu"))
        introduction.closed_on = on
        introduction.reason = (reason or "").strip()
        party_dates_set(
            member=member, status=PartyStatus.NONE, introduced_on=introduction.introduced_on, admitted_on=None
        )
    introduction.status = to
    introduction.save()
    event_record(
        actor=scope.actor,
        action="party.move",
        summary=_("Hồ sơ giới thiệu cho Đảng của “%(m)s”: %(s)s ngày %(d)s")
        % {"m": member.full_name, "s": to.label, "d": format_date(on)},
        unit=introduction.unit,
        obj=introduction,
        decision_no=introduction.decision_no if to == IntroStatus.ADMITTED else "",
        before=before,
        after=snapshot(introduction),
    )
    return introduction
