"""Pages of periodic reports: my units' reports, open, enter, review, Excel, the approval inbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from congdoan.core.concurrency import VersionConflict
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import int_param, run_form
from congdoan.org import selectors as org_selectors

from .. import selectors, services, tasks
from ..forms import ReasonForm
from ..models import ReportForm
from ..periods import parse_period, period_of, periods_in_year
from ..values import show_value
from ._common import errors as _errors
from ._common import xlsx as _xlsx
from ._common import year_param as _year

SAVED = _lazy("Đã lưu bản nháp. Báo cáo chưa gửi: khi nhập xong, bấm “Gửi báo cáo” để gửi cấp trên duyệt.")
SUBMITTED = _lazy(
    "Đã gửi báo cáo. Báo cáo đang chờ cấp trên duyệt; trong thời gian này đơn vị không sửa được số liệu."
)
APPROVED = _lazy("Đã duyệt và khoá báo cáo. Số liệu đã được cộng vào tổng hợp của cấp trên.")


@login_required
def index(request):
    """My units, their reports this year per form, and what waits for my approval."""
    scope = Scope.of(request)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit = None
    if (unit_id := int_param(request, "unit")) is not None:
        unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    elif roots:
        unit = roots[0]
    year = _year(request)
    table = []
    if unit is not None:
        reports = selectors.unit_reports_of_year(scope=scope, unit=unit, year=year)
        reports = {(r.form_id, r.period_start): r for r in reports}
        for form in selectors.form_list(scope=scope, items=False):
            cells = []
            for p in periods_in_year(form.period_type, year):
                rep = reports.get((form.pk, p.start))
                deadline = p.deadline(form.deadline_days)
                submitted = rep is not None and rep.submitted_at is not None
                late = selectors.is_late(rep if submitted else None, deadline)
                cells.append({"period": p, "report": rep, "deadline": deadline, "late": late})
            table.append((form, cells))
    context = {
        "roots": roots,
        "unit": unit,
        "children": org_selectors.natural_order(org_selectors.unit_children(scope=scope, unit=unit))
        if unit
        else [],
        "year": year,
        "table": table,
        "inbox_count": selectors.inbox_count(scope=scope),
        "can_act": unit is not None and scope.can(unit),
    }
    return render(request, "targets/index.html", context)


@login_required
@require_POST
def report_open(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    form = get_object_or_404(ReportForm, pk=request.POST.get("form"), is_active=True)
    try:
        period = parse_period(request.POST.get("period", ""))
        report = services.report_open(scope=scope, unit=unit, form=form, period=period)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect(f"/targets/?unit={unit.pk}")
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(f"/targets/?unit={unit.pk}")
    return redirect(report.get_absolute_url())


def _values_from_post(post, report):
    values, comments = {}, {}
    for row in report.values.all():
        if f"value_{row.indicator_id}" in post:
            values[row.indicator_id] = post[f"value_{row.indicator_id}"]
        if f"comment_{row.indicator_id}" in post:
            comments[row.indicator_id] = post[f"comment_{row.indicator_id}"]
    return values, comments


def _save_entry(request, scope, report):
    """Save the posted values (and submit when asked): a redirect, or the errors to show beside the cells."""
    if not report.is_editable:
        raise PermissionDenied(_("Báo cáo đã khoá hoặc đang chờ duyệt, không thể sửa."))
    values, comments = _values_from_post(request.POST, report)
    posted = {
        **{f"value_{k}": v for k, v in values.items()},
        **{f"comment_{k}": v for k, v in comments.items()},
    }
    try:
        report = services.report_save_draft(
            scope=scope,
            report=report,
            version=request.POST.get("version"),
            values=values,
            comments=comments,
        )
        if request.POST.get("action") == "submit":
            # Saved; sending waits for the officer's confirmation on the next page.
            return redirect("targets:submit", pk=report.pk), {}, posted
        messages.success(request, SAVED)
        return redirect(report.get_absolute_url()), {}, posted
    except VersionConflict as exc:
        # Show the current values in the cells (not what was typed) and list what was typed that differs,
        # so saving again is a decision taken on the current report.
        for message in exc.messages:
            messages.error(request, message)
        for line in _typed_differences(exc.current, values):
            messages.warning(request, line)
        return None, {}, {}
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            _errors(request, exc)
            return None, {}, posted
        # Sentences, never a Python list: str() of a ValidationError is "['…']".
        field_errors = {k: " ".join(m for e in v for m in e.messages) for k, v in exc.error_dict.items()}
        messages.error(request, _("Có giá trị chưa hợp lệ, xem các ô tô đỏ."))
        return None, field_errors, posted


def _typed_differences(report, values: dict) -> list[str]:
    lines = []
    for row in report.values.select_related("indicator"):
        if row.is_computed or row.indicator_id not in values:
            continue
        now = show_value(row.value, row.unit_of_measure, row.decimal_places) if row.value is not None else ""
        typed = str(values[row.indicator_id] or "").strip()
        if typed != now:
            lines.append(
                _("“%(l)s”: hiện tại “%(now)s”, bạn đã nhập “%(typed)s”.")
                % {"l": row.name, "now": now or "—", "typed": typed or "—"}
            )
    return lines


def _entry_rows(report, field_errors: dict, posted: dict) -> tuple[list[dict], bool]:
    """The report's rows with what was typed, its errors and, for a parent, the children's aggregate."""
    rows = selectors.report_rows(report=report)
    for item in rows:
        ind_id = item["row"].indicator_id
        item["error"] = field_errors.get(f"value_{ind_id}", "")
        item["posted"] = posted.get(f"value_{ind_id}")
        item["posted_comment"] = posted.get(f"comment_{ind_id}")
    has_children = report.unit.children.exists()
    if has_children:
        below = selectors.children_aggregate(
            unit=report.unit,
            indicators=[item["row"].indicator for item in rows],
            period=period_of(report.form.period_type, report.period_start),
        )
        for item in rows:
            item["children"] = below[item["row"].indicator_id]
    return rows, has_children


@login_required
def report_detail(request, pk: int):
    """Data entry (draft/returned), reading (submitted/approved) and, for the parent, review actions."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    field_errors, posted = {}, {}
    if request.method == "POST":
        response, field_errors, posted = _save_entry(request, scope, report)
        if response is not None:
            return response
    rows, has_children = _entry_rows(report, field_errors, posted)
    context = {
        "report": report,
        "rows": rows,
        "has_children": has_children,
        "period": period_of(report.form.period_type, report.period_start),
        "can_edit": report.is_editable and scope.can(report.unit),
        "can_review": scope.can(report.unit, Action.APPROVE),
        "reason_form": ReasonForm(),
    }
    partial = request.htmx and request.method == "GET"
    template = "targets/partials/report_table.html" if partial else "targets/report.html"
    return render(request, template, context)


