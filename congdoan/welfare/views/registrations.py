"""Registrations: the officers' review and the public page (throttled per IP address)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.login_protection import client_ip
from congdoan.core.scoping import Scope
from congdoan.core.views import form_add_service_error

from .. import forms, selectors, services
from ..constants import RegistrationStatus


@login_required
def registrations(request):
    scope = Scope.of(request)
    status = request.GET.get("status", RegistrationStatus.PENDING)
    rows = selectors.registration_list(scope=scope, status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "welfare/registrations.html",
        {"page": page, "status": status, "statuses": RegistrationStatus.choices},
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


REGISTRATION_LIMIT = 5  # attempts per IP address …
REGISTRATION_WINDOW = 15 * 60  # … per 15 minutes


def throttle(ip: str) -> None:
    """Count one registration attempt from ``ip``; past the limit, a Vietnamese error (code "throttled")."""
    key = f"welfare:registration:{ip or 'unknown'}"
    cache.add(key, 0, REGISTRATION_WINDOW)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, REGISTRATION_WINDOW)
        attempts = 1
    if attempts > REGISTRATION_LIMIT:
        raise ValidationError(
            _("Bạn đã gửi quá nhiều lần. Vui lòng thử lại sau %(m)s phút.")
            % {"m": REGISTRATION_WINDOW // 60},
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
            throttle(_client_ip(request))
            done = services.registration_create(
                programme=form.cleaned_data["programme"],
                member_code=form.cleaned_data["member_code"],
                cccd=form.cleaned_data["cccd"],
            )
        except ValidationError as exc:
            form_add_service_error(form, exc)
            status = 429 if getattr(exc, "code", None) == "throttled" else 200
    return render(request, "welfare/register.html", {"form": form, "done": done}, status=status)
