"""Reports: lists, one report with its targets, the approval inbox, deadlines and the current period."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit

from ..constants import ReportStatus
from ..models import Report, ReportForm, TargetAssignment
from ..periods import Period, period_of

RELATED = ("unit", "unit__kind", "form", "submitted_by", "approved_by")


def _reports() -> QuerySet[Report]:
    return Report.objects.select_related(*RELATED)


def report_list(
    *,
    scope: Scope,
    unit: Unit | None = None,
    form: ReportForm | None = None,
    period: Period | None = None,
    status: str = "",
) -> QuerySet[Report]:
    qs = scope.filter(_reports(), "unit__path")
    if unit is not None:
        qs = qs.filter(unit=unit)
    if form is not None:
        qs = qs.filter(form=form)
    if period is not None:
        qs = qs.filter(period_start=period.start, period_end=period.end)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-period_start", "unit__path", "form__name")


def report_get(*, scope: Scope, pk: int) -> Report:
    return scope.get_or_404(_reports(), "unit__path", pk=pk)


def _inbox(scope: Scope) -> QuerySet[Report]:
    """Submitted reports of units this user may approve (``Action.APPROVE``), all in SQL."""
    qs = Report.objects.filter(status=ReportStatus.SUBMITTED)
    return scope.filter(qs, "unit__path", action=Action.APPROVE)


def inbox(*, scope: Scope) -> list[Report]:
    """Submitted reports of units this user reviews, oldest first."""
    return list(_inbox(scope).select_related(*RELATED).order_by("submitted_at"))


def inbox_count(*, scope: Scope) -> int:
    """How many reports ``inbox`` lists (one COUNT)."""
    return _inbox(scope).count()


def unit_reports_of_year(*, scope: Scope, unit: Unit, year: int) -> QuerySet[Report]:
    """``unit``'s reports of the periods that start in ``year`` (the report entry page's table), without
    the related rows the table does not show."""
    qs = scope.filter(Report.objects.all(), "unit__path").filter(unit=unit)
    return qs.filter(period_start__range=(dt.date(year, 1, 1), dt.date(year, 12, 31)))


def report_rows(*, report: Report) -> list[dict]:
    """The report's values with the unit's yearly target beside each."""
    targets = dict(
        TargetAssignment.objects.filter(unit=report.unit, year=report.period_start.year).values_list(
            "indicator_id", "value"
        )
    )
    return [
        {"row": v, "target": targets.get(v.indicator_id), "stt": n}
        for n, v in enumerate(report.values.select_related("indicator"), start=1)
    ]


def deadline_of(report_form: ReportForm, period: Period) -> dt.date:
    return period.deadline(report_form.deadline_days)


def is_late(report: Report | None, deadline: dt.date, day: dt.date | None = None) -> bool:
    if report is not None and report.submitted_at is not None:
        return report.submitted_at.date() > deadline
    return (day or today()) > deadline


def current_period(period_type: str, day: dt.date | None = None) -> Period:
    """The last finished period of this type (the one being reported now)."""
    current = period_of(period_type, day or today())
    return period_of(period_type, current.start - dt.timedelta(days=1))
