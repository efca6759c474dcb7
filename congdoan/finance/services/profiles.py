"""A grassroots union's dues profile: group, a higher own rate (with the decision), the state-budget date."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit

from ..models import UnitDuesProfile
from ._common import require_grassroots

FIELDS = ("group", "state_budget_from", "own_rate", "own_rate_uncapped", "own_rate_from", "own_rate_decision")


@transaction.atomic
def profile_save(*, scope: Scope, unit: Unit, version: int | None = None, **data) -> UnitDuesProfile:
    scope.require_can(unit, Action.ACT)
    require_grassroots(unit)
    profile, created = UnitDuesProfile.objects.get_or_create(unit=unit, defaults={"group": data["group"]})
    if not created:
        version_claim(profile, version)
    if data.get("own_rate") and not (data.get("own_rate_decision") or "").strip():
        raise ValidationError(
            {"own_rate_decision": _("Mức riêng cần số, ngày nghị quyết của Ban Chấp hành.")}
        )
    before = {f: str(getattr(profile, f)) for f in FIELDS}
    for field in FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    profile.full_clean()
    profile.save()
    event_record(
        actor=scope.actor,
        action="finance.profile_save",
        summary=_("Cập nhật thông tin đóng đoàn phí: %(u)s") % {"u": unit.name},
        unit=unit,
        obj=profile,
        before=before,
        after={f: str(getattr(profile, f)) for f in FIELDS},
    )
    return profile
