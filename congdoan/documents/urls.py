"""Document downloads, included at the site root so they keep the paths they had under their apps."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("emulation/decisions/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("emulation/decisions/<int:pk>/docx/", views.decision_docx, name="decision_docx"),
    path("emulation/awards/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("welfare/programmes/<int:pk>/receipt.<str:fmt>", views.welfare_receipt, name="welfare_receipt"),
    path("units/<int:pk>/review.<str:fmt>", views.review, name="review"),
]
