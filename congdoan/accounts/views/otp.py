"""Two-factor sign-in: enrol a TOTP app (QR code as SVG), the code after the password, removal."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from congdoan.core.views import form_add_service_error

from .. import services
from ..forms import OtpTokenForm


def _next(request, default: str = "home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default


@login_required
def otp_setup(request):
    confirmed = services.otp_device(request.user)
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.otp_confirm(user=request.user, token=form.cleaned_data["token"])
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            otp_login(request, device)
            messages.success(
                request, _("Đã bật xác thực hai bước. Từ nay khi đăng nhập, hãy nhập mã trong ứng dụng.")
            )
            return redirect(_next(request, "accounts:profile"))
    device = services.otp_pending_device(request.user)
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "confirmed": confirmed,
        "qr": qr.svg_data_uri(scale=5, border=2),
        "secret": _base32(device.bin_key),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/otp_setup.html", context)


def _base32(key: bytes) -> str:
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@login_required
@require_POST
def otp_remove(request):
    try:
        services.otp_remove(user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã tắt xác thực hai bước."))
    return redirect("accounts:profile")


@login_required
def otp_verify(request):
    if request.user.is_verified() or services.otp_device(request.user) is None:
        return redirect(_next(request))
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.otp_check(user=request.user, token=form.cleaned_data["token"])
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            otp_login(request, device)
            return redirect(_next(request))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": request.GET.get("next", "")})
