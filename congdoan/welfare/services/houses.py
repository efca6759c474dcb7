"""Union houses (Mái ấm công đoàn): a case is created, then advances stage by stage."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.money import format_vnd
from congdoan.core.scoping import Scope
from congdoan.members.models import Member

from ..constants import (
    HouseStage,
)
from ..models import HouseCase, Programme
from ._common import _unit_takes_part


# -- union houses -------------------------------------------------------------------------------------------
@transaction.atomic
def house_create(
    *,
    scope: Scope,
    programme: Programme,
    unit,
    household_name: str,
    situation: str,
    work: str,
    approved_amount: int,
    approved_on: dt.date,
    member: Member | None = None,
) -> HouseCase:
    scope.require_can(programme.owner)
    if not _unit_takes_part(programme, unit):
        raise ValidationError({"unit": _("Đơn vị %(u)s không tham gia chương trình.") % {"u": unit.name}})
    if approved_amount <= 0:
        raise ValidationError({"approved_amount": _("Số tiền hỗ trợ phải lớn hơn 0.")})
    case = HouseCase(
        programme=programme,
        unit=unit,
        member=member,
        household_name=" ".join(household_name.split()),
        situation=situation,
        work=work,
        approved_amount=approved_amount,
        approved_on=approved_on,
    )
    case.full_clean()
    case.save()
    event_record(
        actor=scope.actor,
        action="welfare.house_create",
        summary=_("Duyệt hỗ trợ Mái ấm Công đoàn cho hộ %(n)s: %(a)s")
        % {"n": case.household_name, "a": format_vnd(approved_amount)},
        unit=unit,
        obj=case,
    )
    return case


STAGE_ORDER = [HouseStage.APPROVED, HouseStage.BUILDING, HouseStage.HANDED_OVER]


@transaction.atomic
def house_advance(
    *,
    scope: Scope,
    case: HouseCase,
    stage: str,
    on: dt.date,
) -> HouseCase:
    """Move a house to the next stage (building from a date, handed over on a date)."""
    scope.require_can(case.unit)
    if stage not in STAGE_ORDER or STAGE_ORDER.index(stage) != STAGE_ORDER.index(case.stage) + 1:
        raise ValidationError({"stage": _("Tiến độ phải đi lần lượt: đã duyệt → đang xây → đã bàn giao.")})
    previous = case.building_from if stage == HouseStage.HANDED_OVER else case.approved_on
    if previous and on < previous:
        raise ValidationError({"on": _("Ngày không được trước ngày của bước trước.")})
    before = case.stage
    case.stage = stage
    if stage == HouseStage.BUILDING:
        case.building_from = on
    else:
        case.handed_over_on = on
    case.full_clean()
    case.save()
    event_record(
        actor=scope.actor,
        action="welfare.house_advance",
        summary=_("Nhà của hộ %(n)s: %(s)s") % {"n": case.household_name, "s": case.get_stage_display()},
        unit=case.unit,
        obj=case,
        before={"stage": before},
        after={"stage": stage, "on": on.isoformat()},
    )
    return case
