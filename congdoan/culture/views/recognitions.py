"""The upper level records the recognition decision, or revokes it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import run_form

from .. import forms, selectors, services


@login_required
def recognise(request, pk: int):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=pk)
    form = forms.RecognitionForm(
        request.POST or None, authorities=selectors.authority_list(), initial={"issued_on": today()}
    )

    def action(data):
        services.recognition_record(scope=scope, registration=registration, **data)
        return registration

    return run_form(
        request,
        action,
        form=form,
        template="culture/form.html",
        context={
            "title": _("Ghi quyết định công nhận"),
            "registration": registration,
            "eligibility": selectors.eligibility_of(registration),
        },
        success=_("Đã ghi quyết định công nhận."),
    )


@login_required
def revoke(request, pk: int):
    scope = Scope.of(request)
    recognition = selectors.recognition_get(scope=scope, pk=pk)
    form = forms.RevocationForm(request.POST or None)

    def action(data):
        services.recognition_revoke(scope=scope, recognition=recognition, **data)
        return recognition.registration

    return run_form(
        request,
        action,
        form=form,
        template="culture/form.html",
        context={
            "title": _("Thu hồi quyết định công nhận"),
            "registration": recognition.registration,
            "recognition": recognition,
        },
        success=_("Đã thu hồi quyết định công nhận."),
    )
