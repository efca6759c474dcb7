"""Pages of the member registry. Thin: parse, call a selector or service, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import form_add_service_error
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from . import forms, selectors, services, stats
from .constants import MemberStatus
from .models import AdmissionBatch

PAGE = 50


def _filters(form: forms.SearchForm) -> selectors.MemberFilter:
    data = form.cleaned_data if form.is_valid() else {}
    party = data.get("party") or None
    informal = data.get("informal")
    return selectors.MemberFilter(
        q=data.get("q") or "",
        unit_id=data.get("unit"),
        gender=data.get("gender") or "",
        age_band=data.get("age_band") or "",
        ethnicity=data.get("ethnicity") or "",
        sector=data.get("sector") or "",
        party_status="" if party == "none" else party,
        informal=None if informal in (None, "") else informal == "1",
        status=data.get("status") or "",
        joined_from=data.get("joined_from"),
        joined_to=data.get("joined_to"),
    )


@login_required
def index(request):
    scope = Scope.of(request)
    form = forms.SearchForm(request.GET or None)
    page = max(1, int(request.GET.get("page", "1"))) if request.GET.get("page", "1").isdigit() else 1
    results = selectors.member_search_page(
        scope=scope, filters=_filters(form), offset=(page - 1) * PAGE, limit=PAGE + 1
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "results": results[:PAGE],
        "page": page,
        "has_next": len(results) > PAGE,
        "query": query.urlencode(),
    }
    if request.htmx and request.htmx.target == "results":
        return render(request, "members/partials/results.html", context)
    return render(request, "members/index.html", context)


def _run(request, form, context: dict, action, template: str = "members/operation.html"):
    """Validate ``form`` and run ``action`` (a service call); redirect on success, else show errors."""
    if request.method == "POST" and form.is_valid():
        try:
            target = action(form.cleaned_data)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(target)
    return render(request, template, {**context, "form": form})


def _detail_url(member) -> str:
    return reverse("members:detail", args=[member.pk])


@login_required
def member_new(request):
    scope = Scope.of(request)
    units = selectors.grassroots_in_scope(scope=scope).filter(pk__in=_actable(scope))
    form = forms.AdmitForm(request.POST or None, units=units, initial={"unit": request.GET.get("unit")})

    def action(data):
        personal = {k: v for k, v in data.items() if k not in ("unit", "admitted_on", "decision_no")}
        member = services.member_admit(
            scope=Scope.of(request),
            unit=data["unit"],
            admitted_on=data["admitted_on"],
            decision_no=data["decision_no"],
            **personal,
        )
        return _detail_url(member)

    return _run(request, form, {"title": _("Kết nạp đoàn viên mới")}, action)


def _actable(scope: Scope):
    """IDs of units the user may act on (officer role or above)."""
    return scope.filter(Unit.objects.all(), action=Action.ACT).values("pk")


@login_required
def member_detail(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    can_act = scope.can(member.unit) and member.status != MemberStatus.MERGED
    context = {
        "member": member,
        "stints": selectors.member_stints(member=member),
        "posts": selectors.member_posts(member=member),
        "can_act": can_act,
        "card_form": forms.CardForm(),
        "batches": member.admission_batches.all(),
    }
    return render(request, "members/detail.html", context)


@login_required
def member_edit(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    initial = {f: getattr(member, f) for f in services.PERSONAL_FIELDS}
    form = forms.PersonalForm(request.POST or None, initial=initial)

    def action(data):
        services.member_update(scope=Scope.of(request), member=member, **data)
        return _detail_url(member)

    return _run(
        request,
        form,
        {"title": _("Sửa thông tin “%(m)s”") % {"m": member.full_name}, "member": member},
        action,
    )


@login_required
def member_transfer(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.TransferForm(request.POST or None)

    def action(data):
        to_unit = selectors.transfer_target_by_code(code=data["to_unit_code"])
        if to_unit is None:
            raise ValidationError(
                {"to_unit_code": _("Không có công đoàn cơ sở mã “%(c)s”.") % {"c": data["to_unit_code"]}}
            )
        result = services.member_transfer(
            scope=Scope.of(request),
            member=member,
            to_unit=to_unit,
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
        )
        if not hasattr(result, "code"):
            messages.info(
                request, _("Đã gửi đề nghị chuyển sinh hoạt; chờ “%(u)s” tiếp nhận.") % {"u": to_unit.name}
            )
        return _detail_url(member)

    return _run(
        request,
        form,
        {"title": _("Chuyển sinh hoạt “%(m)s”") % {"m": member.full_name}, "member": member},
        action,
    )


@login_required
def member_leave(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.LeaveForm(request.POST or None, reasons=selectors.leave_reasons())

    def action(data):
        services.member_leave(
            scope=Scope.of(request),
            member=member,
            left_on=data["left_on"],
            reason=data["reason"],
            decision_no=data["decision_no"],
        )
        return _detail_url(member)

    title = _("Thôi sinh hoạt “%(m)s”") % {"m": member.full_name}
    return _run(request, form, {"title": title, "member": member, "danger": True}, action)


@login_required
def member_readmit(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    units = selectors.grassroots_in_scope(scope=scope)
    form = forms.ReadmitForm(request.POST or None, units=units, initial={"unit": member.unit_id})

    def action(data):
        services.member_readmit(
            scope=Scope.of(request),
            member=member,
            unit=data["unit"],
            readmitted_on=data["readmitted_on"],
            decision_no=data["decision_no"],
        )
        return _detail_url(member)

    return _run(
        request, form, {"title": _("Kết nạp lại “%(m)s”") % {"m": member.full_name}, "member": member}, action
    )


CARD_STEPS = {
    "request": services.card_request,
    "print": services.card_print,
    "hand_over": services.card_hand_over,
}


@login_required
@require_POST
def member_card(request, pk: int, step: str):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    if step not in CARD_STEPS:
        raise Http404
    form = forms.CardForm(request.POST)
    day = form.cleaned_data["on"] if form.is_valid() else today()
    try:
        CARD_STEPS[step](scope=scope, member=member, on=day)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã cập nhật tình trạng thẻ."))
    return redirect(_detail_url(member))


@login_required
def post_add(request, pk: int):
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    form = forms.PostForm(request.POST or None)

    def action(data):
        services.post_add(scope=Scope.of(request), member=member, **data)
        return _detail_url(member)

    return _run(
        request,
        form,
        {"title": _("Thêm chức vụ cho “%(m)s”") % {"m": member.full_name}, "member": member},
        action,
    )


def _post_of(request, pk: int, post_id: int):
    """The member (scoped: 404 outside the user's units) and one of their posts; refused without the right."""
    scope = Scope.of(request)
    member = selectors.member_get(scope=scope, pk=pk)
    post = get_object_or_404(selectors.member_posts(member=member), pk=post_id)
    if not scope.can(member.unit):
        raise PermissionDenied
    return member, post


@login_required
def post_edit(request, pk: int, post_id: int):
    """Correct a post, or end it by giving its last day."""
    member, post = _post_of(request, pk, post_id)
    initial = {f: getattr(post, f) for f in ("title", "valid_from", "valid_to", "is_full_time")}
    form = forms.PostEditForm(request.POST or None, initial=initial)

    def action(data):
        services.post_update(scope=Scope.of(request), post=post, **data)
        return _detail_url(member)

    title = _("Sửa chức vụ “%(t)s” của “%(m)s”") % {"t": post.title, "m": member.full_name}
    return _run(request, form, {"title": title, "member": member}, action)


@login_required
def post_delete(request, pk: int, post_id: int):
    """Delete a post entered by mistake, after a confirmation page."""
    member, post = _post_of(request, pk, post_id)
    if request.method == "POST":
        try:
            services.post_delete(scope=Scope.of(request), post=post)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã xoá chức vụ “%(t)s”.") % {"t": post.title})
        return redirect(_detail_url(member))
    title = _("Xoá chức vụ “%(t)s” (từ %(d)s) của “%(m)s”?") % {
        "t": post.title,
        "d": format_date(post.valid_from),
        "m": member.full_name,
    }
    context = {"title": title, "member": member, "form": forms.ConfirmForm(), "danger": True}
    return render(request, "members/operation.html", context)


# -- admission lists ----------------------------------------------------------------------------
@login_required
def batch_list(request):
    scope = Scope.of(request)
    status = request.GET.get("status", "")
    batches = selectors.batch_list(scope=scope, status=status)[:200]
    return render(
        request,
        "members/batch_list.html",
        {"batches": batches, "status": status, "statuses": AdmissionBatch.Status.choices},
    )


@login_required
def batch_detail(request, pk: int):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=pk)
    context = {
        "batch": batch,
        "members": selectors.batch_members(batch=batch),
        "can_submit": scope.can(batch.unit)
        and batch.status in (AdmissionBatch.Status.DRAFT, AdmissionBatch.Status.RETURNED),
        "can_decide": scope.can(batch.unit, Action.APPROVE)
        and batch.status == AdmissionBatch.Status.SUBMITTED,
        "approve_form": forms.ApproveForm(),
        "return_form": forms.ReasonForm(),
    }
    return render(request, "members/batch_detail.html", context)


