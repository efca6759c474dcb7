"""Sign-in steps a user must finish before using the site: the TOTP code, a forced password change, enrolment.

* a user with a confirmed TOTP device is asked for a code after the password (django-otp's ``is_verified``);
* a password set by someone else (new account, administrator's reset) must be changed first;
* with ``CONGDOAN_REQUIRE_2FA_FOR_ADMINS``, an administrator without a device enrols before anything else.

Pages go to the step (with ``?next=``); API calls on a session answer 403 with the reason.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
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


# The session row is rewritten (its end pushed back by SESSION_COOKIE_AGE) at most this often.
TOUCH_EVERY_SECONDS = 60
TOUCHED = "_congdoan_touched"


class SlidingSessionMiddleware:
    """A signed-in session ends ``SESSION_COOKIE_AGE`` seconds after its last request, give or take a minute,
    without writing the session row on every page view.

    ``SESSION_SAVE_EVERY_REQUEST`` made every GET an ``UPDATE django_session`` and a commit. Instead, after the
    view, a signed-in session stamped more than ``TOUCH_EVERY_SECONDS`` ago is stamped again: that marks it
    modified, so ``SessionMiddleware`` saves it with a new end (row and cookie) — at most one write a minute
    per session. The idle timeout stays ``SESSION_COOKIE_AGE`` (up to a minute shorter, never longer).
    Placed just after ``SessionMiddleware`` so its answer phase runs before the session is saved; a signed-out
    session (``logout`` flushed it) is not stamped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or settings.SESSION_COOKIE_NAME not in request.COOKIES and not session.modified:
            return response
        if session.get(SESSION_KEY) is None:
            return response
        now = int(time.time())
        if now - session.get(TOUCHED, 0) >= TOUCH_EVERY_SECONDS:
            session[TOUCHED] = now
        return response
