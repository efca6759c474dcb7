"""Leaving union activity (thôi sinh hoạt) and coming back (kết nạp lại)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.validation import require as _require
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from ..constants import (
    END_RESTRUCTURE,
    END_TRANSFER,
    MemberStatus,
    StintStart,
)
from ..derived import tally
from ..models import (
    LeaveReason,
    Member,
    Membership,
)
from ._common import (
    _lock_member,
    _member_set_unit,
    _open_stint,
    _require_date,
    _require_decision,
    _require_grassroots_on,
    _snapshot,
)


# -- leaving and coming back --------------------------------------------------------------------
@transaction.atomic
def member_leave(
    *,
    scope: Scope,
    member: Member,
    left_on: dt.date,
    reason: LeaveReason,
    decision_no: str,
) -> Member:
    """The member stops union activity (thôi sinh hoạt); ``left_on`` is the last day of the stint."""
    member = _lock_member(member)
    scope.require_can(member.unit)
    decision_no = _require_decision(decision_no)
    _require_date(left_on, "left_on", _("ngày thôi sinh hoạt"))
    _require(reason is not None, _("Cần chọn lý do thôi sinh hoạt."), "reason")
    _require(
        reason.code not in (END_TRANSFER, END_RESTRUCTURE),
        _("Lý do “%(r)s” chỉ dùng khi chuyển sinh hoạt hoặc sắp xếp tổ chức.") % {"r": reason.name},
        "reason",
    )
    _require(
        member.status == MemberStatus.ACTIVE,
        _("“%(m)s” chưa được kết nạp hoặc không đang sinh hoạt, không thể thôi sinh hoạt.")
        % {"m": member.full_name},
    )
    stint = _open_stint(member)
    _require(stint is not None, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name})
    _require(
        left_on >= stint.valid_from,
        _("Ngày thôi sinh hoạt không được trước ngày bắt đầu sinh hoạt (%(d)s).")
        % {"d": format_date(stint.valid_from)},
        "left_on",
    )
    before = _snapshot(member)
    with tally.tracking(member_ids=[member.pk]):
        stint.valid_to = left_on
        stint.end_reason = reason
        stint.end_decision_no = decision_no
        stint.save(update_fields=["valid_to", "end_reason", "end_decision_no"])
        _member_set_unit(member, stint.unit, MemberStatus.LEFT)
    event_record(
        actor=scope.actor,
        action="member.leave",
        unit=member.unit,
        obj=member,
        decision_no=decision_no,
        summary=_("“%(m)s” thôi sinh hoạt từ sau ngày %(d)s (%(r)s)")
        % {"m": member.full_name, "d": format_date(left_on), "r": reason.name},
        before=before,
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def member_readmit(
    *,
    scope: Scope,
    member: Member,
    unit: Unit,
    readmitted_on: dt.date,
    decision_no: str,
) -> Member:
    """Admit a former member again (kết nạp lại), keeping the code."""
    member = _lock_member(member)
    scope.require_can(member.unit)
    scope.require_can(unit)
    decision_no = _require_decision(decision_no)
    _require_date(readmitted_on, "readmitted_on", _("ngày kết nạp lại"))
    _require(
        member.status == MemberStatus.LEFT,
        _("Chỉ kết nạp lại người đã thôi sinh hoạt."),
    )
    unit = org_selectors.unit_by_pk(unit.pk)
    _require_grassroots_on(unit, readmitted_on)
    last_end = Membership.objects.filter(member=member).aggregate(m=Max("valid_to"))["m"]
    _require(
        last_end is None or readmitted_on > last_end,
        _("Ngày kết nạp lại phải sau ngày thôi sinh hoạt (%(d)s).") % {"d": format_date(last_end)},
        "readmitted_on",
    )
    before = _snapshot(member)
    stint = Membership(
        member=member,
        unit=unit,
        valid_from=readmitted_on,
        start_kind=StintStart.READMIT,
        decision_no=decision_no,
    )
    stint.full_clean()
    with tally.tracking(member_ids=[member.pk]):
        stint.save()
        _member_set_unit(member, unit, MemberStatus.ACTIVE)
    event_record(
        actor=scope.actor,
        action="member.readmit",
        unit=unit,
        obj=member,
        decision_no=decision_no,
        summary=_("Kết nạp lại “%(m)s” vào “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": unit.name, "d": format_date(readmitted_on)},
        before=before,
        after=_snapshot(member),
    )
    return member
