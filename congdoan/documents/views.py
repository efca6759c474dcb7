"""Downloads of printed documents. Same URLs and access rules as when they lived in their apps."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from congdoan.audit.services import event_record
from congdoan.core.dates import today
from congdoan.core.files import export_name, file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import date_param
from congdoan.emulation import selectors as emulation_selectors
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors
from congdoan.welfare import selectors as welfare_selectors
from congdoan.welfare.constants import PaymentStatus

from . import decisions, personal, receipts, tasks
from .figures import facts_kept
from .statistics_forms import statistics_form_name, statistics_form_xlsx


@login_required
def decision_pdf(request, pk: int):
    decision = emulation_selectors.decision_get(scope=Scope.of(request), pk=pk)
    return file_response(decisions.decision_pdf(decision), f"quyet-dinh-{decision.pk}.pdf")


@login_required
def decision_docx(request, pk: int):
    decision = emulation_selectors.decision_get(scope=Scope.of(request), pk=pk)
    return file_response(decisions.decision_docx(decision), f"quyet-dinh-{decision.pk}.docx")


@login_required
def certificate(request, pk: int):
    award = emulation_selectors.award_get(scope=Scope.of(request), pk=pk)
    return file_response(decisions.certificate_pdf(award), decisions.certificate_filename(award))


@login_required
def welfare_receipt(request, pk: int, fmt: str):
    """The acknowledgement list (danh sách ký nhận) of the approved, standing payments the user sees."""
    scope = Scope.of(request)
    programme = welfare_selectors.programme_get(scope=scope, pk=pk)
    status = request.GET.get("status") or PaymentStatus.APPROVED
    payments = (
        welfare_selectors.payment_list(scope=scope, programme=programme, status=status)
        .filter(reverses__isnull=True, is_reversed=False)
        .order_by("unit__path", "member__name_folded", "worker_name", "id")
    )
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    # The list is headed by the organising unit, or by the user's own unit when they print only their part.
    own = None if scope.can(programme.owner) else org_selectors.unit_roots(scope=scope).first()
    if fmt == "pdf":
        data = receipts.receipt_pdf(programme, payments, unit=own)
    else:
        data = receipts.receipt_xlsx(programme, payments, unit=own)
    return file_response(data, f"danh-sach-ky-nhan-{programme.pk}.{fmt}")


def _iso_param(request, name: str, default: dt.date) -> dt.date:
    """A date parameter (ISO or dd/mm/yyyy) within the years 1900–2100, else ``default``."""
    return date_param(request, name) or default


def _period(request) -> tuple[dt.date, dt.date]:
    """``?start=&end=``, the current year by default, in order."""
    day = today()
    start = _iso_param(request, "start", dt.date(day.year, 1, 1))
    end = _iso_param(request, "end", dt.date(day.year, 12, 31))
    return min(start, end), max(start, end)


@login_required
def statistics_form(request, pk: int):
    """Mẫu 1-HĐCĐ (grassroots) or 2-HĐCĐ (upper levels) of a unit over ``?start=&end=``, as XLSX."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    start, end = _period(request)
    day = today()
    facts = facts_kept(scope=scope, unit=unit, start=start, end=end, as_of=day)
    data = statistics_form_xlsx(unit=unit, start=start, end=end, facts=facts, on=day)
    return file_response(data, statistics_form_name(unit, start, end))


@login_required
def review(request, pk: int, fmt: str):
    """The review draft of a unit over ``?start=&end=`` (ISO dates; the current year by default), PDF or DOCX;
    the country's runs as a Job (the page goes to the job, where the file waits)."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    day = today()
    start, end = _period(request)
    if tasks.runs_as_job(unit):
        job = tasks.review_start(scope=scope, unit=unit, start=start, end=end, on=day, fmt=fmt)
        return redirect(job.get_absolute_url())
    data = tasks.RENDERERS[fmt](scope=scope, unit=unit, start=start, end=end, on=day)
    return file_response(data, tasks.review_name(unit, start, end, fmt))


@login_required
@never_cache
def member_personal_data(request, pk: int):
    """Everything the registry holds about one member, for the member's own request (audited)."""
    scope = Scope.of(request)
    member = member_selectors.member_get(scope=scope, pk=pk)
    data = personal.personal_data_xlsx(scope=scope, member=member)
    event_record(
        actor=scope.actor,
        action="member.personal_data_export",
        summary=_("Xuất dữ liệu cá nhân của %(m)s theo yêu cầu") % {"m": member.full_name},
        unit=member.unit,
        obj=member,
    )
    return file_response(data, export_name("du-lieu-ca-nhan", member.code or member.pk, today()))
