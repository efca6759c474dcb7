from django.urls import path

from . import views

app_name = "emulation"
urlpatterns = [
    path("", views.index, name="index"),
    path("movements/", views.movement_list, name="movements"),
    path("movements/new/", views.movement_new, name="movement_new"),
    path("movements/<int:pk>/", views.movement_detail, name="movement"),
    path("registrations/", views.registration_list, name="registrations"),
    path("registrations/new/", views.registration_new, name="registration_new"),
    path("registrations/deadline/", views.registration_deadline, name="registration_deadline"),
    path("pledges/", views.pledge_list, name="pledges"),
    path("clusters/<int:cluster_pk>/pledge/", views.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge"),
    path("pledges/<int:pk>/units/<int:unit_pk>/", views.pledge_score, name="pledge_score"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/manage/", views.catalogue_manage, name="catalogue_manage"),
    path("catalogue/kinds/new/", views.award_kind_edit, name="award_kind_new"),
    path("catalogue/kinds/<int:pk>/edit/", views.award_kind_edit, name="award_kind_edit"),
    path("catalogue/quotas/new/", views.quota_edit, name="quota_new"),
    path("catalogue/quotas/<int:pk>/edit/", views.quota_edit, name="quota_edit"),
    path("nominations/", views.nomination_list, name="nominations"),
    path("nominations/new/", views.nomination_new, name="nomination_new"),
    path("nominations/<int:pk>/", views.nomination_detail, name="nomination"),
    path(
        "nominations/<int:pk>/documents/<int:doc_pk>/", views.nomination_document, name="nomination_document"
    ),
    path("councils/", views.council_list, name="councils"),
    path("councils/new/", views.council_new, name="council_new"),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/new/", views.decision_new, name="decision_new"),
    path("decisions/record/", views.decision_record, name="decision_record"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision"),
    path("medals/", views.medal_candidates, name="medals"),
    path("figures/", views.figures, name="figures"),
    path("figures/xlsx/", views.figures_xlsx, name="figures_xlsx"),
    path("history/member/<int:pk>/", views.member_history, name="member_history"),
    path("history/unit/<int:pk>/", views.unit_history, name="unit_history"),
    path("members/<int:member_id>/records/", views.member_records, name="member_records"),
    path("members/<int:member_id>/records/disciplines/new/", views.discipline_new, name="discipline_new"),
    path(
        "members/<int:member_id>/records/disciplines/<int:pk>/",
        views.discipline_edit,
        name="discipline_edit",
    ),
    path(
        "members/<int:member_id>/records/disciplines/<int:pk>/delete/",
        views.discipline_delete,
        name="discipline_delete",
    ),
    path("members/<int:member_id>/records/absences/new/", views.absence_new, name="absence_new"),
    path("members/<int:member_id>/records/absences/<int:pk>/", views.absence_edit, name="absence_edit"),
    path(
        "members/<int:member_id>/records/absences/<int:pk>/delete/",
        views.absence_delete,
        name="absence_delete",
    ),
]
