from django.urls import path

from . import catalogue_views, views

app_name = "org"
urlpatterns = [
    path("units/", views.tree, name="tree"),
    path("units/pick/", views.unit_pick, name="unit_pick"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("units/<int:pk>/children/", views.children, name="children"),
    path("units/<int:pk>/historic/new/", views.historic_unit_new, name="historic_unit_new"),
    path("clusters/", views.cluster_list, name="clusters"),
    path("clusters/new/", views.cluster_edit, name="cluster_new"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster"),
    path("clusters/<int:pk>/edit/", views.cluster_edit, name="cluster_edit"),
    path("clusters/<int:pk>/roll-over/", views.cluster_roll_over, name="cluster_roll_over"),
    path("audit/", views.audit_log, name="audit"),
    path("units/kinds/", catalogue_views.unit_kind_list, name="unit_kinds"),
    path("units/kinds/new/", catalogue_views.unit_kind_edit, name="unit_kind_new"),
    path("units/kinds/<int:pk>/edit/", catalogue_views.unit_kind_edit, name="unit_kind_edit"),
]
