"""A unit's registration: registering, the self-assessment grid, evidence files."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import int_param, run_form
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services


def _units(scope: Scope):
    return scope.filter(org_selectors.active_grassroots(), action=Action.ACT).order_by("path")


@login_required
def register(request):
    scope = Scope.of(request)
    units = _units(scope)
    initial = {"year": today().year, "registered_on": today()}
    pk = int_param(request, "unit")
    if pk:
        initial["unit"] = units.filter(pk=pk).first()
    elif units.count() == 1:
        initial["unit"] = units.first()
    form = forms.RegistrationForm(request.POST or None, units=units, initial=initial)

    def action(data):
        return services.registration_create(scope=scope, **data)

    return run_form(
        request,
        action,
        form=form,
        template="culture/form.html",
        context={"title": _("Đăng ký đạt chuẩn văn hoá"), "back": "culture:index"},
        success=_("Đã đăng ký. Hãy tự đánh giá từng tiêu chí."),
    )


def _detail_context(scope: Scope, registration) -> dict:
    grid = selectors.assessment_grid(registration)
    recognition = selectors.recognition_list(scope=scope).filter(registration=registration).first()
    unit = registration.unit
    return {
        "registration": registration,
        "grid": grid,
        "met": sum(1 for row in grid if row["met"]),
        "eligibility": selectors.eligibility_of(registration) if recognition is None else None,
        "recognition": recognition,
        "general_evidence": [e for e in registration.evidence.all() if e.criterion_id is None],
        "evidence_form": forms.EvidenceForm(
            criteria=selectors.criteria_for(culture_type=registration.culture_type, year=registration.year)
        ),
        "can_act": scope.can(unit, Action.ACT) and recognition is None,
        "can_attach": scope.can(unit, Action.ACT),
        "can_approve": scope.can(unit, Action.APPROVE),
        "history": selectors.registration_list(scope=scope).filter(unit=unit).exclude(pk=registration.pk),
    }


@login_required
def registration_detail(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    context = _detail_context(scope, registration)
    form = forms.AssessmentForm(request.POST or None, grid=context["grid"], version=registration.version)

    def action(data):
        services.registration_assess(
            scope=scope, registration=registration, items=form.items(), version=data.get("version")
        )
        return registration

    return run_form(
        request,
        action,
        form=form,
        template="culture/registration.html",
        context=context,
        success=_("Đã lưu tự đánh giá."),
    )


@login_required
def evidence_new(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    criteria = selectors.criteria_for(culture_type=registration.culture_type, year=registration.year)
    form = forms.EvidenceForm(request.POST or None, request.FILES or None, criteria=criteria)

    def action(data):
        services.evidence_attach(
            scope=scope,
            registration=registration,
            uploaded=data["file"],
            title=data.get("title") or "",
            criterion=data.get("criterion"),
        )
        return registration

    return run_form(
        request,
        action,
        form=form,
        template="culture/form.html",
        context={"title": _("Thêm minh chứng"), "registration": registration, "multipart": True},
        success=_("Đã thêm minh chứng."),
    )


@login_required
def evidence_download(request, pk: int):
    evidence = selectors.evidence_get(scope=Scope.of(request), pk=pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1])


@require_POST
@login_required
def evidence_delete(request, pk: int):
    scope = Scope.of(request)
    evidence = selectors.evidence_get(scope=scope, pk=pk)
    back = evidence.registration.get_absolute_url()
    return run_form(
        request,
        lambda: services.evidence_delete(scope=scope, evidence=evidence),
        back=back,
        success=_("Đã xoá minh chứng."),
    )


@require_POST
@login_required
def registration_delete(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    unit = registration.unit
    return run_form(
        request,
        lambda: services.registration_delete(scope=scope, registration=registration),
        back=f"{reverse('culture:index')}?unit={unit.pk}",
        success=_("Đã rút đăng ký."),
    )
