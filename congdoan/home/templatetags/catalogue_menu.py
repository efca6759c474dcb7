"""The navbar's "Danh mục" entry is shown to administrators only."""

from django import template

from congdoan.core.scoping import Scope
from congdoan.org.catalogue_access import is_catalogue_admin

register = template.Library()


@register.filter
def edits_catalogues(user) -> bool:
    return bool(user and user.is_authenticated and is_catalogue_admin(Scope.for_user(user)))
