"""The upper level records the authority's recognition decision, and its revocation."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require

from ..models import Authority, Recognition, Registration
from ..selectors import eligibility_of, rule_for


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _authority_in_force(authority: Authority, day: dt.date) -> None:
    require(
        day >= authority.valid_from,
        _("Thẩm quyền “%(a)s” chưa áp dụng ngày %(d)s (áp dụng từ %(f)s).")
        % {"a": authority.name, "d": format_date(day), "f": format_date(authority.valid_from)},
        "authority",
    )
    require(
        authority.valid_to is None or day <= authority.valid_to,
        _("Thẩm quyền “%(a)s” không còn áp dụng ngày %(d)s (chỉ đến hết ngày %(t)s).")
        % {"a": authority.name, "d": format_date(day), "t": format_date(authority.valid_to)},
        "authority",
    )


@transaction.atomic
def recognition_record(
    *,
    scope: Scope,
    registration: Registration,
    authority: Authority,
    number: str,
    issued_on: dt.date,
) -> Recognition:
    """Record the decision recognising the registration's unit for its year (first or re-recognition,
    computed), valid for the years the rule in force sets. The unit must be eligible."""
    registration = Registration.objects.select_for_update().select_related("unit").get(pk=registration.pk)
    unit = registration.unit
    scope.require_can(unit, Action.APPROVE)
    number = normalise(number)
    require(bool(number), _("Hãy nhập số quyết định công nhận."), "number")
    require(
        issued_on.year >= registration.year,
        _("Ngày quyết định phải từ năm %(y)s (năm được xét) trở đi.") % {"y": registration.year},
        "issued_on",
    )
    require(issued_on <= today(), _("Ngày quyết định không được sau hôm nay."), "issued_on")
    _authority_in_force(authority, issued_on)
    require(
        not Recognition.objects.filter(registration=registration).exists(),
        _("Đơn vị đã có quyết định công nhận năm %(y)s.") % {"y": registration.year},
    )
    eligibility = eligibility_of(registration)
    require(
        eligibility.eligible,
        _("“%(u)s” chưa đủ điều kiện công nhận năm %(y)s: %(r)s")
        % {"u": unit.name, "y": registration.year, "r": eligibility.message},
    )
    rule = rule_for(registration.year)
    recognition = Recognition.objects.create(
        registration=registration,
        unit=unit,
        culture_type=registration.culture_type,
        year=registration.year,
        authority=authority,
        number=number,
        issued_on=issued_on,
        kind=eligibility.kind,
        valid_until=_years_later(issued_on, rule.validity_years) - dt.timedelta(days=1),
        created_by=scope.actor if getattr(scope.actor, "pk", None) else None,
    )
    event_record(
        actor=scope.actor,
        action="culture.recognise",
        summary=_("%(k)s “%(t)s” năm %(y)s")
        % {
            "k": recognition.get_kind_display(),
            "t": recognition.get_culture_type_display(),
            "y": registration.year,
        },
        unit=unit,
        obj=recognition,
        decision_no=number,
        after={"issued_on": issued_on.isoformat(), "valid_until": recognition.valid_until.isoformat()},
    )
    return recognition


@transaction.atomic
def recognition_revoke(
    *,
    scope: Scope,
    recognition: Recognition,
    revoked_on: dt.date,
    reason: str,
    number: str = "",
) -> Recognition:
    """Revoke a recognition from ``revoked_on`` (it no longer counts from that day), with a reason."""
    recognition = Recognition.objects.select_for_update().select_related("unit").get(pk=recognition.pk)
    scope.require_can(recognition.unit, Action.APPROVE)
    require(recognition.revoked_on is None, _("Quyết định công nhận này đã bị thu hồi."))
    reason = normalise(reason)
    require(bool(reason), _("Hãy nêu lý do thu hồi."), "reason")
    require(len(reason) <= 500, _("Lý do thu hồi dài quá 500 ký tự."), "reason")
    require(
        revoked_on >= recognition.issued_on,
        _("Ngày thu hồi không được trước ngày quyết định công nhận (%(d)s).")
        % {"d": format_date(recognition.issued_on)},
        "revoked_on",
    )
    require(revoked_on <= today(), _("Ngày thu hồi không được sau hôm nay."), "revoked_on")
    recognition.revoked_on = revoked_on
    recognition.revoke_reason = reason
    recognition.revoke_number = normalise(number)[:64]
    recognition.save(update_fields=["revoked_on", "revoke_reason", "revoke_number"])
    event_record(
        actor=scope.actor,
        action="culture.revoke",
        summary=_("Thu hồi công nhận “%(t)s” năm %(y)s: %(r)s")
        % {"t": recognition.get_culture_type_display(), "y": recognition.year, "r": reason},
        unit=recognition.unit,
        obj=recognition,
        decision_no=recognition.revoke_number,
        before={"revoked_on": None},
        after={"revoked_on": revoked_on.isoformat(), "reason": reason},
    )
    return recognition
