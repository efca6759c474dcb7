from django.urls import path

from . import views

app_name = "culture"
urlpatterns = [
    path("", views.index, name="index"),
    path("registrations/new/", views.register, name="register"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("registrations/<int:pk>/delete/", views.registration_delete, name="registration_delete"),
    path("registrations/<int:pk>/evidence/", views.evidence_new, name="evidence_new"),
    path("registrations/<int:pk>/recognise/", views.recognise, name="recognise"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("recognitions/<int:pk>/revoke/", views.revoke, name="revoke"),
]
