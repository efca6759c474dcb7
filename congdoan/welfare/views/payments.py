"""Payment pages: pick members, import a list (as a Job), submit, approve, reverse, delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form
from congdoan.members.selectors import members_in_scope

from .. import forms, selectors, services
from ..checks import amount_warning
from ..constants import PaymentStatus
from ..excel.tasks import recipient_import_start
from ._common import _units


@login_required
def pick(request, pk: int):
    """Add beneficiaries picked from the member registry (search, then tick)."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    q = request.GET.get("q", "")
    candidates = selectors.member_candidates(scope=scope, programme=programme, q=q)
    form = forms.PickMembersForm(
        request.POST or None,
        programme=programme,
        candidates=members_in_scope(scope=scope),
        initial={"paid_on": today()},
    )

    def action(data):
        services.payments_add_many(
            scope=scope,
            programme=programme,
            members=list(data["members"]),
            amount=data["amount"],
            paid_on=data["paid_on"],
            form=data["form"],
            fund=data["fund"],
            repeat_reason=data["repeat_reason"],
        )
        amount = programme.standard_amount if data["amount"] is None else data["amount"]
        if warning := amount_warning(programme, amount):
            messages.warning(request, warning)
        return programme

    return run_form(
        request,
        action,
        form=form,
        template="welfare/pick.html",
        context={"programme": programme, "candidates": candidates, "q": q},
        success=_("Đã thêm người được hỗ trợ vào danh sách."),
    )


@login_required
def import_list(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.ImportForm(
        request.POST or None,
        request.FILES or None,
        programme=programme,
        units=_units(scope).filter(path__startswith=programme.owner.path),
        initial={"paid_on": today()},
    )

    def action(data):
        return recipient_import_start(
            scope=scope,
            programme=programme,
            upload=data["file"],
            unit=data["unit"],
            paid_on=data["paid_on"],
            form=data["form"],
            fund=data["fund"],
        )

    return run_form(
        request,
        action,
        form=form,
        template="welfare/import.html",
        context={"programme": programme},
        success=_("Đã nhận tệp, danh sách đang được nhập."),
    )


@login_required
@require_POST
def submit(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    try:
        n = services.payments_submit(scope=scope, programme=programme)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(
            request,
            _("Đã gửi duyệt %(n)s khoản chi. Các khoản đang chờ cấp trên duyệt trước khi chi.") % {"n": n},
        )
    return redirect(programme.get_absolute_url())


@login_required
def approve(request, pk: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    if not scope.can(programme.owner):
        raise PermissionDenied
    pending = list(selectors.payment_list(scope=scope, programme=programme, status=PaymentStatus.SUBMITTED))
    warnings = selectors.duplicate_warnings(scope=scope, programme=programme, payments=pending)
    errors: list[str] = []
    if request.method == "POST":
        try:
            n = services.payments_approve(
                scope=scope,
                programme=programme,
                payments=pending,
                confirm_warnings=request.POST.get("confirm") == "1",
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(
                request,
                _("Đã duyệt %(n)s khoản chi. Có thể in danh sách ký nhận để chi cho đoàn viên.") % {"n": n},
            )
            return redirect(programme.get_absolute_url())
    context = {
        "programme": programme,
        "pending": pending,
        "total": sum(p.amount for p in pending),
        "warnings": warnings,
        "errors": errors,
    }
    return render(request, "welfare/approve.html", context)


@login_required
def payment_reverse(request, pk: int):
    scope = Scope.of(request)
    payment = selectors.payment_get(scope=scope, pk=pk)
    form = forms.ReverseForm(request.POST or None)

    def action(data):
        services.payment_reverse(scope=scope, payment=payment, reason=data["reason"])
        return payment.programme

    title = _("Điều chỉnh khoản chi cho %(n)s") % {"n": payment.beneficiary_name}
    return run_form(
        request,
        action,
        form=form,
        template="welfare/form.html",
        context={"title": title, "programme": payment.programme},
        success=_("Đã ghi bút toán điều chỉnh giảm."),
    )


@login_required
@require_POST
def payment_delete(request, pk: int):
    scope = Scope.of(request)
    payment = selectors.payment_get(scope=scope, pk=pk)
    try:
        services.payment_delete(scope=scope, payment=payment)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect(payment.programme.get_absolute_url())
