"""Introduce a member to the Party: the grassroots union's resolution, the Party cell, the mentors."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require
from congdoan.members import selectors as member_selectors
from congdoan.members.constants import MemberStatus, PartyStatus
from congdoan.members.models import Member
from congdoan.members.services import party_dates_set

from ..constants import OPEN_STATES
from ..models import Introduction
from ._common import lock, require_text, snapshot


def _introducing_unit(member: Member, on: dt.date):
    """The grassroots union the member belonged to on ``on`` (their stint covering that day), or None."""
    for stint in member_selectors.member_stints(member=member):
        if stint.valid_from <= on and (stint.valid_to is None or on <= stint.valid_to):
            return stint.unit
    return None


@transaction.atomic
def introduction_create(
    *,
    scope: Scope,
    member: Member,
    resolution_no: str,
    introduced_on: dt.date,
    party_cell: str,
    mentors: str,
) -> Introduction:
    """Record a grassroots union's resolution introducing ``member`` to a Party cell.

    The introducing union is the one the member belonged to on the resolution's date; the member's Party
    status becomes "introduced" with that date (the statistics ledger counts it in that period).
    """
    require(introduced_on is not None, _("Cần nhập ngày giới thiệu."), "introduced_on")
    resolution_no = require_text(resolution_no, "resolution_no", _("số nghị quyết giới thiệu"))
    party_cell = require_text(party_cell, "party_cell", _("tên chi bộ"))
    mentors = require_text(mentors, "mentors", _("họ tên đảng viên giúp đỡ"))
    require(
        introduced_on <= today(),
        _("Ngày giới thiệu %(d)s chưa đến.") % {"d": format_date(introduced_on)},
        "introduced_on",
    )
    unit = _introducing_unit(member, introduced_on)
    require(
        unit is not None,
        _("Ngày %(d)s “%(m)s” chưa (hoặc không còn) sinh hoạt tại công đoàn cơ sở nào.")
        % {"d": format_date(introduced_on), "m": member.full_name},
        "introduced_on",
    )
    scope.require_can(unit, Action.ACT)
    require(
        member.status == MemberStatus.ACTIVE,
        _("“%(m)s” không phải đoàn viên đang sinh hoạt.") % {"m": member.full_name},
        "member",
    )
    require(
        member.party_status != PartyStatus.ADMITTED,
        _("“%(m)s” đã là đảng viên.") % {"m": member.full_name},
        "member",
    )
    require(
        not Introduction.objects.filter(member=member, status__in=OPEN_STATES).exists(),
        _("“%(m)s” đang được giới thiệu cho Đảng; hãy cập nhật hồ sơ đang mở thay vì giới thiệu lần nữa.")
        % {"m": member.full_name},
        "member",
    )
    previous = Introduction.objects.filter(member=member).order_by("-introduced_on").first()
    require(
        previous is None or introduced_on >= (previous.ended_on or previous.introduced_on),
        _("Ngày giới thiệu không được trước lần giới thiệu trước (%(d)s).")
        % {"d": format_date(previous.ended_on or previous.introduced_on) if previous else ""},
        "introduced_on",
    )
    introduction = Introduction(
        member=member,
        unit=unit,
        resolution_no=resolution_no,
        introduced_on=introduced_on,
        party_cell=party_cell,
        mentors=mentors,
        created_by=user_or_none(scope.actor),
    )
    introduction.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            introduction.save()
    except IntegrityError as exc:  # a parallel request introduced the same member first
        require(False, _("“%(m)s” đang được giới thiệu cho Đảng.") % {"m": member.full_name}, "member")
        raise AssertionError from exc  # unreachable
    party_dates_set(
        member=member, status=PartyStatus.INTRODUCED, introduced_on=introduced_on, admitted_on=None
    )
    event_record(
        actor=scope.actor,
        action="party.introduce",
        summary=_("Giới thiệu đoàn viên “%(m)s” cho %(c)s (nghị quyết %(n)s ngày %(d)s)")
        % {"m": member.full_name, "c": party_cell, "n": resolution_no, "d": format_date(introduced_on)},
        unit=unit,
        obj=introduction,
        decision_no=resolution_no,
        after=snapshot(introduction),
    )
    return introduction


@transaction.atomic
def introduction_update(
    *,
    scope: Scope,
    introduction: Introduction,
    resolution_no: str,
    party_cell: str,
    mentors: str,
    version: int | None = None,
) -> Introduction:
    """Correct the resolution number, the Party cell or the mentors."""
    introduction = lock(introduction)
    scope.require_can(introduction.unit, Action.ACT)
    version_claim(introduction, version)
    before = {"resolution_no": introduction.resolution_no, "party_cell": introduction.party_cell}
    introduction.resolution_no = require_text(resolution_no, "resolution_no", _("số nghị quyết giới thiệu"))
    introduction.party_cell = require_text(party_cell, "party_cell", _("tên chi bộ"))
    introduction.mentors = require_text(mentors, "mentors", _("họ tên đảng viên giúp đỡ"))
    introduction.save()
    event_record(
        actor=scope.actor,
        action="party.update",
        summary=_("Sửa hồ sơ giới thiệu cho Đảng của “%(m)s”") % {"m": introduction.member.full_name},
        unit=introduction.unit,
        obj=introduction,
        before=before,
        after={"resolution_no": introduction.resolution_no, "party_cell": introduction.party_cell},
    )
    return introduction
