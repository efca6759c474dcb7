from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from congdoan.core.dates import today


def year_param(request) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else today().year


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
