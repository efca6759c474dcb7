"""The Council for Emulation and Commendation (Hội đồng TĐKT): its sessions and its vote on nominations."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise
from congdoan.org.models import Unit

from ..constants import (
    NominationStatus,
)
from ..models import CouncilSession, Nomination
from ..selectors import quota_status
from ._common import require
from .nominations import transition


@transaction.atomic
def council_session_create(
    *,
    scope: Scope,
    granting_unit: Unit,
    year: int,
    held_on: dt.date,
    members_total: int,
    members_present: int,
    chair: str = "",
) -> CouncilSession:
    """Record a meeting of the granting unit's emulation and commendation council."""
    scope.require_can(granting_unit)
    require(held_on is not None, _("Cần nhập ngày họp."), "held_on")
    require(members_total and members_total > 0, _("Số thành viên Hội đồng phải lớn hơn 0."), "members_total")
    require(
        members_present is not None and 0 <= members_present <= members_total,
        _("Số thành viên có mặt phải từ 0 đến %(n)s.") % {"n": members_total},
        "members_present",
    )
    session = CouncilSession(
        granting_unit=granting_unit,
        year=year,
        held_on=held_on,
        members_total=members_total,
        members_present=members_present,
        chair=normalise(chair),
    )
    session.full_clean()
    session.save()
    event_record(
        actor=scope.actor,
        action="emulation.council.create",
        unit=granting_unit,
        obj=session,
        summary=_("Họp Hội đồng Thi đua – Khen thưởng năm %(y)s: %(p)s/%(t)s thành viên có mặt")
        % {"y": year, "p": members_present, "t": members_total},
    )
    return session


def _record_votes(nomination, session, votes_for, votes_against, votes_abstain) -> None:
    require(
        session.granting_unit_id == nomination.granting_unit_id and session.year == nomination.year,
        _("Phiên họp không phải của Hội đồng “%(g)s” năm %(y)s.")
        % {"g": nomination.granting_unit.name, "y": nomination.year},
        "council",
    )
    require(
        session.has_quorum,
        _("Phiên họp không đủ số thành viên (có mặt %(p)s/%(t)s, cần quá một nửa).")
        % {"p": session.members_present, "t": session.members_total},
        "council",
    )
    votes = [votes_for, votes_against, votes_abstain]
    require(all(v is not None and v >= 0 for v in votes), _("Cần nhập kết quả biểu quyết."), "votes_for")
    require(
        sum(votes) <= session.members_present,
        _("Tổng số phiếu (%(s)s) vượt số thành viên có mặt (%(p)s).")
        % {"s": sum(votes), "p": session.members_present},
        "votes_for",
    )
    nomination.council = session
    nomination.votes_for, nomination.votes_against, nomination.votes_abstain = votes


@transaction.atomic
def nomination_council_accept(
    *,
    scope: Scope,
    nomination: Nomination,
    session: CouncilSession,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    reason: str = "",
) -> Nomination:
    """The council recommends the award: more than half of those present voted for, within the quota."""
    nomination = (
        Nomination.objects.select_for_update()
        .select_related("award_kind", "granting_unit")
        .get(pk=nomination.pk)
    )
    scope.require_can(nomination.granting_unit)
    transition(nomination, NominationStatus.ACCEPTED)
    _record_votes(nomination, session, votes_for, votes_against, votes_abstain)
    require(
        votes_for * 2 > session.members_present,
        _("Chưa đủ quá một nửa thành viên có mặt tán thành (%(f)s/%(p)s).")
        % {"f": votes_for, "p": session.members_present},
        "votes_for",
    )
    quota = quota_status(
        kind=nomination.award_kind, granting_unit=nomination.granting_unit, year=nomination.year
    )
    require(
        quota["limit"] is None or quota["used"] < quota["limit"],
        _(
            "Đã hết chỉ tiêu “%(k)s” năm %(y)s của “%(g)s”: tối đa %(l)s, đã đề nghị khen %(u)s. "
            "Không thể đề nghị thêm."
        )
        % {
            "k": nomination.award_kind.name,
            "y": nomination.year,
            "g": nomination.granting_unit.name,
            "l": quota["limit"],
            "u": quota["used"],
        },
    )
    nomination.council_reason = reason.strip()
    nomination.save()
    event_record(
        actor=scope.actor,
        action="emulation.nomination.accept",
        unit=nomination.granting_unit,
        obj=nomination,
        summary=_(
            "Hội đồng đề nghị tặng “%(k)s” cho %(n)s (%(f)s tán thành, %(a)s không, %(b)s không biểu quyết)"
        )
        % {
            "k": nomination.award_kind.name,
            "n": nomination.nominee_name,
            "f": votes_for,
            "a": votes_against,
            "b": votes_abstain,
        },
    )
    return nomination


@transaction.atomic
def nomination_council_reject(
    *,
    scope: Scope,
    nomination: Nomination,
    session: CouncilSession,
    votes_for: int,
    votes_against: int,
    votes_abstain: int,
    reason: str,
) -> Nomination:
    """The council does not recommend the award; a reason is required."""
    nomination = (
        Nomination.objects.select_for_update()
        .select_related("award_kind", "granting_unit")
        .get(pk=nomination.pk)
    )
    scope.require_can(nomination.granting_unit)
    transition(nomination, NominationStatus.REJECTED)
    _record_votes(nomination, session, votes_for, votes_against, votes_abstain)
    require(bool(reason and reason.strip()), _("Cần ghi lý do không đề nghị khen thưởng."), "reason")
    nomination.council_reason = reason.strip()
    nomination.save()
    event_record(
        actor=scope.actor,
        action="emulation.nomination.reject",
        unit=nomination.granting_unit,
        obj=nomination,
        summary=_("Hội đồng không đề nghị “%(k)s” cho %(n)s: %(r)s")
        % {"k": nomination.award_kind.name, "n": nomination.nominee_name, "r": reason.strip()},
    )
    return nomination
