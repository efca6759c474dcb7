"""Online registration by members, and its review by officers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.members.selectors import active_member_by_code_and_cccd

from ..constants import (
    ProgrammeStatus,
    RegistrationStatus,
)
from ..models import Programme, Registration
from ._common import _unit_takes_part


# -- online registration ------------------------------------------------------------------------------------
@transaction.atomic
def registration_create(*, programme: Programme, member_code: str, cccd: str) -> Registration:
    """A member applies online: the member code and CCCD must match one active member. (The public page throttles attempts per IP.)"""
    member_code, cccd = (member_code or "").strip().upper(), (cccd or "").strip()
    if not programme.online_registration or programme.status != ProgrammeStatus.OPEN:
        raise ValidationError(_("Chương trình này không nhận đăng ký trực tuyến."))
    day = today()
    if not programme.start <= day <= programme.end:
        raise ValidationError(
            _("Chương trình chỉ nhận đăng ký từ %(s)s đến %(e)s.")
            % {
                "s": format_date(programme.start),
                "e": format_date(programme.end),
            }
        )
    member = active_member_by_code_and_cccd(code=member_code, cccd=cccd)
    if member is None:
        raise ValidationError(_("Mã đoàn viên và số CCCD không khớp với đoàn viên đang sinh hoạt nào."))
    if not _unit_takes_part(programme, member.unit):
        raise ValidationError(_("Đơn vị của bạn không tham gia chương trình này."))
    if Registration.objects.filter(programme=programme, member=member).exists():
        raise ValidationError(_("Bạn đã đăng ký chương trình này rồi."))
    registration = Registration.objects.create(programme=programme, member=member, unit=member.unit)
    event_record(
        actor=None,
        action="welfare.registration_create",
        summary=_("%(n)s đăng ký trực tuyến “%(p)s”") % {"n": member.full_name, "p": programme.name},
        unit=member.unit,
        obj=registration,
    )
    return registration


@transaction.atomic
def registration_decide(
    *,
    scope: Scope,
    registration: Registration,
    approve: bool,
    note: str = "",
) -> Registration:
    scope.require_can(registration.unit)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(_("Đăng ký này đã được xét."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do không duyệt.")})
    registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REJECTED
    registration.note = note.strip()[:255]
    registration.decided_by = user_or_none(scope.actor)
    registration.decided_at = timezone.now()
    registration.save()
    event_record(
        actor=scope.actor,
        action="welfare.registration_decide",
        summary=_("%(s)s đăng ký của %(n)s")
        % {"s": registration.get_status_display(), "n": registration.member},
        unit=registration.unit,
        obj=registration,
    )
    return registration
