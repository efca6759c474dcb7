from django.urls import path

from . import views

app_name = "party"
urlpatterns = [
    path("", views.index, name="index"),
    path("figures/", views.figures, name="figures"),
    path("introduce/", views.introduce, name="introduce"),
    path("introductions/<int:pk>/", views.detail, name="detail"),
    path("introductions/<int:pk>/edit/", views.edit, name="edit"),
    path("members/<int:pk>/", views.member, name="member"),
]
