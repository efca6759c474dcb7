"""The project's URLs plus one page that fails, for the error page tests."""

from django.urls import path

from congdoan.urls import handler500
from congdoan.urls import urlpatterns as project_patterns


def boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", boom), *project_patterns]
__all__ = ["handler500", "urlpatterns"]
