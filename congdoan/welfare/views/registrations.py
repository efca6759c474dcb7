"""Registrations: the officers' review, the platform's export imported, and the public page (throttled per
member code and address)."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.login_protection import client_ip
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.core.views import form_add_service_error, int_param, run_form

from .. import forms, selectors, services
from ..constants import RegistrationStatus
from ..excel.registrations import registration_rows
from ..services.registration_records import registrations_import


@login_required
def registrations(request):
    scope = Scope.of(request)
    status = request.GET.get("status", RegistrationStatus.PENDING)
    programme_id = int_param(request, "programme")
    programme = selectors.programme_get(scope=scope, pk=programme_id) if programme_id else None
    rows = selectors.registration_list(scope=scope, programme=programme, status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "welfare/registrations.html",
        {"page": page, "status": status, "statuses": RegistrationStatus.choices, "programme": programme},
    )


@login_required
@require_POST
def registration_decide(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    try:
        services.registration_decide(
            scope=scope,
            registration=registration,
            approve=request.POST.get("decision") == "approve",
            note=request.POST.get("note", ""),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Đã xét đăng ký."))
    return redirect("welfare:registrations")


REGISTRATION_LIMIT = 5  # attempts per member code from one address …
REGISTRATION_WINDOW = 15 * 60  # … per 15 minutes
ADDRESS_LIMIT = 300  # all codes together from one address (a whole office behind one address) per window


def _count(key: str) -> int:
    cache.add(key, 0, REGISTRATION_WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, REGISTRATION_WINDOW)
        return 1


def throttle(ip: str, who: str = "") -> None:
    """Count one registration attempt for member code (or phone) ``who`` from address ``ip``.

    The limit is per code *and* address, so colleagues behind one office address are not held back by
    one another; a much higher cap per address alone stops a sweep over many codes. Past a limit, a
    Vietnamese error (code "throttled")."""
    address = ip or "unknown"
    person = hashlib.sha256(fold(who).upper().encode()).hexdigest()[:24]
    per_person = _count(f"welfare:registration:{address}:{person}")
    per_address = _count(f"welfare:registration:{address}")
    minutes = REGISTRATION_WINDOW // 60
    if per_person > REGISTRATION_LIMIT:
        raise ValidationError(
            _(
                "Bạn đã gửi quá nhiều lần với mã đoàn viên “%(c)s”. Vui lòng thử lại sau %(m)s phút. "
                "Đồng nghiệp dùng chung mạng vẫn đăng ký bình thường bằng mã của mình."
            )
            % {"c": who.strip()[:16], "m": minutes},
            code="throttled",
        )
    if per_address > ADDRESS_LIMIT:
        raise ValidationError(
            _("Địa chỉ mạng này đã gửi quá nhiều đăng ký. Vui lòng thử lại sau %(m)s phút.") % {"m": minutes},
            code="throttled",
        )


def _client_ip(request) -> str:
    # The address the trusted proxies saw (never a forwarded header the client wrote itself), as the login does.
    return client_ip(request) or ""


def register(request):
    """The public page where members apply to a programme with their member code and CCCD."""
    form = forms.RegistrationForm(request.POST or None, programmes=selectors.open_registration_programmes())
    done, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            throttle(_client_ip(request), form.cleaned_data["member_code"])
            done = services.registration_create(
                programme=form.cleaned_data["programme"],
                member_code=form.cleaned_data["member_code"],
                cccd=form.cleaned_data["cccd"],
            )
        except ValidationError as exc:
            form_add_service_error(form, exc)
            status = 429 if getattr(exc, "code", None) == "throttled" else 200
    return render(request, "welfare/register.html", {"form": form, "done": done}, status=status)


@login_required
def registration_import(request, pk: int):
    """The national platform's Excel export of a programme's registrations: all rows or none."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=pk)
    form = forms.RegistrationImportForm(request.POST or None, request.FILES or None)

    def action(data):
        registrations_import(scope=scope, programme=programme, rows=registration_rows(data["file"].read()))
        return reverse("welfare:registrations") + f"?status=pending&programme={programme.pk}"

    return run_form(
        request,
        action,
        form=form,
        template="welfare/registration_import.html",
        context={"programme": programme},
        success=_("Đã nhập danh sách đăng ký."),
    )
