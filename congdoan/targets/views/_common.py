"""What the pages of targets and reports share: error messages, the Excel response, year, form and period."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import year_param as core_year_param

from .. import selectors
from ..periods import parse_period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def year_param(request) -> int:
    return core_year_param(request, today().year)


def form_and_period(request, scope: Scope):
    forms = list(selectors.form_list(scope=scope))
    form = next((f for f in forms if str(f.pk) == request.GET.get("form")), forms[0] if forms else None)
    period = None
    if form is not None:
        try:
            period = parse_period(request.GET["period"]) if request.GET.get("period") else None
        except ValueError:
            period = None
        if period is None or period.type != form.period_type:
            period = selectors.current_period(form.period_type)
    return forms, form, period
