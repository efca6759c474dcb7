"""What the welfare pages share: the form runner and the units one acts for."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from congdoan.core.views import form_add_service_error
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus


def _service(request, form, action):
    """Run ``action(cleaned_data)`` if the form is valid; service errors land on the form. True on success."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        form_add_service_error(form, exc)
        return False
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or _("Bạn không có quyền thực hiện thao tác này."))
        return False
    return True


def _units(scope):
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE).order_by("path")
