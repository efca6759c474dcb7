from django.urls import include, path

from . import catalogue_views, views

# "home" stays a name without namespace (every page links to it); the dashboard is "home:dashboard".
dashboard_patterns = (
    [
        path("units/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
        path("units/<int:pk>/dashboard/facts.xlsx", views.dashboard_xlsx, name="dashboard_xlsx"),
    ],
    "home",
)

urlpatterns = [
    path("", views.home, name="home"),
    path("catalogues/", catalogue_views.catalogues, name="catalogues"),
    path("", include(dashboard_patterns)),
]
