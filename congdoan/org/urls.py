from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("units/", views.tree, name="tree"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("units/<int:pk>/children/", views.children, name="children"),
    path("units/<int:pk>/found/", views.unit_found, name="found"),
    path("units/<int:pk>/reparent/", views.unit_reparent, name="reparent"),
    path("units/<int:pk>/dissolve/", views.unit_dissolve, name="dissolve"),
    path("units/<int:pk>/merge/", views.unit_merge, name="merge"),
    path("units/<int:pk>/split/", views.unit_split, name="split"),
    path("clusters/", views.cluster_list, name="clusters"),
    path("clusters/new/", views.cluster_edit, name="cluster_new"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster"),
    path("clusters/<int:pk>/edit/", views.cluster_edit, name="cluster_edit"),
    path("clusters/<int:pk>/roll-over/", views.cluster_roll_over, name="cluster_roll_over"),
    path("audit/", views.audit_log, name="audit"),
]
