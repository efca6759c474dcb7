"""Pages of targets and periodic reports. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import parse_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.org import selectors as org_selectors

from . import excel, selectors, services
from .constants import PeriodType
from .forms import IndicatorForm, ReasonForm
from .models import Indicator, ReportForm
from .periods import Period, parse_period, period_of, periods_in_year

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or today().year)
    except ValueError:
        return today().year


def _form_and_period(request, scope):
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


@login_required
def index(request):
    """My units, their reports this year per form, and what waits for my approval."""
    scope = Scope.of(request)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = org_selectors.unit_get(scope=scope, pk=int(request.GET["unit"]))
    elif roots:
        unit = roots[0]
    year = _year(request)
    table = []
    if unit is not None:
        reports = {(r.form_id, r.period_start): r for r in selectors.report_list(scope=scope, unit=unit)}
        for form in selectors.form_list(scope=scope):
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
        "children": list(org_selectors.unit_children(scope=scope, unit=unit)) if unit else [],
        "year": year,
        "table": table,
        "inbox_count": len(selectors.inbox(scope=scope)),
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


@login_required
def report_detail(request, pk: int):
    """Data entry (draft/returned), reading (submitted/approved) and, for the parent, review actions."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    field_errors, posted = {}, {}
    if request.method == "POST":
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
                report = services.report_submit(scope=scope, report=report)
                messages.success(request, _("Đã gửi báo cáo lên cấp trên."))
            else:
                messages.success(request, _("Đã lưu bản nháp."))
            return redirect(report.get_absolute_url())
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                field_errors = {
                    k: " ".join(v.messages if hasattr(v, "messages") else [str(e) for e in v])
                    for k, v in exc.error_dict.items()
                }
                messages.error(request, _("Có giá trị chưa hợp lệ, xem các ô tô đỏ."))
            else:
                _errors(request, exc)
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
    context = {
        "report": report,
        "rows": rows,
        "has_children": has_children,
        "period": period_of(report.form.period_type, report.period_start),
        "can_edit": report.is_editable and scope.can(report.unit),
        "can_review": scope.can(report.unit, Action.APPROVE),
        "reason_form": ReasonForm(),
    }
    template = (
        "targets/partials/report_table.html"
        if request.htmx and request.method == "GET"
        else "targets/report.html"
    )
    return render(request, template, context)


