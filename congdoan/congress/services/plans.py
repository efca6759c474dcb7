"""An upper level's congress round: the plan and its deadline per kind of unit below."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.validation import require

from ..models import CongressPlan, PlanDeadline

PLAN_FIELDS = ("name", "document_no", "term_start", "term_end", "note")


def _check(plan: CongressPlan, deadlines: dict) -> None:
    require(bool((plan.name or "").strip()), _("Hãy nhập tên kế hoạch."), "name")
    require(1945 <= plan.term_start <= 2100, _("Năm bắt đầu nhiệm kỳ không hợp lệ."), "term_start")
    require(
        plan.term_start < plan.term_end <= plan.term_start + 5,
        _("Nhiệm kỳ kết thúc sau năm bắt đầu và không quá 5 năm (%(a)s–%(b)s).")
        % {"a": plan.term_start, "b": plan.term_end},
        "term_end",
    )
    require(bool(deadlines), _("Hãy đặt hạn tổ chức cho ít nhất một loại đơn vị."))
    for kind, day in deadlines.items():
        require(
            kind.level > plan.owner.kind.level,
            _("“%(k)s” không phải cấp dưới của “%(u)s”.") % {"k": kind.name, "u": plan.owner.name},
        )
        require(
            dt.date(plan.term_start - 1, 1, 1) <= day <= dt.date(plan.term_end, 12, 31),
            _("Hạn của “%(k)s” (%(d)s) phải nằm trong nhiệm kỳ %(a)s–%(b)s.")
            % {"k": kind.name, "d": format_date(day), "a": plan.term_start, "b": plan.term_end},
        )


def _save_deadlines(plan: CongressPlan, deadlines: dict) -> None:
    plan.deadlines.all().delete()
    PlanDeadline.objects.bulk_create(
        PlanDeadline(plan=plan, unit_kind=kind, deadline=day) for kind, day in deadlines.items()
    )


@transaction.atomic
def plan_create(*, scope: Scope, owner, deadlines: dict, **fields) -> CongressPlan:
    """Plan a congress round at ``owner``; ``deadlines`` maps a kind of unit below to its deadline."""
    scope.require_can(owner)
    plan = CongressPlan(owner=owner, created_by=user_or_none(scope.actor), **fields)
    _check(plan, deadlines)
    require(
        not CongressPlan.objects.filter(owner=owner, term_start=plan.term_start).exists(),
        _("“%(u)s” đã có kế hoạch đại hội nhiệm kỳ bắt đầu năm %(y)s.")
        % {"u": owner.name, "y": plan.term_start},
        "term_start",
    )
    plan.full_clean()
    plan.save()
    _save_deadlines(plan, deadlines)
    event_record(
        actor=scope.actor,
        action="congress.plan_create",
        summary=_("Lập kế hoạch đại hội “%(n)s”") % {"n": plan.name},
        unit=owner,
        obj=plan,
    )
    return plan


@transaction.atomic
def plan_update(
    *, scope: Scope, plan: CongressPlan, deadlines: dict, version: int | None = None, **fields
) -> CongressPlan:
    scope.require_can(plan.owner)
    version_claim(plan, version)
    before = {f: str(getattr(plan, f)) for f in PLAN_FIELDS}
    for name, value in fields.items():
        if name not in PLAN_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(plan, name, value)
    _check(plan, deadlines)
    require(
        not CongressPlan.objects.filter(owner=plan.owner, term_start=plan.term_start)
        .exclude(pk=plan.pk)
        .exists(),
        _("“%(u)s” đã có kế hoạch đại hội nhiệm kỳ bắt đầu năm %(y)s.")
        % {"u": plan.owner.name, "y": plan.term_start},
        "term_start",
    )
    plan.full_clean()
    plan.save()
    _save_deadlines(plan, deadlines)
    event_record(
        actor=scope.actor,
        action="congress.plan_update",
        summary=_("Sửa kế hoạch đại hội “%(n)s”") % {"n": plan.name},
        unit=plan.owner,
        obj=plan,
        before=before,
        after={f: str(getattr(plan, f)) for f in PLAN_FIELDS},
    )
    return plan
