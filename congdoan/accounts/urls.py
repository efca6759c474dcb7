from django.urls import path

from .views import otp, passwords, profile

app_name = "accounts"
urlpatterns = [
    path("", profile.profile, name="profile"),
    path("tokens/<int:pk>/revoke/", profile.token_revoke, name="token_revoke"),
    path("password/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("sessions/end/", profile.sessions_end, name="sessions_end"),
    path("2fa/", otp.otp_setup, name="otp_setup"),
    path("2fa/remove/", otp.otp_remove, name="otp_remove"),
]
