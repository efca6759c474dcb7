"""Leave reasons (a national list) edited in the app by national administrators.

A reason is never deleted (stints refer to it): it is deactivated, and leaves the choices of the leave form.
Reasons the code relies on (``is_system``) keep their code and stay active.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope
from congdoan.org.catalogue_access import require_national_admin

from ..models import LeaveReason


def _snapshot(reason: LeaveReason) -> dict:
    return {
        "code": reason.code,
        "name": reason.name,
        "is_active": reason.is_active,
        "sort_order": reason.sort_order,
    }


@transaction.atomic
def leave_reason_save(
    *, scope: Scope, reason: LeaveReason | None = None, code: str, name: str, is_active: bool, sort_order: int
) -> LeaveReason:
    require_national_admin(scope)
    if reason is not None and reason.pk:
        reason = LeaveReason.objects.select_for_update().get(pk=reason.pk)
        before = _snapshot(reason)
        if reason.is_system and code != reason.code:
            raise ValidationError({"code": _("Lý do do hệ thống dùng không đổi được mã.")})
        if reason.is_system and not is_active:
            raise ValidationError({"is_active": _("Lý do do hệ thống dùng không ngừng dùng được.")})
    else:
        reason, before = LeaveReason(), None
    reason.code, reason.name, reason.is_active, reason.sort_order = code, name, is_active, sort_order or 0
    reason.full_clean()
    reason.save()
    event_record(
        actor=scope.actor,
        action="members.leave_reason_save",
        summary=_("Cập nhật lý do thôi sinh hoạt “%(n)s”") % {"n": reason.name},
        obj=reason,
        before=before,
        after=_snapshot(reason),
    )
    return reason
