"""Password change on the profile and reset by e-mail link: Django's own views, with our templates and audit."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from congdoan.core.forms import StyleMixin

from .. import services


def _styled(form):
    """Bootstrap classes on Django's auth forms (no template loop over widgets needed)."""
    StyleMixin._style(form, mark_errors=form.is_bound)
    return form


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    extra_context = {"title": _l("Đổi mật khẩu")}

    def get_form(self, form_class=None):
        return _styled(super().get_form(form_class))

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session (update_session_auth_hash)
        services.password_changed(user=form.user)
        messages.success(self.request, _("Đã đổi mật khẩu. Từ lần đăng nhập sau hãy dùng mật khẩu mới."))
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, {self.request.get_host()}):
            response["Location"] = next_url
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def get_form(self, form_class=None):
        return _styled(super().get_form(form_class))


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"

    def get_form(self, form_class=None):
        return _styled(super().get_form(form_class))

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_changed(user=form.user, how="email")
        return response


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="registration/password_reset_done.html"
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="registration/password_reset_complete.html"
)
