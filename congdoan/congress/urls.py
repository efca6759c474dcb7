from django.urls import path

from . import views

app_name = "congress"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:pk>/", views.unit_page, name="unit"),
    path("units/<int:pk>/new/", views.congress_new, name="congress_new"),
    path("units/<int:pk>/appoint/", views.term_appoint, name="term_appoint"),
    path("<int:pk>/", views.congress_page, name="congress"),
    path("<int:pk>/edit/", views.congress_edit, name="congress_edit"),
    path("<int:pk>/record/", views.congress_record, name="congress_record"),
    path("terms/<int:pk>/", views.term_page, name="term"),
    path("terms/<int:pk>/seats/new/", views.seat_new, name="seat_new"),
    path("terms/<int:pk>/recognise/", views.term_recognise, name="term_recognise"),
    path("seats/<int:pk>/remove/", views.seat_remove, name="seat_remove"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/<int:pk>/", views.plan_page, name="plan"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/remind/", views.plan_remind, name="plan_remind"),
]
