from django.urls import path

from . import bulk, views

app_name = "staff"
urlpatterns = [
    path("", views.account_list, name="list"),
    path("new/", views.account_create, name="create"),
    path("bulk/", bulk.bulk_create, name="bulk"),
    path("bulk/template.xlsx", bulk.bulk_template, name="bulk_template"),
    path("<int:pk>/", views.account_detail, name="detail"),
    path("<int:pk>/edit/", views.account_edit, name="edit"),
    path("<int:pk>/deactivate/", views.account_deactivate, name="deactivate"),
    path("<int:pk>/reactivate/", views.account_reactivate, name="reactivate"),
    path("<int:pk>/unlock/", views.account_unlock, name="unlock"),
    path("<int:pk>/reset-password/", views.account_reset_password, name="reset_password"),
    path("<int:pk>/reset-2fa/", views.account_otp_reset, name="otp_reset"),
    path("<int:pk>/roles/", views.role_add, name="role_add"),
    path("roles/<int:pk>/remove/", views.role_remove, name="role_remove"),
]
