"""Transfers between grassroots unions: at once inside the actor's scope, else a request to accept or refuse."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.validation import require as _require
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from ..constants import (
    END_TRANSFER,
    MemberStatus,
    StintStart,
    TransferStatus,
)
from ..derived import tally
from ..models import (
    Member,
    Membership,
    TransferRequest,
)
from ._common import (
    ONE_DAY,
    _lock_member,
    _member_set_unit,
    _open_stint,
    _reason,
    _require_date,
    _require_decision,
    _require_grassroots_on,
    _snapshot,
)


# -- transfers ----------------------------------------------------------------------------------
def _move(
    member: Member, stint: Membership, to_unit: Unit, day: dt.date, decision_no: str, reason: str, kind: str
):
    with tally.tracking(member_ids=[member.pk]):
        stint.valid_to = day - ONE_DAY
        stint.end_reason = _reason(reason)
        stint.end_decision_no = decision_no
        stint.save(update_fields=["valid_to", "end_reason", "end_decision_no"])
        new = Membership(
            member=member, unit=to_unit, valid_from=day, start_kind=kind, decision_no=decision_no
        )
        new.full_clean()
        new.save()
        _member_set_unit(member, to_unit, MemberStatus.ACTIVE)


def _check_transfer(member: Member, to_unit: Unit, effective_on: dt.date) -> Membership:
    _require_date(effective_on, "effective_on", _("ngày chuyển"))
    _require(
        member.status == MemberStatus.ACTIVE, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name}
    )
    stint = _open_stint(member)
    _require(stint is not None, _("“%(m)s” không đang sinh hoạt.") % {"m": member.full_name})
    _require(to_unit.pk != stint.unit_id, _("Đoàn viên đang sinh hoạt tại đơn vị này."), "to_unit")
    _require_grassroots_on(to_unit, effective_on, "to_unit")
    _require(
        effective_on > stint.valid_from,
        _("Ngày chuyển phải sau ngày bắt đầu sinh hoạt tại đơn vị hiện nay (%(d)s).")
        % {"d": format_date(stint.valid_from)},
        "effective_on",
    )
    return stint


@transaction.atomic
def member_transfer(
    *,
    scope: Scope,
    member: Member,
    to_unit: Unit,
    effective_on: dt.date,
    decision_no: str,
) -> Member | TransferRequest:
    """Move a member to another grassroots union from ``effective_on``; the member keeps the code.

    Inside the actor's scope the move happens at once. To a unit outside it, a ``TransferRequest`` is
    created for the receiving side to accept (``transfer_accept``) or refuse.
    """
    member = _lock_member(member)
    scope.require_can(member.unit)
    decision_no = _require_decision(decision_no)
    to_unit = org_selectors.unit_by_pk(to_unit.pk)
    stint = _check_transfer(member, to_unit, effective_on)
    if not scope.can(to_unit):
        _require(
            not TransferRequest.objects.filter(member=member, status=TransferStatus.PENDING).exists(),
            _("Đã có một đề nghị chuyển sinh hoạt đang chờ cho đoàn viên này."),
        )
        request = TransferRequest(
            member=member,
            from_unit=member.unit,
            to_unit=to_unit,
            effective_on=effective_on,
            decision_no=decision_no,
            requested_by=user_or_none(scope.actor),
        )
        request.full_clean()
        request.save()
        event_record(
            actor=scope.actor,
            action="member.transfer_request",
            unit=member.unit,
            obj=member,
            decision_no=decision_no,
            summary=_("Đề nghị chuyển “%(m)s” đến “%(u)s” từ %(d)s")
            % {"m": member.full_name, "u": to_unit.name, "d": format_date(effective_on)},
        )
        return request
    before, from_unit = _snapshot(member), member.unit
    _move(member, stint, to_unit, effective_on, decision_no, END_TRANSFER, StintStart.TRANSFER)
    event_record(
        actor=scope.actor,
        action="member.transfer",
        unit=to_unit,
        also=(from_unit,),
        obj=member,
        decision_no=decision_no,
        summary=_("Chuyển “%(m)s” đến “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": to_unit.name, "d": format_date(effective_on)},
        before=before,
        after=_snapshot(member),
    )
    return member


def _lock_request(request: TransferRequest, scope: Scope) -> TransferRequest:
    request = (
        TransferRequest.objects.select_for_update()
        .select_related("to_unit", "to_unit__kind")
        .get(pk=request.pk)
    )
    scope.require_can(request.to_unit)
    _require(
        request.status == TransferStatus.PENDING,
        _("Đề nghị này đã được xử lý (%(s)s).") % {"s": request.get_status_display()},
    )
    return request


@transaction.atomic
def transfer_accept(
    *,
    scope: Scope,
    request: TransferRequest,
) -> Member:
    """The receiving side accepts a transfer request: the member moves on the requested day."""
    request = _lock_request(request, scope)
    member = _lock_member(request.member)
    _require(
        member.unit_id == request.from_unit_id,
        _("Đoàn viên không còn sinh hoạt tại đơn vị đã đề nghị chuyển."),
    )
    stint = _check_transfer(member, request.to_unit, request.effective_on)
    before = _snapshot(member)
    _move(
        member,
        stint,
        request.to_unit,
        request.effective_on,
        request.decision_no,
        END_TRANSFER,
        StintStart.TRANSFER,
    )
    request.status = TransferStatus.ACCEPTED
    request.decided_by = user_or_none(scope.actor)
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="member.transfer",
        unit=request.to_unit,
        also=(request.from_unit,),
        obj=member,
        decision_no=request.decision_no,
        summary=_("Tiếp nhận “%(m)s” chuyển đến “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": request.to_unit.name, "d": format_date(request.effective_on)},
        before=before,
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def transfer_refuse(
    *,
    scope: Scope,
    request: TransferRequest,
    reason: str,
) -> TransferRequest:
    """The receiving side refuses a transfer request with a reason; the member stays where they are."""
    request = _lock_request(request, scope)
    reason = (reason or "").strip()
    _require(bool(reason), _("Cần nêu lý do từ chối."), "reason")
    request.status = TransferStatus.REFUSED
    request.refuse_reason = reason
    request.decided_by = user_or_none(scope.actor)
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "refuse_reason", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="member.transfer_refuse",
        unit=request.to_unit,
        obj=request.member,
        summary=_("Từ chối tiếp nhận “%(m)s”: %(r)s") % {"m": request.member.full_name, "r": reason},
    )
    return request