@login_required
@require_POST
def report_review(request, pk: int):
    """The parent's actions: approve, return (reason), reopen (reason)."""
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    action, reason = request.POST.get("action"), request.POST.get("reason", "")
    try:
        if action == "approve":
            services.report_approve(scope=scope, report=report)
            messages.success(request, _("Đã duyệt và khoá báo cáo."))
        elif action == "return":
            services.report_return(scope=scope, report=report, reason=reason)
            messages.success(request, _("Đã trả lại báo cáo."))
        elif action == "reopen":
            services.report_reopen(scope=scope, report=report, reason=reason)
            messages.success(request, _("Đã mở lại báo cáo."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(request.POST.get("next") or report.get_absolute_url())


@login_required
def report_export(request, pk: int):
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    content = excel.report_xlsx(report=report, rows=selectors.report_rows(report=report))
    return _xlsx(content, f"bao-cao-{report.unit.code}-{report.period_start:%Y-%m}.xlsx")


@login_required
@require_POST
def report_import(request, pk: int):
    scope = Scope.of(request)
    report = selectors.report_get(scope=scope, pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp Excel."))
        return redirect(report.get_absolute_url())
    try:
        services.report_import_excel(
            scope=scope, report=report, version=request.POST.get("version"), file=upload
        )
        messages.success(request, _("Đã nhập số liệu từ Excel."))
    except ValidationError as exc:
        _errors(request, exc)
    except Exception:  # noqa: BLE001 - a file calamine cannot read
        messages.error(request, _("Không đọc được tệp Excel này."))
    return redirect(report.get_absolute_url())


@login_required
def inbox(request):
    scope = Scope.of(request)
    return render(
        request, "targets/inbox.html", {"reports": selectors.inbox(scope=scope), "reason_form": ReasonForm()}
    )


@login_required
def completeness(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    data = selectors.completeness(scope=scope, unit=unit, form=form, period=period) if form else None
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "data": data,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/completeness.html", context)


@login_required
def rollup(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    forms, form, period = _form_and_period(request, scope)
    structure = "then" if request.GET.get("structure") == "then" else "now"
    view = (
        selectors.rollup_view(scope=scope, unit=unit, form=form, period=period, structure=structure)
        if form
        else None
    )
    if view and request.GET.get("export") == "xlsx":
        return _xlsx(
            excel.rollup_xlsx(unit=unit, form=form, period=period, view=view),
            f"tong-hop-{unit.code}-{period.key}.xlsx",
        )
    context = {
        "unit": unit,
        "forms": forms,
        "form": form,
        "period": period,
        "view": view,
        "structure": structure,
        "periods": periods_in_year(form.period_type, period.year) if form else [],
    }
    return render(request, "targets/rollup.html", context)


@login_required
def evaluation(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = _year(request)
    return render(
        request,
        "targets/evaluation.html",
        {"unit": unit, **selectors.evaluation(scope=scope, unit=unit, year=year)},
    )


@login_required
def targets(request, pk: int):
    """One screen: every child × the chosen indicators, with the decision; Excel template and upload."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = _year(request)
    catalogue = list(selectors.indicator_list(scope=scope))
    chosen_ids = request.GET.getlist("ind") or [str(i.pk) for i in catalogue]
    chosen = [i for i in catalogue if str(i.pk) in chosen_ids]
    grid = selectors.target_grid(scope=scope, unit=unit, year=year, indicators=chosen)
    if request.GET.get("export") == "xlsx":
        content = excel.targets_template_xlsx(
            unit=unit, year=year, children=grid["children"], indicators=chosen, given=grid["given"]
        )
        return _xlsx(content, f"giao-chi-tieu-{unit.code}-{year}.xlsx")
    if request.method == "POST":
        decision_no = request.POST.get("decision_no", "")
        try:
            decision_date = parse_date(request.POST.get("decision_date"), field=_("Ngày quyết định"))
            if request.FILES.get("file"):
                n = services.target_import_excel(
                    scope=scope,
                    assigned_by=unit,
                    year=year,
                    decision_no=decision_no,
                    decision_date=decision_date,
                    file=request.FILES["file"],
                )
            else:
                values = {
                    (kid.pk, ind.pk): request.POST.get(f"t_{kid.pk}_{ind.pk}", "")
                    for kid in grid["children"]
                    for ind in chosen
                }
                n = services.target_assign(
                    scope=scope,
                    assigned_by=unit,
                    year=year,
                    decision_no=decision_no,
                    decision_date=decision_date,
                    values=values,
                )
            messages.success(request, _("Đã lưu %(n)s chỉ tiêu giao.") % {"n": n})
            return redirect(request.get_full_path())
        except ValueError as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            _errors(request, exc)
    cells = [
        {"unit": kid, "cells": [(ind, grid["given"].get((kid.pk, ind.pk))) for ind in chosen]}
        for kid in grid["children"]
    ]
    context = {
        "unit": unit,
        "year": year,
        "catalogue": catalogue,
        "chosen": chosen,
        "grid": grid,
        "rows": cells,
        "received": selectors.targets_received(scope=scope, unit=unit, year=year),
        "can_assign": scope.can(unit),
    }
    return render(request, "targets/targets.html", context)


@login_required
def indicator_list(request):
    scope = Scope.of(request)
    return render(
        request,
        "targets/indicators.html",
        {
            "indicators": selectors.indicator_list(scope=scope),
            "forms": selectors.form_list(scope=scope),
            "can_edit": _is_admin(scope),
            "period_types": PeriodType,
        },
    )


def _is_admin(scope) -> bool:
    try:
        services.require_admin(scope)
    except PermissionDenied:
        return False
    return True


@login_required
def indicator_edit(request, pk: int | None = None):
    scope = Scope.of(request)
    if not _is_admin(scope):
        raise Http404
    indicator = get_object_or_404(Indicator, pk=pk) if pk else None
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_save(scope=scope, indicator=indicator, **form.cleaned_data)
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return redirect("targets:indicators")
        except ValidationError as exc:
            from congdoan.core.views import form_add_service_error

            form_add_service_error(form, exc)
    return render(request, "targets/indicator_form.html", {"form": form, "indicator": indicator})


__all__ = ["Period"]