def _batch_action(request, pk: int, form_class, call):
    scope = Scope.of(request)
    batch = selectors.batch_get(scope=scope, pk=pk)
    if request.method != "POST":
        return redirect("members:batch", pk=batch.pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(batch, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã lưu."))
    else:
        messages.error(request, _("Cần nhập đủ thông tin."))
    return redirect("members:batch", pk=batch.pk)


@login_required
def batch_submit(request, pk: int):
    return _batch_action(
        request, pk, forms.forms.Form, lambda b, d: services.batch_submit(scope=Scope.of(request), batch=b)
    )


@login_required
def batch_approve(request, pk: int):
    return _batch_action(
        request,
        pk,
        forms.ApproveForm,
        lambda b, d: services.batch_approve(scope=Scope.of(request), batch=b, decision_no=d["decision_no"]),
    )


@login_required
def batch_return(request, pk: int):
    return _batch_action(
        request,
        pk,
        forms.ReasonForm,
        lambda b, d: services.batch_return(scope=Scope.of(request), batch=b, reason=d["reason"]),
    )


# -- transfers ----------------------------------------------------------------------------------
@login_required
def transfer_list(request):
    scope = Scope.of(request)
    context = {
        "inbox": selectors.transfer_inbox(scope=scope)[:200],
        "outbox": selectors.transfer_outbox(scope=scope)[:100],
        "reason_form": forms.ReasonForm(),
    }
    return render(request, "members/transfers.html", context)


@login_required
@require_POST
def transfer_decide(request, pk: int, decision: str):
    scope = Scope.of(request)
    transfer = selectors.transfer_get(scope=scope, pk=pk)
    try:
        if decision == "accept":
            services.transfer_accept(scope=scope, request=transfer)
        elif decision == "refuse":
            services.transfer_refuse(scope=scope, request=transfer, reason=request.POST.get("reason", ""))
        else:
            raise Http404
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Đã lưu."))
    return redirect("members:transfers")


# -- duplicates ---------------------------------------------------------------------------------
@login_required
def duplicates(request):
    scope = Scope.of(request)
    if request.method == "POST":
        try:
            keep = selectors.member_get(scope=scope, pk=int(request.POST.get("keep", "0")))
            duplicate = selectors.member_get(scope=scope, pk=int(request.POST.get("duplicate", "0")))
            services.member_merge(scope=scope, keep=keep, duplicate=duplicate)
        except ValueError as exc:
            raise Http404 from exc
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        else:
            messages.success(request, _("Đã gộp hồ sơ."))
        return redirect("members:duplicates")
    return render(request, "members/duplicates.html", {"groups": selectors.duplicate_groups(scope=scope)})


# -- statistics ---------------------------------------------------------------------------------
def _stats_params(request, scope: Scope):
    form = forms.StatsForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    unit_id = data.get("unit")
    if unit_id:
        unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    else:
        unit = org_selectors.unit_roots(scope=scope).first()
        if unit is None:
            raise Http404
    on = data.get("on") or today()
    end = data.get("end") or on
    start = data.get("start") or dt.date(end.year, 1, 1)
    if start > end:
        start, end = end, start
    return form, unit, on, start, end


@login_required
def statistics(request):
    scope = Scope.of(request)
    form, unit, on, start, end = _stats_params(request, scope)
    report = stats.report(scope=scope, unit=unit, on=on, start=start, end=end)
    context = {
        "form": form,
        "r": report,
        "ethnicities": stats.ethnicity_rows(report.snapshot),
        "ages": stats.age_rows(report.snapshot),
        "sectors": stats.sector_rows(report.snapshot),
        "query": f"on={on:%Y-%m-%d}&start={start:%Y-%m-%d}&end={end:%Y-%m-%d}",
        "parent": unit.parent
        if unit.parent_id and scope.filter(Unit.objects.filter(pk=unit.parent_id)).exists()
        else None,
    }
    return render(request, "members/statistics.html", context)


@login_required
def statistics_export(request):
    scope = Scope.of(request)
    _form, unit, on, start, end = _stats_params(request, scope)
    report = stats.report(scope=scope, unit=unit, on=on, start=start, end=end)
    from congdoan.core.files import file_response

    from .stats_export import workbook_bytes

    name = f"thong-ke-doan-vien-{unit.code}-{on:%Y%m%d}.xlsx"
    return file_response(workbook_bytes(report), name)
