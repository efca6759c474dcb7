"""Index, movements, registrations, catalogue, figures and award history pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.concurrency import ONCE_FIELD, run_once
from congdoan.core.dates import today
from congdoan.core.files import file_response
from congdoan.core.scoping import Scope
from congdoan.core.views import form_add_service_error, int_param
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services
from ..constants import CountBy, NominationStatus
from ..exports import figures_xlsx as build
from ._common import year_param


def _form_page(request, form, title, action, back=""):
    """Validate ``form``, call ``action(cleaned_data)`` (a service) and redirect to its URL, or re-render."""
    if request.method == "POST" and form.is_valid():
        try:
            data = {k: v for k, v in form.cleaned_data.items() if k != ONCE_FIELD}
            url = run_once(form.cleaned_data.get(ONCE_FIELD), lambda: action(data))
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(url)
    return render(request, "emulation/form.html", {"form": form, "title": title, "back": back})


@login_required
def index(request):
    scope = Scope.of(request)
    year = year_param(request)
    nominations = selectors.nomination_list(scope=scope, year=year)
    context = {
        "year": year,
        "movements": selectors.movement_list(scope=scope, year=year)[:10],
        "clusters": selectors.cluster_list(scope=scope, year=year),
        "n_registrations": selectors.registration_list(scope=scope, year=year).count(),
        "n_submitted": nominations.filter(status=NominationStatus.SUBMITTED).count(),
        "n_accepted": nominations.filter(status=NominationStatus.ACCEPTED).count(),
        "n_awarded": nominations.filter(status=NominationStatus.AWARDED).count(),
        "decisions": selectors.decision_list(scope=scope, year=year)[:10],
    }
    return render(request, "emulation/index.html", context)


@login_required
def movement_list(request):
    scope = Scope.of(request)
    year = year_param(request)
    movements = selectors.movement_list(scope=scope, year=year)
    return render(request, "emulation/movement_list.html", {"movements": movements, "year": year})


@login_required
def movement_detail(request, pk: int):
    movement = selectors.movement_get(scope=Scope.of(request), pk=pk)
    return render(request, "emulation/movement_detail.html", {"movement": movement})


@login_required
def movement_new(request):
    scope = Scope.of(request)
    owners = selectors.actionable_units(scope=scope).filter(kind__level__lte=3)
    form = forms.MovementForm(request.POST or None, owners=owners)

    def action(data):
        movement = services.movement_save(scope=scope, **data)
        return f"/emulation/movements/{movement.pk}/"

    return _form_page(request, form, _("Phát động phong trào thi đua"), action, "/emulation/movements/")


@login_required
def registration_list(request):
    scope = Scope.of(request)
    year = year_param(request)
    uppers = selectors.actionable_units(scope=scope).filter(kind__level__lte=2)
    upper_id = int_param(request, "upper")
    upper = uppers.filter(pk=upper_id).first() if upper_id is not None else uppers.first()
    context = {
        "year": year,
        "registrations": selectors.registration_list(scope=scope, year=year)[:200],
        "uppers": uppers,
        "upper": upper,
        "overview": selectors.registration_overview(scope=scope, upper=upper, year=year) if upper else None,
        "summaries": [
            (u, selectors.registration_overview(scope=scope, upper=u, year=year)) for u in uppers[:40]
        ],
    }
    return render(request, "emulation/registration_list.html", context)


@login_required
def registration_new(request):
    scope = Scope.of(request)
    units = selectors.actionable_units(scope=scope).filter(parent__isnull=False)
    unit_id = int_param(request, "unit")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        return render(request, "emulation/choose_unit.html", {"units": units, "title": _("Đăng ký thi đua")})
    form = forms.RegistrationForm(
        request.POST or None,
        kinds=selectors.union_award_kinds(on=today()),
        members=selectors.members_within(scope=scope, unit=unit),
    )

    def action(data):
        entries = [(k, None) for k in data["collective_kinds"]]
        if data["individual_kind"]:
            entries += [(data["individual_kind"], m) for m in data["members"]]
        services.registration_submit(
            scope=scope,
            unit=unit,
            year=data["year"],
            entries=entries,
            note=data["note"],
            registered_on=data.get("registered_on"),
        )
        return f"/emulation/registrations/?year={data['year']}"

    title = _("Đăng ký thi đua của “%(u)s”") % {"u": unit.name}
    return _form_page(request, form, title, action, "/emulation/registrations/")


@login_required
def registration_deadline(request):
    scope = Scope.of(request)
    owners = selectors.actionable_units(scope=scope).filter(kind__level__lte=2)
    form = forms.DeadlineForm(request.POST or None, owners=owners)

    def action(data):
        services.registration_deadline_set(scope=scope, **data)
        return f"/emulation/registrations/?year={data['year']}&upper={data['owner'].pk}"

    return _form_page(request, form, _("Đặt hạn đăng ký thi đua"), action, "/emulation/registrations/")


@login_required
def catalogue(request):
    year = year_param(request)
    quotas = selectors.quotas_in_scope(scope=Scope.of(request), year=year)
    context = {"kinds": selectors.award_kinds(), "quotas": quotas, "year": year}
    return render(request, "emulation/catalogue.html", context)


def _figures_input(request):
    scope = Scope.of(request)
    year = year_param(request)
    units = list(org_selectors.unit_roots(scope=scope))
    unit_id = int_param(request, "unit")
    unit = (
        org_selectors.unit_get(scope=scope, pk=unit_id)
        if unit_id is not None
        else (units[0] if units else None)
    )
    by = selectors.count_by_param(request.GET.get("by"))
    data = selectors.figures(scope=scope, unit=unit, year=year, by=by) if unit else None
    return by, year, units, unit, data


@login_required
def figures(request):
    by, year, roots, unit, data = _figures_input(request)
    context = {
        "year": year,
        "roots": roots,
        "unit": unit,
        "data": data,
        "by": by,
        "count_by": CountBy.choices,
    }
    return render(request, "emulation/figures.html", context)


@login_required
def figures_xlsx(request):
    _by, year, _roots, unit, data = _figures_input(request)
    if unit is None:
        return redirect("emulation:figures")
    return file_response(build(data=data, unit=unit, year=year), f"khen-thuong-{unit.code}-{year}.xlsx")


@login_required
def medal_candidates(request):
    scope = Scope.of(request)
    roots = list(org_selectors.unit_roots(scope=scope))
    unit_id = int_param(request, "unit")
    unit = (
        org_selectors.unit_get(scope=scope, pk=unit_id)
        if unit_id is not None
        else (roots[0] if roots else None)
    )
    rows = selectors.medal_candidates(scope=scope, unit=unit, on=today()) if unit else []
    return render(request, "emulation/medal_candidates.html", {"unit": unit, "roots": roots, "rows": rows})


@login_required
def member_history(request, pk: int):
    scope = Scope.of(request)
    member = member_selectors.member_get(scope=scope, pk=pk)
    context = {
        "member": member,
        "awards": selectors.member_award_history(scope=scope, member=member),
        "nominations": selectors.nomination_list(scope=scope).filter(member=member),
        "medal": selectors.medal_verdict(scope=scope, member=member, on=today()),
    }
    return render(request, "emulation/member_history.html", context)


@login_required
def unit_history(request, pk: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    history = selectors.unit_award_history(scope=scope, unit=unit)
    return render(request, "emulation/unit_history.html", {"unit": unit, **history})
