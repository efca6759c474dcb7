from django.urls import path

from . import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_index, name="index"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/result/", views.job_result, name="result"),
]
