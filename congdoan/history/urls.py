from django.urls import path

from . import views

app_name = "history"
urlpatterns = [
    path("", views.index, name="index"),
    path("open/", views.open_year, name="open"),
    path("import/", views.import_file, name="import"),
    path("<int:unit_id>/<int:year>/", views.edit, name="edit"),
]
