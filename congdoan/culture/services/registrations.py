"""A unit registers for a year and a title, then assesses itself criterion by criterion."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require

from ..constants import CultureType
from ..models import Assessment, Recognition, Registration
from ..selectors import criteria_for


@transaction.atomic
def registration_create(
    *,
    scope: Scope,
    unit,
    year: int,
    culture_type: str,
    registered_on: dt.date | None = None,
    note: str = "",
) -> Registration:
    """Register ``unit`` (a grassroots union) for ``year`` under one title; once per unit and year."""
    scope.require_can(unit, Action.ACT)
    registered_on = registered_on or today()
    require(
        unit.kind.is_grassroots,
        _("Chỉ công đoàn cơ sở đăng ký đạt chuẩn văn hoá; “%(u)s” không phải công đoàn cơ sở.")
        % {"u": unit.name},
        "unit",
    )
    require(culture_type in CultureType.values, _("Hãy chọn danh hiệu đăng ký."), "culture_type")
    require(
        unit.founded_on.year <= year <= today().year + 1,
        _("Năm đăng ký phải từ năm %(a)s (năm thành lập đơn vị) đến năm %(b)s.")
        % {"a": unit.founded_on.year, "b": today().year + 1},
        "year",
    )
    require(
        unit.dissolved_on is None or unit.dissolved_on.year >= year,
        _("“%(u)s” đã chấm dứt hoạt động ngày %(d)s.")
        % {"u": unit.name, "d": format_date(unit.dissolved_on)},
        "year",
    )
    require(
        criteria_for(culture_type=culture_type, year=year).exists(),
        _("Chưa có bộ tiêu chí “%(t)s” áp dụng cho năm %(y)s.")
        % {"t": CultureType(culture_type).label, "y": year},
        "year",
    )
    require(registered_on <= today(), _("Ngày đăng ký không được sau hôm nay."), "registered_on")
    registration = Registration(
        unit=unit,
        year=year,
        culture_type=culture_type,
        registered_on=registered_on,
        note=normalise(note),
        created_by=scope.actor if getattr(scope.actor, "pk", None) else None,
    )
    duplicate = Registration.objects.filter(unit=unit, year=year).first()
    if duplicate is None:
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            duplicate = Registration.objects.filter(unit=unit, year=year).first()
    if duplicate is not None:
        raise ValidationError(
            {
                "year": _("“%(u)s” đã đăng ký năm %(y)s (%(t)s).")
                % {"u": unit.name, "y": year, "t": duplicate.get_culture_type_display()}
            }
        )
    event_record(
        actor=scope.actor,
        action="culture.register",
        summary=_("Đăng ký “%(t)s” năm %(y)s") % {"t": registration.get_culture_type_display(), "y": year},
        unit=unit,
        obj=registration,
    )
    return registration


@transaction.atomic
def registration_assess(
    *,
    scope: Scope,
    registration: Registration,
    items: dict[int, tuple[bool, str]],
    version: int | None = None,
) -> Registration:
    """Record the self-assessment: ``items`` maps each criterion in force to (met, note)."""
    scope.require_can(registration.unit, Action.ACT)
    version_claim(registration, version)
    require(
        not Recognition.objects.filter(registration=registration).exists(),
        _("Đã có quyết định công nhận năm %(y)s; không sửa được tự đánh giá.") % {"y": registration.year},
    )
    criteria = {c.pk: c for c in criteria_for(culture_type=registration.culture_type, year=registration.year)}
    unknown = set(items) - set(criteria)
    require(not unknown, _("Tiêu chí không thuộc bộ tiêu chí của năm %(y)s.") % {"y": registration.year})
    before = {a.criterion_id: a.met for a in registration.assessments.all()}
    for pk, criterion in criteria.items():
        met, note = items.get(pk, (False, ""))
        note = normalise(note or "")
        require(len(note) <= 500, _("Ghi chú tiêu chí %(n)s dài quá 500 ký tự.") % {"n": criterion.number})
        Assessment.objects.update_or_create(
            registration=registration, criterion=criterion, defaults={"met": bool(met), "note": note}
        )
    met = sum(1 for pk in criteria if items.get(pk, (False, ""))[0])
    event_record(
        actor=scope.actor,
        action="culture.assess",
        summary=_("Tự đánh giá năm %(y)s: đạt %(m)s/%(n)s tiêu chí")
        % {"y": registration.year, "m": met, "n": len(criteria)},
        unit=registration.unit,
        obj=registration,
        before={str(k): v for k, v in before.items()},
        after={str(k): bool(items.get(k, (False, ""))[0]) for k in criteria},
    )
    return registration


@transaction.atomic
def registration_delete(*, scope: Scope, registration: Registration) -> None:
    """Withdraw a registration made by mistake (with its assessment and evidence), before any decision."""
    registration = Registration.objects.select_for_update().select_related("unit").get(pk=registration.pk)
    scope.require_can(registration.unit, Action.ACT)
    require(
        not Recognition.objects.filter(registration=registration).exists(),
        _("Đã có quyết định công nhận năm %(y)s; không rút đăng ký được.") % {"y": registration.year},
    )
    for evidence in registration.evidence.all():
        evidence.file.delete(save=False)
    event_record(
        actor=scope.actor,
        action="culture.unregister",
        summary=_("Rút đăng ký “%(t)s” năm %(y)s")
        % {"t": registration.get_culture_type_display(), "y": registration.year},
        unit=registration.unit,
        obj=registration,
    )
    registration.delete()
