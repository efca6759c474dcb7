from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("", views.index, name="index"),
    path("inbox/", views.inbox, name="inbox"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/new/", views.indicator_edit, name="indicator_new"),
    path("indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("forms/", views.form_list, name="forms"),
    path("forms/new/", views.form_edit, name="form_new"),
    path("forms/<int:pk>/edit/", views.form_edit, name="form_edit"),
    path("forms/<int:form_pk>/rules/new/", views.rule_edit, name="rule_new"),
    path("forms/<int:form_pk>/rules/<int:pk>/edit/", views.rule_edit, name="rule_edit"),
    path("forms/<int:form_pk>/rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
    path("units/<int:pk>/open/", views.report_open, name="open"),
    path("units/<int:pk>/targets/", views.targets, name="targets"),
    path("units/<int:pk>/completeness/", views.completeness, name="completeness"),
    path("units/<int:pk>/rollup/", views.rollup, name="rollup"),
    path("units/<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/review/", views.report_review, name="review"),
    path("reports/<int:pk>/export/", views.report_export, name="export"),
    path("reports/<int:pk>/import/", views.report_import, name="import"),
]
