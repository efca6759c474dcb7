"""Nominations, council sessions and decisions (with their printable documents)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import form_add_service_error, int_param

from .. import forms, selectors, services
from ..constants import CountBy, Issuer, NominationStatus
from ._common import run_action, year_param
from .general import _form_page


@login_required
def nomination_list(request):
    scope = Scope.of(request)
    year = year_param(request)
    status = request.GET.get("status", "")
    nominations = selectors.nomination_list(scope=scope, year=year, status=status)
    context = {
        "nominations": nominations[:300],
        "year": year,
        "status": status,
        "statuses": NominationStatus.choices,
    }
    if request.htmx and request.htmx.target == "nomination-rows":
        return render(request, "emulation/partials/nomination_rows.html", context)
    return render(request, "emulation/nomination_list.html", context)


@login_required
def nomination_new(request):
    scope = Scope.of(request)
    units = selectors.actionable_units(scope=scope)
    unit_id = int_param(request, "unit")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        return render(
            request,
            "emulation/choose_unit.html",
            {"units": units, "title": _("Lập hồ sơ đề nghị khen thưởng")},
        )
    form = forms.NominationForm(
        request.POST or None,
        kinds=selectors.union_award_kinds(on=today()),
        members=selectors.members_within(scope=scope, unit=unit),
        units=units.filter(path__startswith=unit.path),
        unit=unit,
    )

    def action(data):
        nomination = services.nomination_create(
            scope=scope,
            proposing_unit=unit,
            award_kind=data["award_kind"],
            year=data["year"],
            member=data["member"],
            nominee_unit=data["nominee_unit"],
            achievements=data["achievements"],
        )
        return f"/emulation/nominations/{nomination.pk}/"

    title = _("Hồ sơ đề nghị khen thưởng của “%(u)s”") % {"u": unit.name}
    return _form_page(request, form, title, action, "/emulation/nominations/")


def _council_action(request, scope, nomination, accept: bool):
    sessions = selectors.council_list(scope=scope).filter(
        granting_unit=nomination.granting_unit, year=nomination.year
    )
    form = forms.CouncilVoteForm(request.POST, sessions=sessions)
    if not form.is_valid():
        raise ValidationError([f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()])
    data = form.cleaned_data
    service = services.nomination_council_accept if accept else services.nomination_council_reject
    service(
        scope=scope,
        nomination=nomination,
        session=data["council"],
        votes_for=data["votes_for"],
        votes_against=data["votes_against"],
        votes_abstain=data["votes_abstain"],
        reason=data["reason"],
    )


@login_required
def nomination_detail(request, pk: int):
    scope = Scope.of(request)
    nomination = selectors.nomination_get(scope=scope, pk=pk)
    back = f"/emulation/nominations/{nomination.pk}/"
    if request.method == "POST":
        action = request.POST.get("action")
        actions = {
            "submit": (
                lambda: services.nomination_submit(scope=scope, nomination=nomination),
                _("Đã trình hồ sơ lên cấp khen thưởng."),
            ),
            "withdraw": (
                lambda: services.nomination_withdraw(scope=scope, nomination=nomination),
                _("Đã rút hồ sơ."),
            ),
            "accept": (
                lambda: _council_action(request, scope, nomination, accept=True),
                _("Đã ghi kết quả: Hội đồng đề nghị khen thưởng."),
            ),
            "reject": (
                lambda: _council_action(request, scope, nomination, accept=False),
                _("Đã ghi kết quả: Hội đồng không đề nghị khen thưởng."),
            ),
        }
        if action == "attach":
            form = forms.DocumentForm(request.POST, request.FILES)
            if form.is_valid():
                return run_action(
                    request,
                    lambda: services.nomination_attach(
                        scope=scope,
                        nomination=nomination,
                        title=form.cleaned_data["title"],
                        uploaded=form.cleaned_data["file"],
                    ),
                    _("Đã đính kèm tài liệu."),
                    back,
                )
            messages.error(request, _("Cần chọn tệp để đính kèm."))
            return redirect(back)
        if action in actions:
            call, success = actions[action]
            return run_action(request, call, success, back)
    sessions = selectors.council_list(scope=scope).filter(
        granting_unit=nomination.granting_unit, year=nomination.year
    )
    context = {
        "nomination": nomination,
        "documents": nomination.documents.all(),
        "can_propose": scope.can(nomination.proposing_unit),
        "can_grant": scope.can(nomination.granting_unit),
        "document_form": forms.DocumentForm(),
        "vote_form": forms.CouncilVoteForm(sessions=sessions, initial={"council": sessions.first()}),
        "sessions": sessions,
        "quota": selectors.quota_status(
            kind=nomination.award_kind, granting_unit=nomination.granting_unit, year=nomination.year
        ),
        "Status": NominationStatus,
    }
    return render(request, "emulation/nomination_detail.html", context)


@login_required
def nomination_document(request, pk: int, doc_pk: int):
    nomination = selectors.nomination_get(scope=Scope.of(request), pk=pk)
    document = nomination.documents.filter(pk=doc_pk).first()
    if document is None:
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1]
    )


@login_required
def council_list(request):
    scope = Scope.of(request)
    year = year_param(request)
    sessions = selectors.council_list(scope=scope, year=year)
    return render(request, "emulation/council_list.html", {"sessions": sessions, "year": year})


@login_required
def council_new(request):
    scope = Scope.of(request)
    units = selectors.actionable_units(scope=scope)
    form = forms.CouncilForm(request.POST or None, units=units)

    def action(data):
        services.council_session_create(scope=scope, **data)
        return f"/emulation/councils/?year={data['year']}"

    return _form_page(
        request, form, _("Phiên họp Hội đồng Thi đua – Khen thưởng"), action, "/emulation/councils/"
    )


@login_required
def decision_list(request):
    scope = Scope.of(request)
    year = year_param(request)
    by = selectors.count_by_param(request.GET.get("by"))
    issuer = request.GET.get("issuer") or ""
    issuer = issuer if issuer in Issuer.values else ""
    decisions = selectors.decision_list(scope=scope, year=year, by=by, issuer=issuer)
    context = {
        "decisions": decisions,
        "year": year,
        "by": by,
        "issuer": issuer,
        "count_by": CountBy.choices,
        "issuers": Issuer.choices,
    }
    return render(request, "emulation/decision_list.html", context)


@login_required
def decision_new(request):
    scope = Scope.of(request)
    units = selectors.actionable_units(scope=scope)
    unit_id = int_param(request, "unit")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        return render(
            request,
            "emulation/choose_unit.html",
            {"units": units, "title": _("Ban hành quyết định khen thưởng")},
        )
    if not scope.can(unit):
        raise PermissionDenied
    year = year_param(request)
    accepted = selectors.nomination_list(
        scope=scope, year=year, status=NominationStatus.ACCEPTED, granting_unit=unit
    )
    form = forms.DecisionForm(
        request.POST or None, nominations=accepted, initial={"nominations": list(accepted)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_issue(scope=scope, issuing_unit=unit, year=year, **form.cleaned_data)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã ban hành quyết định số %(n)s.") % {"n": decision.number})
            return redirect("emulation:decision", pk=decision.pk)
    title = _("Quyết định khen thưởng năm %(y)s của “%(u)s”") % {"y": year, "u": unit.name}
    return render(
        request, "emulation/form.html", {"form": form, "title": title, "back": "/emulation/decisions/"}
    )


@login_required
def decision_detail(request, pk: int):
    decision = selectors.decision_get(scope=Scope.of(request), pk=pk)
    awards = selectors.decision_awards(decision=decision)
    return render(request, "emulation/decision_detail.html", {"decision": decision, "awards": awards})