@login_required
@require_POST
def report_review(request, pk: int):
    """The parent's actions: approve, return (reason), reopen (reason)."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    action, reason = request.POST.get("action"), request.POST.get("reason", "")
    back = request.POST.get("next") or report.get_absolute_url()
    if action == "approve" and request.POST.get("confirmed") != "1":
        return redirect("targets:approve", pk=report.pk)  # approving is confirmed on its own page
    reviews = {
        "approve": (services.report_approve, {}, APPROVED),
        "return": (
            services.report_return,
            {"reason": reason},
            _("Đã trả lại báo cáo. Đơn vị sẽ thấy lý do, sửa số liệu và gửi lại."),
        ),
        "reopen": (
            services.report_reopen,
            {"reason": reason},
            _("Đã mở lại báo cáo. Số liệu đã rút khỏi tổng hợp; đơn vị có thể sửa và gửi lại."),
        ),
    }
    if action not in reviews:
        messages.error(request, _("Thao tác không hợp lệ."))
        return redirect(back)
    service, extra, done = reviews[action]
    return run_form(request, lambda: service(scope=scope, report=report, **extra), success=done, back=back)


def _confirm_context(report) -> dict:
    rows = list(report.values.all())
    return {
        "report": report,
        "period": period_of(report.form.period_type, report.period_start),
        "filled": sum(1 for row in rows if row.value is not None),
        "total": len(rows),
    }


@login_required
def report_submit_confirm(request, pk: int):
    """Sending a report, confirmed: GET shows what will be sent (or why it cannot be yet), POST sends it."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    if not (report.is_editable and scope.can(report.unit)):
        messages.error(request, _("Báo cáo đã khoá hoặc đang chờ duyệt, không thể gửi."))
        return redirect(report.get_absolute_url())
    if request.method == "POST":
        version = request.POST.get("version")
        return run_form(
            request,
            lambda: services.report_submit(scope=scope, report=report, version=version),
            success=SUBMITTED,
            back=report.get_absolute_url(),
        )
    early = services.submit_is_early(report)
    context = {
        **_confirm_context(report),
        "early": early,
        "refused": early and not services.early_submit_allowed(),
        "early_message": services.early_submit_message(report) if early else "",
    }
    return render(request, "targets/confirm_submit.html", context)


@login_required
def report_approve_confirm(request, pk: int):
    """Approving a report, confirmed: GET asks, POST approves (the report locks and enters the roll-ups)."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    if request.method == "POST":
        return run_form(
            request,
            lambda: services.report_approve(scope=scope, report=report),
            success=APPROVED,
            back=request.POST.get("next") or report.get_absolute_url(),
        )
    if not scope.can(report.unit, Action.APPROVE):
        raise PermissionDenied(_("Bạn không có quyền duyệt báo cáo của đơn vị này."))
    return render(request, "targets/confirm_approve.html", _confirm_context(report))


@login_required
def report_export(request, pk: int):
    """The report as a workbook; one bigger than the inline limit is made by a background job."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    if report.values.count() > tasks.inline_export_rows():
        job = tasks.job_start(
            scope=scope, kind=tasks.REPORT_EXPORT, unit=report.unit, params={"report_id": report.pk}
        )
        return redirect(job.get_absolute_url())
    name, content = tasks.report_file(report=report)
    return _xlsx(content, name)


@login_required
@require_POST
def report_import(request, pk: int):
    """Values from a workbook, as a background job (the page follows it)."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp Excel."))
        return redirect(report.get_absolute_url())
    try:
        job = tasks.job_start(
            scope=scope,
            kind=tasks.REPORT_IMPORT,
            unit=report.unit,
            params={"report_id": report.pk, "version": request.POST.get("version")},
            upload=upload,
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(report.get_absolute_url())
    return redirect(job.get_absolute_url())


@login_required
def inbox(request):
    scope = Scope.of(request)
    return render(
        request, "targets/inbox.html", {"reports": selectors.inbox(scope=scope), "reason_form": ReasonForm()}
    )
