"""Sign-in steps a user must finish before using the site: the TOTP code, a forced password change, enrolment.

* a user with a confirmed TOTP device is asked for a code after the password (django-otp's ``is_verified``);
* a password set by someone else (new account, administrator's reset) must be changed first;
* with ``CONGDOAN_REQUIRE_2FA_FOR_ADMINS``, an administrator without a device enrols before anything else.

Pages go to the step (with ``?next=``); API calls on a session answer 403 with the reason.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device

from congdoan.core.scoping import Scope

from .services.rules import can_manage_accounts

ALWAYS_OPEN = ("/static/", "/logout/", "/login/", "/favicon")


def _step(request) -> tuple[str, str] | None:
    """(URL name of the step to finish, reason) or None."""
    user = request.user
    verified = user.is_verified()  # django-otp: this session passed a device (read from the session)
    has_device = verified or user_has_device(user)
    if has_device and not verified:
        return "otp_verify", _("Hãy nhập mã xác thực hai bước.")
    if user.must_change_password:
        return "accounts:password_change", _("Bạn phải đổi mật khẩu trước khi tiếp tục.")
    if not has_device and getattr(settings, "CONGDOAN_REQUIRE_2FA_FOR_ADMINS", False):
        if can_manage_accounts(Scope.for_user(user)):
            return "accounts:otp_setup", _(
                "Tài khoản quản trị phải bật xác thực hai bước trước khi tiếp tục."
            )
    return None


class SignInStepsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(ALWAYS_OPEN):
            return self.get_response(request)
        step = _step(request)
        if step is None:
            return self.get_response(request)
        name, reason = step
        target = reverse(name)
        if request.path == target:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": reason}, status=403)
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
