from django.urls import path

from . import views

app_name = "finance"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:pk>/dues/open/", views.roll_open, name="roll_open"),
    path("units/<int:pk>/profile/", views.profile, name="profile"),
    path("units/<int:pk>/employer/", views.employer_edit, name="employer_edit"),
    path("units/<int:pk>/ledger/", views.ledger, name="ledger"),
    path("units/<int:pk>/statements/open/", views.statement_open, name="statement_open"),
    path("dues/<int:pk>/", views.roll, name="roll"),
    path("dues/<int:pk>/import/", views.roll_import, name="roll_import"),
    path("dues/<int:pk>/post/", views.roll_post, name="roll_post"),
    path("dues/<int:pk>/reverse/", views.roll_reverse, name="roll_reverse"),
    path("employers/<int:pk>/", views.employer, name="employer"),
    path("employers/<int:pk>/reliefs/new/", views.relief_new, name="relief_new"),
    path("entries/<int:pk>/reverse/", views.entry_reverse, name="entry_reverse"),
    path("transfers/<int:pk>/receive/", views.transfer_receive, name="transfer_receive"),
    path("statements/<int:pk>/", views.statement, name="statement"),
    path("statements/<int:pk>/submit/", views.statement_submit, name="statement_submit"),
    path("statements/<int:pk>/approve/", views.statement_approve, name="statement_approve"),
    path("statements/<int:pk>/lock/", views.statement_lock, name="statement_lock"),
    path("statements/<int:pk>/reopen/", views.statement_reopen, name="statement_reopen"),
]
