"""What every page shares: the one form runner, query parameters, service errors on forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.concurrency import ONCE_FIELD, VersionConflict, form_refill_after_conflict, run_once
from congdoan.core.dates import parse_date
from congdoan.core.fields import MAX_DATE, MIN_DATE


def form_add_service_error(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _target(result: Any) -> str:
    return result.get_absolute_url() if hasattr(result, "get_absolute_url") else result


def run_form(
    request,
    action: Callable,
    *,
    form=None,
    template: str = "",
    context: dict | None = None,
    success: str | None = None,
    back: str = "",
):
    """The one way a page runs a service: validate, call, then redirect — or show why not.

    With a ``form``: on a valid POST, ``action(form.cleaned_data)`` is called; it returns where to go
    (a URL or an object with ``get_absolute_url``). A ``ValidationError`` lands on the form's fields,
    a ``PermissionDenied`` on the form itself, a ``VersionConflict`` (somebody saved first) re-fills the form
    with the current values and lists what was typed (core/concurrency.py); a form with a one-time token
    (``SubmitOnceFormMixin``) runs ``action`` at most once per token, so a double submit adds nothing; otherwise (GET, invalid form) ``template`` is rendered
    with ``context`` and the form.

    Without a form (a POST button): ``action()`` is called, its refusal is shown as a message, and the
    page goes to ``back`` (or to what ``action`` returned).
    """
    if form is None:
        try:
            result = action()
        except (ValidationError, PermissionDenied) as exc:
            for message in exc.messages if isinstance(exc, ValidationError) else [str(exc)]:
                messages.error(request, message)
            return redirect(back)
        messages.success(request, success or _("Đã lưu."))
        return redirect(back or _target(result))
    if request.method == "POST" and form.is_valid():
        try:
            data = {k: v for k, v in form.cleaned_data.items() if k != ONCE_FIELD}
            result = run_once(form.cleaned_data.get(ONCE_FIELD), lambda: action(data))
        except VersionConflict as exc:
            form_refill_after_conflict(form, exc)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc) or _("Bạn không có quyền thực hiện thao tác này."))
        else:
            messages.success(request, success or _("Đã lưu."))
            return redirect(_target(result) or back)
    return render(request, template, {**(context or {}), "form": form})


def date_param(request, name: str = "on"):
    """A ?on=YYYY-MM-DD (or dd/mm/yyyy) query parameter between 1900 and 2100; an invalid one is ignored."""
    try:
        parsed = parse_date((request.GET.get(name) or "")[:40])
    except ValueError:
        return None
    return parsed if parsed is None or MIN_DATE <= parsed <= MAX_DATE else None


def int_param(request, name: str, default=None, *, minimum: int = 0, maximum: int = 2**31 - 1):
    """A whole-number query parameter (ASCII digits, ``minimum``..``maximum``); anything else gives ``default``.

    ``"²".isdigit()`` is true and ``int("²")`` fails; ``"99999999999999999999"`` overflows the database:
    both fall back to the default instead of a 500.
    """
    value = (request.GET.get(name) or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 12:
        return default
    number = int(value)
    return number if minimum <= number <= maximum else default


def year_param(request, default=None, *, name: str = "year", minimum: int = 1900, maximum: int = 2100):
    """A year query parameter within ``minimum``..``maximum``; otherwise ``default``."""
    return int_param(request, name, default, minimum=minimum, maximum=maximum)
