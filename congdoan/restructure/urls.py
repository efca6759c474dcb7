from django.urls import path

from . import views

app_name = "restructure"
urlpatterns = [
    path("units/<int:pk>/found/", views.unit_found, name="found"),
    path("units/<int:pk>/reparent/", views.unit_reparent, name="reparent"),
    path("units/<int:pk>/dissolve/", views.unit_dissolve, name="dissolve"),
    path("units/<int:pk>/merge/", views.unit_merge, name="merge"),
    path("units/<int:pk>/split/", views.unit_split, name="split"),
]
