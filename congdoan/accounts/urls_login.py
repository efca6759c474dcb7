"""The steps around signing in, under /login/ (anonymous or half-signed-in pages, not scoped to units).

Django's reset views reverse these names without a namespace.
"""

from django.urls import path

from .views import otp, passwords

urlpatterns = [
    path("verify/", otp.otp_verify, name="otp_verify"),
    path("reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("reset/sent/", passwords.password_reset_done, name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/", passwords.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("reset/done/", passwords.password_reset_complete, name="password_reset_complete"),
]
