"""Duplicate records: merge one into the other."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.validation import require as _require

from ..constants import (
    MemberStatus,
)
from ..derived import tally
from ..models import (
    Member,
    Membership,
    UnionPost,
)
from ._common import (
    PERSONAL_FIELDS,
    _lock_member,
    _snapshot,
)


# -- duplicates ---------------------------------------------------------------------------------
@transaction.atomic
def member_merge(
    *,
    scope: Scope,
    keep: Member,
    duplicate: Member,
) -> Member:
    """Merge a duplicate record into ``keep``: stints and posts move, blank fields are filled in.

    The duplicate stays as a record marked merged; its code (if any) is retired, never issued again.
    """
    _require(keep.pk != duplicate.pk, _("Hãy chọn hai hồ sơ khác nhau."), "duplicate")
    keep, duplicate = _lock_member(keep), _lock_member(duplicate)
    scope.require_can(keep.unit)
    scope.require_can(duplicate.unit)
    for m in (keep, duplicate):
        _require(m.status != MemberStatus.MERGED, _("“%(m)s” đã được gộp trước đó.") % {"m": m.full_name})
    mine = list(Membership.objects.filter(member=keep))
    theirs = list(Membership.objects.filter(member=duplicate))
    far = dt.date.max
    for a in mine:
        for b in theirs:
            _require(
                not (a.valid_from <= (b.valid_to or far) and b.valid_from <= (a.valid_to or far)),
                _("Hai hồ sơ có quá trình sinh hoạt trùng thời gian (%(u)s từ %(d)s); hãy sửa trước khi gộp.")
                % {"u": b.unit.name, "d": format_date(b.valid_from)},
                "duplicate",
            )
    _require(
        not (any(s.valid_to is None for s in mine) and any(s.valid_to is None for s in theirs)),
        _("Cả hai hồ sơ đều đang sinh hoạt; hãy cho một hồ sơ thôi sinh hoạt trước khi gộp."),
        "duplicate",
    )
    before = {"keep": _snapshot(keep), "duplicate": _snapshot(duplicate)}
    dup_cccd = duplicate.cccd
    retired_code = duplicate.code
    with tally.tracking(member_ids=[keep.pk, duplicate.pk]):
        Member.objects.filter(pk=duplicate.pk).update(cccd=None, status=MemberStatus.MERGED, merged_into=keep)
        Membership.objects.filter(member=duplicate).update(member=keep)
        UnionPost.objects.filter(member=duplicate).update(member=keep)
        for field in PERSONAL_FIELDS:
            if (
                field != "cccd"
                and getattr(keep, field) in ("", None)
                and getattr(duplicate, field) not in ("", None)
            ):
                setattr(keep, field, getattr(duplicate, field))
        if not keep.cccd and dup_cccd:
            keep.cccd = dup_cccd
        if not keep.code and retired_code:
            keep.code = retired_code
            Member.objects.filter(pk=duplicate.pk).update(code=None)
        latest = Membership.objects.filter(member=keep).order_by("-valid_from").first()
        if latest is not None:
            keep.unit = latest.unit
            keep.status = MemberStatus.ACTIVE if latest.valid_to is None else MemberStatus.LEFT
            first = Membership.objects.filter(member=keep).order_by("valid_from").first()
            keep.joined_on = min(d for d in (keep.joined_on, first.valid_from) if d)
        keep.save()
    event_record(
        actor=scope.actor,
        action="member.merge",
        unit=keep.unit,
        obj=keep,
        summary=_("Gộp hồ sơ trùng “%(d)s” (%(dc)s) vào “%(k)s” (%(kc)s)")
        % {"d": duplicate.full_name, "dc": retired_code or "—", "k": keep.full_name, "kc": keep.code or "—"},
        before=before,
        after=_snapshot(keep),
    )
    return keep
