"""Admission lists: the grassroots union submits, the level above approves (codes, stints) or returns."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require as _require

from ..constants import (
    MemberStatus,
    StintStart,
)
from ..derived import tally
from ..models import (
    AdmissionBatch,
    Member,
    Membership,
)
from ._common import (
    _issue_codes,
    _require_decision,
    _require_grassroots_on,
)


# -- admission lists ----------------------------------------------------------------------------
@transaction.atomic
def batch_submit(
    *,
    scope: Scope,
    batch: AdmissionBatch,
) -> AdmissionBatch:
    """The grassroots union sends its admission list to the directly superior union."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit").get(pk=batch.pk)
    scope.require_can(batch.unit)
    _require(
        batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        _("Danh sách đang ở trạng thái “%(s)s”, không gửi được.") % {"s": batch.get_status_display()},
    )
    _require(batch.members.exists(), _("Danh sách chưa có người nào."))
    batch.members.filter(status=MemberStatus.RETURNED).update(status=MemberStatus.PENDING)
    batch.status = AdmissionBatch.Status.SUBMITTED
    batch.submitted_at = timezone.now()
    batch.save(update_fields=["status", "submitted_at"])
    event_record(
        actor=scope.actor,
        action="batch.submit",
        unit=batch.unit,
        obj=batch,
        decision_no=batch.decision_no,
        summary=_("Gửi danh sách đề nghị kết nạp %(n)s người của “%(u)s”")
        % {"n": batch.members.count(), "u": batch.unit.name},
    )
    return batch


@transaction.atomic
def batch_approve(
    *,
    scope: Scope,
    batch: AdmissionBatch,
    decision_no: str,
) -> AdmissionBatch:
    """The superior union approves the list: codes issued, stints opened from the admission day."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit", "unit__kind").get(pk=batch.pk)
    scope.require_can(batch.unit, Action.APPROVE)
    decision_no = _require_decision(decision_no)
    _require(
        batch.status == AdmissionBatch.Status.SUBMITTED,
        _("Danh sách đang ở trạng thái “%(s)s”, không duyệt được.") % {"s": batch.get_status_display()},
    )
    _require_grassroots_on(batch.unit, batch.admitted_on)
    members = list(batch.members.select_for_update().filter(status=MemberStatus.PENDING).order_by("id"))
    _require(bool(members), _("Danh sách không còn người nào chờ duyệt."))
    codes = _issue_codes(len(members))
    stints = []
    for member, code in zip(members, codes, strict=True):
        member.code = code
        member.status = MemberStatus.ACTIVE
        member.joined_on = member.joined_on or batch.admitted_on
        member.unit = batch.unit
        stints.append(
            Membership(
                member=member,
                unit=batch.unit,
                valid_from=batch.admitted_on,
                start_kind=StintStart.ADMIT,
                decision_no=batch.decision_no or decision_no,
            )
        )
    with tally.tracking(member_ids=[m.pk for m in members]):
        Member.objects.bulk_update(members, ["code", "status", "joined_on", "unit"])
        Membership.objects.bulk_create(stints)
    batch.status = AdmissionBatch.Status.APPROVED
    batch.approval_decision_no = decision_no
    batch.decided_by = user_or_none(scope.actor)
    batch.decided_at = timezone.now()
    batch.save(update_fields=["status", "approval_decision_no", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="batch.approve",
        unit=batch.unit,
        obj=batch,
        decision_no=decision_no,
        summary=_("Duyệt kết nạp %(n)s đoàn viên của “%(u)s” từ %(d)s")
        % {"n": len(members), "u": batch.unit.name, "d": format_date(batch.admitted_on)},
        after={"codes": codes},
    )
    return batch


@transaction.atomic
def batch_return(
    *,
    scope: Scope,
    batch: AdmissionBatch,
    reason: str,
) -> AdmissionBatch:
    """The superior union returns the list to the grassroots union with a reason."""
    batch = AdmissionBatch.objects.select_for_update().select_related("unit").get(pk=batch.pk)
    scope.require_can(batch.unit, Action.APPROVE)
    reason = (reason or "").strip()
    _require(bool(reason), _("Cần nêu lý do trả lại."), "reason")
    _require(
        batch.status == AdmissionBatch.Status.SUBMITTED,
        _("Danh sách đang ở trạng thái “%(s)s”, không trả lại được.") % {"s": batch.get_status_display()},
    )
    batch.members.filter(status=MemberStatus.PENDING).update(status=MemberStatus.RETURNED)
    batch.status = AdmissionBatch.Status.RETURNED
    batch.return_reason = reason
    batch.decided_by = user_or_none(scope.actor)
    batch.decided_at = timezone.now()
    batch.save(update_fields=["status", "return_reason", "decided_by", "decided_at"])
    event_record(
        actor=scope.actor,
        action="batch.return",
        unit=batch.unit,
        obj=batch,
        summary=_("Trả lại danh sách đề nghị kết nạp của “%(u)s”: %(r)s")
        % {"u": batch.unit.name, "r": reason},
    )
    return batch
