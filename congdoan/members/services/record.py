"""The member record: a person admitted by a grassroots union, and corrections to their personal data."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.core.validation import require as _require
from congdoan.org.models import Unit

from ..constants import (
    MemberStatus,
)
from ..derived import tally
from ..models import (
    AdmissionBatch,
    Member,
)
from ._common import (
    COUNTED_FIELDS,
    _clean_personal,
    _lock_member,
    _require_date,
    _require_decision,
    _require_grassroots_on,
    _snapshot,
)


# -- the member record --------------------------------------------------------------------------
@transaction.atomic
def member_admit(
    *,
    scope: Scope,
    unit: Unit,
    admitted_on: dt.date,
    decision_no: str,
    batch: AdmissionBatch | None = None,
    **personal,
) -> Member:
    """Record a person admitted by a grassroots union's decision: a pending member on the unit's draft list.

    The member gets a code and counts only after the level above approves the list (``batch_approve``).
    """
    scope.require_can(unit)
    decision_no = _require_decision(decision_no)
    _require_date(admitted_on, "admitted_on", _("ngày kết nạp"))
    _require_grassroots_on(unit, admitted_on)
    data = _clean_personal(personal, member=None, on=admitted_on)
    for key in ("full_name", "gender"):
        _require(bool(data.get(key)), _("Cần nhập trường này."), key)
    if batch is None:
        batch = AdmissionBatch.objects.filter(
            unit=unit, status=AdmissionBatch.Status.DRAFT, admitted_on=admitted_on, decision_no=decision_no
        ).first()
    if batch is None:
        batch = AdmissionBatch(
            unit=unit,
            admitted_on=admitted_on,
            decision_no=decision_no,
            created_by=user_or_none(scope.actor),
        )
        batch.full_clean()
        batch.save()
    _require(
        batch.unit_id == unit.pk
        and batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        _("Danh sách đề nghị kết nạp này đã gửi đi, không thêm được."),
        "batch",
    )
    member = Member(unit=unit, status=MemberStatus.PENDING, name_folded=fold(data["full_name"]), **data)
    member.full_clean()
    member.save()
    batch.members.add(member)
    event_record(
        actor=scope.actor,
        action="member.admit",
        unit=unit,
        obj=member,
        decision_no=decision_no,
        summary=_("Đề nghị kết nạp “%(m)s” vào “%(u)s” từ %(d)s")
        % {"m": member.full_name, "u": unit.name, "d": format_date(admitted_on)},
        after=_snapshot(member),
    )
    return member


@transaction.atomic
def member_update(*, scope: Scope, member: Member, version: int | None = None, **personal) -> Member:
    """Correct a member's personal data (name, birth date, CCCD, Party status…).

    ``version`` is the one the editor saw: when somebody saved since, ``VersionConflict`` and nothing changes.
    """
    member = _lock_member(member)
    scope.require_can(member.unit)
    version_claim(member, version)
    _require(member.status != MemberStatus.MERGED, _("Hồ sơ này đã được gộp vào hồ sơ khác."))
    on = member.joined_on or today()
    data = _clean_personal(personal, member=member, on=on)
    before = {k: str(getattr(member, k)) for k in data}
    for key, value in data.items():
        setattr(member, key, value)
    member.name_folded = fold(member.full_name)
    member.full_clean()
    with tally.tracking(member_ids=[member.pk] if COUNTED_FIELDS & set(data) else ()):
        member.save()
    event_record(
        actor=scope.actor,
        action="member.update",
        unit=member.unit,
        obj=member,
        summary=_("Sửa thông tin đoàn viên “%(m)s”") % {"m": member.full_name},
        before=before,
        after={k: str(getattr(member, k)) for k in data},
    )
    return member
