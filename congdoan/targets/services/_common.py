"""What the writers of aggregate reporting share: who may edit the catalogue, report locks and checks."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import VersionConflict
from congdoan.core.dates import format_date, today
from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope
from congdoan.core.workflow import Step, Workflow

from ..constants import ReportStatus
from ..models import Report
from ..periods import Period, period_of

SYSTEM = Scope.unrestricted()


# -- permissions ---------------------------------------------------------------------------------
def require_admin(scope: Scope) -> None:
    """Catalogue and forms are managed by administrators (an admin role anywhere, or superuser)."""
    if not scope.holds(Role.ADMIN):
        raise PermissionDenied(_("Chỉ quản trị viên mới được sửa danh mục chỉ tiêu và mẫu báo cáo."))


def _locked(report: Report) -> Report:
    """Re-read the report under a row lock so concurrent transitions serialise."""
    return Report.objects.select_for_update().select_related("unit", "unit__kind", "form").get(pk=report.pk)


_S = ReportStatus
#: A report's workflow (``core.workflow``): the unit fills and sends it, the level above returns or approves it
#: (approving locks it), and may reopen an approved one with a reason.
WORKFLOW = Workflow(
    event_prefix="targets.report",
    refusal=gettext_lazy("Không thể %(a)s báo cáo đang ở trạng thái “%(s)s”."),
    steps=(
        Step("edit", (_S.DRAFT, _S.RETURNED), None, Action.ACT, gettext_lazy("sửa")),
        Step("submit", (_S.DRAFT, _S.RETURNED), _S.SUBMITTED, Action.ACT, gettext_lazy("gửi")),
        Step(
            "return",
            (_S.SUBMITTED,),
            _S.RETURNED,
            Action.APPROVE,
            gettext_lazy("trả lại"),
            reason_message=gettext_lazy("Cần ghi lý do trả lại."),
        ),
        Step("approve", (_S.SUBMITTED,), _S.APPROVED, Action.APPROVE, gettext_lazy("duyệt")),
        Step(
            "reopen",
            (_S.APPROVED,),
            _S.RETURNED,
            Action.APPROVE,
            gettext_lazy("mở lại"),
            reason_message=gettext_lazy("Cần ghi lý do mở lại báo cáo đã duyệt."),
        ),
    ),
    recorder=event_record,
)


def _require_version(report: Report, version: int | None) -> None:
    """``report`` is locked (``_locked``): a version other than the current one is a stale save."""
    try:
        stale = version is not None and int(version) != report.version
    except (TypeError, ValueError):
        stale = True
    if stale:
        raise VersionConflict(report)


def report_period(report: Report) -> Period:
    return period_of(report.form.period_type, report.period_start)


def early_submit_allowed() -> bool:
    """``CONGDOAN_ALLOW_EARLY_SUBMIT``: may a report be sent before its period ends (default: no)?"""
    return bool(getattr(settings, "CONGDOAN_ALLOW_EARLY_SUBMIT", False))


def submit_is_early(report: Report, day: dt.date | None = None) -> bool:
    """The report's period has not ended yet (its last day is today or later)."""
    return (day or today()) <= report.period_end


def early_submit_message(report: Report) -> str:
    return _(
        "Kỳ báo cáo %(p)s chưa kết thúc (đến hết ngày %(end)s): chỉ gửi được báo cáo từ ngày %(first)s."
    ) % {
        "p": report_period(report).label,
        "end": format_date(report.period_end),
        "first": format_date(report.period_end + dt.timedelta(days=1)),
    }


def _require_period_ended(report: Report) -> None:
    """Refuse sending a report whose period is still running, unless the setting allows it."""
    if submit_is_early(report) and not early_submit_allowed():
        raise ValidationError(early_submit_message(report))


def _bump(report: Report, actor, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    report.version = F("version") + 1
    report.updated_by = user_or_none(actor)
    report.save()
    report.refresh_from_db()
