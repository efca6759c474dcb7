from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render

from congdoan.core.dates import parse_date


def form_add_service_error(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def date_param(request, name: str = "on"):
    """A ?on=YYYY-MM-DD (or dd/mm/yyyy) query parameter; an invalid one is ignored."""
    try:
        return parse_date(request.GET.get(name))
    except ValueError:
        return None


@login_required
def home(request):
    from congdoan.core.scoping import Scope
    from congdoan.org import selectors

    scope = Scope.for_user(request.user)
    roots = list(selectors.unit_roots(scope=scope))
    cards = [(unit, selectors.unit_counts(scope=scope, unit=unit)) for unit in roots[:6]]
    return render(request, "core/home.html", {"cards": cards})
