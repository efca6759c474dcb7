from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.views import year_param as core_year_param


def year_param(request) -> int:
    return core_year_param(request, today().year, minimum=2000)


def run_action(request, action, success: str, back: str):
    """Run a service call from a POST button; show its Vietnamese error as a message if it refuses."""
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success or _("Đã lưu."))
    return redirect(back)
