"""Document downloads, included at the site root so they keep the paths they had under their apps."""

from django.urls import path

from . import congress_views, culture_views, finance_views, review_views, views

app_name = "documents"
urlpatterns = [
    path("emulation/decisions/<int:pk>/pdf/", views.decision_pdf, name="decision_pdf"),
    path("emulation/decisions/<int:pk>/docx/", views.decision_docx, name="decision_docx"),
    path("emulation/awards/<int:pk>/certificate/", views.certificate, name="certificate"),
    path("welfare/programmes/<int:pk>/receipt.<str:fmt>", views.welfare_receipt, name="welfare_receipt"),
    path("units/<int:pk>/review.<str:fmt>", views.review, name="review"),
    path("units/<int:pk>/statistics-form.xlsx", views.statistics_form, name="statistics_form"),
    path("members/<int:pk>/personal-data.xlsx", views.member_personal_data, name="member_personal_data"),
    path("units/<int:pk>/reviews/", review_views.review_create, name="review_create"),
    path("reviews/<int:pk>/", review_views.review_page, name="review_page"),
    path("reviews/<int:pk>/edit/", review_views.review_edit, name="review_edit"),
    path("reviews/<int:pk>/redraft/", review_views.review_redraft, name="review_redraft"),
    path("reviews/<int:pk>/issue/", review_views.review_issue, name="review_issue"),
    path("reviews/<int:pk>/reopen/", review_views.review_reopen, name="review_reopen"),
    path("cluster-reviews/<int:pk>/", review_views.cluster_page, name="cluster_review"),
    path(
        "cluster-reviews/<int:pk>/file.<str:fmt>", review_views.cluster_download, name="cluster_review_file"
    ),
    path("reviews/<int:pk>/file.<str:fmt>", review_views.review_download, name="review_download"),
    path("finance/dues/<int:pk>/receipts.<str:fmt>", finance_views.finance_receipts, name="finance_receipts"),
    path(
        "finance/statements/<int:pk>/file.<str:fmt>",
        finance_views.finance_statement,
        name="finance_statement",
    ),
    path(
        "congress/terms/<int:pk>/decision.<str:fmt>",
        congress_views.congress_decision_file,
        name="congress_decision",
    ),
    path("culture/list.pdf", culture_views.culture_list, name="culture_list"),
]
