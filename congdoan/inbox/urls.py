from django.urls import path

from . import views

app_name = "inbox"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/open/", views.notice_open, name="open"),
    path("read-all/", views.read_all, name="read_all"),
]
