"""Telling the officers of a unit: reminders to send a report, a report returned or approved (inbox + e-mail)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.accounts.selectors import officers_of_units
from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.inbox.models import Notice
from congdoan.inbox.services import notify

from .. import selectors
from ..models import Report
from ..periods import Period


def reminders_send(*, scope: Scope, unit, form, period: Period) -> tuple[int, int]:
    """Remind every unit below ``unit`` that has not sent ``form`` for ``period``; returns (units, people)."""
    scope.require_can(unit, Action.ACT)
    data = selectors.completeness(scope=scope, unit=unit, form=form, period=period)
    rows = data["reminders"]
    officers = officers_of_units(row.unit.pk for row in rows)
    sender = user_or_none(scope.actor)
    people = 0
    for row in rows:
        late = _(" (đã quá hạn %(d)s)") % {"d": format_date(data["deadline"])} if row.late else ""
        url = (
            row.report.get_absolute_url() if row.report else f"{reverse('targets:index')}?unit={row.unit.pk}"
        )
        people += notify(
            users=officers.get(row.unit.pk, []),
            title=_("Nhắc nộp báo cáo %(f)s — %(p)s") % {"f": form.name, "p": period.label},
            body=_("%(u)s nhắc %(c)s gửi báo cáo, hạn nộp %(d)s%(late)s.")
            % {"u": unit.name, "c": row.unit.name, "d": format_date(data["deadline"]), "late": late},
            url=url,
            kind=Notice.Kind.REMINDER,
            sender=sender,
        )
    event_record(
        actor=scope.actor,
        action="targets.reminders_send",
        summary=_("Nhắc %(n)s đơn vị nộp báo cáo %(f)s — %(p)s")
        % {"n": len(rows), "f": form.name, "p": period.label},
        unit=unit,
    )
    return len(rows), people


def report_notify(*, report: Report, kind: str, actor, reason: str = "") -> int:
    """The report's unit hears that the level above returned or approved it."""
    if kind == Notice.Kind.RETURNED:
        title = _("Báo cáo bị trả lại: %(r)s") % {"r": report}
        body = _("Lý do: %(why)s. Hãy sửa rồi gửi lại.") % {"why": reason}
    else:
        title = _("Báo cáo đã được duyệt: %(r)s") % {"r": report}
        body = _("Số liệu đã vào tổng hợp của cấp trên.")
    users = officers_of_units([report.unit_id]).get(report.unit_id, [])
    return notify(
        users=users,
        title=title,
        body=body,
        url=report.get_absolute_url(),
        kind=kind,
        sender=user_or_none(actor),
    )
