"""Numbered award decisions: issuing one turns accepted nominations into awards (the award history)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise

from ..constants import NominationStatus
from ..models import Award, Decision, Nomination
from ._common import require
from .nominations import transition


@transaction.atomic
def decision_issue(
    *,
    scope: Scope,
    issuing_unit,
    number: str,
    issued_on: dt.date,
    signer_name: str,
    signer_title: str,
    year: int,
    nominations: Sequence[Nomination],
    subject: str = "",
) -> Decision:
    """Issue decision ``number`` granting the awards of accepted nominations of ``issuing_unit``."""
    scope.require_can(issuing_unit)
    number = normalise(number)
    require(bool(number), _("Cần nhập số quyết định."), "number")
    require(issued_on is not None, _("Cần nhập ngày ký quyết định."), "issued_on")
    require(bool(normalise(signer_name)), _("Cần nhập người ký."), "signer_name")
    require(
        not Decision.objects.filter(issuing_unit=issuing_unit, number=number).exists(),
        _("Số quyết định “%(n)s” đã được dùng.") % {"n": number},
        "number",
    )
    require(bool(nominations), _("Cần chọn ít nhất một hồ sơ đã được Hội đồng đề nghị."), "nominations")
    locked = list(
        Nomination.objects.select_for_update(of=("self",))
        .select_related("award_kind", "member", "nominee_unit")
        .filter(pk__in=[n.pk for n in nominations])
        .order_by("award_kind__sort_order", "id")
    )
    for nomination in locked:
        require(
            nomination.granting_unit_id == issuing_unit.pk and nomination.year == int(year),
            _("Hồ sơ “%(n)s” không thuộc đợt khen thưởng năm %(y)s của “%(u)s”.")
            % {"n": nomination.nominee_name, "y": year, "u": issuing_unit.name},
            "nominations",
        )
        require(
            nomination.status == NominationStatus.ACCEPTED,
            _("Hồ sơ “%(n)s” chưa được Hội đồng đề nghị khen thưởng (trạng thái: %(s)s).")
            % {"n": nomination.nominee_name, "s": nomination.get_status_display()},
            "nominations",
        )
        if nomination.award_kind.once_per_person and nomination.member_id:
            require(
                not Award.objects.filter(
                    member_id=nomination.member_id, award_kind__code=nomination.award_kind.code
                ).exists(),
                _("%(n)s đã được tặng “%(k)s” (chỉ tặng một lần).")
                % {"n": nomination.nominee_name, "k": nomination.award_kind.name},
                "nominations",
            )
    decision = Decision(
        issuing_unit=issuing_unit,
        number=number,
        issued_on=issued_on,
        signer_name=normalise(signer_name),
        signer_title=normalise(signer_title),
        year=int(year),
        subject=normalise(subject) or _("Về việc khen thưởng thành tích năm %(y)s") % {"y": year},
        created_by=user_or_none(scope.actor),
    )
    decision.full_clean()
    decision.save()
    for nomination in locked:
        transition(nomination, NominationStatus.AWARDED)
        nomination.decision = decision
        nomination.save(update_fields=["status", "decision"])
        Award.objects.create(
            decision=decision,
            award_kind=nomination.award_kind,
            nomination=nomination,
            unit=nomination.nominee_unit,
            member=nomination.member,
            year=nomination.year,
        )
    event_record(
        actor=scope.actor,
        action="emulation.decision.issue",
        unit=issuing_unit,
        obj=decision,
        decision_no=number,
        summary=_("Ban hành quyết định khen thưởng số %(n)s: %(c)s trường hợp")
        % {"n": number, "c": len(locked)},
    )
    return decision
