from django.urls import include, path

app_name = "members"
urlpatterns = [
    path("excel/", include("congdoan.members.excel.urls")),
]
