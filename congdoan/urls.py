from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from congdoan.api import api
from congdoan.core.health import healthz

admin.site.site_header = "Quản trị hệ thống Công đoàn"
admin.site.site_title = "congdoan"
# The Django admin is for superusers only; officers work through the application's own pages.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser

urlpatterns = [
    path("", include("congdoan.home.urls")),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("login/", include("congdoan.accounts.urls_login")),
    path("profile/", include("congdoan.accounts.urls")),
    path("accounts/", include("congdoan.home.staff.urls")),
    path("", include("congdoan.org.urls")),
    path("", include("congdoan.restructure.urls")),
    path("members/", include("congdoan.members.urls")),
    path("targets/", include("congdoan.targets.urls")),
    path("", include("congdoan.documents.urls")),
    path("welfare/", include("congdoan.welfare.urls")),
    path("emulation/", include("congdoan.emulation.urls")),
    path("finance/", include("congdoan.finance.urls")),
    path("congress/", include("congdoan.congress.urls")),
    path("culture/", include("congdoan.culture.urls")),
    path("party/", include("congdoan.party.urls")),
    path("history/", include("congdoan.history.urls")),
    path("jobs/", include("congdoan.jobs.urls")),
    path("inbox/", include("congdoan.inbox.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

# Vietnamese error pages (templates/404.html, 500.html); core.errors serves them with DEBUG on too.
handler500 = "congdoan.core.errors.server_error"
