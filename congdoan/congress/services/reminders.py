"""Reminders to the units late with their congress in an upper level's round."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.selectors import officers_of_units
from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.inbox.services import notify

from ..models import CongressPlan


def plan_remind(*, scope: Scope, plan: CongressPlan, late_units) -> int:
    """Send each late unit's officers a notice naming the deadline; returns the number of notices."""
    scope.require_can(plan.owner)
    units = list(late_units)
    officers = officers_of_units([u.pk for u in units])
    sent = 0
    for unit in units:
        deadline = getattr(unit, "deadline", None)
        sent += notify(
            users=officers.get(unit.pk, []),
            title=_("Nhắc tổ chức đại hội nhiệm kỳ %(a)s–%(b)s") % {"a": plan.term_start, "b": plan.term_end},
            body=_("“%(u)s” chưa báo cáo tổ chức đại hội; hạn theo “%(p)s” là %(d)s.")
            % {"u": unit.name, "p": plan.name, "d": format_date(deadline)},
            url=reverse("congress:unit", args=[unit.pk]),
            sender=scope.actor,
        )
    event_record(
        actor=scope.actor,
        action="congress.plan_remind",
        summary=_("Nhắc %(n)s đơn vị chậm tổ chức đại hội (“%(p)s”)") % {"n": len(units), "p": plan.name},
        unit=plan.owner,
        obj=plan,
    )
    return sent
