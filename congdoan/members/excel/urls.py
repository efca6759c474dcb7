from django.urls import path

from . import views

urlpatterns = [
    path("template/", views.excel_template, name="excel_template"),
    path("import/", views.import_upload, name="import_upload"),
    path("export/", views.export_members, name="export_members"),
]
