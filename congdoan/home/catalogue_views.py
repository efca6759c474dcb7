"""The "Danh mục" page: where administrators find every catalogue and rule they can edit in the app."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from congdoan.core.scoping import Scope
from congdoan.org.catalogue_access import is_catalogue_admin, is_national_admin


@login_required
def catalogues(request):
    scope = Scope.of(request)
    if not is_catalogue_admin(scope):
        raise Http404
    return render(request, "home/catalogues.html", {"national": is_national_admin(scope)})
