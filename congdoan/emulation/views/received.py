"""Recording a decision signed elsewhere: received from an outside body, or a past year's union decision."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope
from congdoan.core.views import int_param, run_form
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ..received_forms import DecisionRecordForm


@login_required
def decision_record(request):
    scope = Scope.of(request)
    units = selectors.actionable_units(scope=scope)
    unit_id = int_param(request, "unit")
    unit = units.filter(pk=unit_id).first() if unit_id is not None else None
    if unit is None:
        title = _("Ghi nhận quyết định khen thưởng đã có (cấp ngoài Công đoàn, năm trước)")
        return render(request, "emulation/choose_unit.html", {"units": units, "title": title})
    if not scope.can(unit):
        raise PermissionDenied
    form = DecisionRecordForm(
        request.POST or None,
        kinds=selectors.award_kinds().filter(valid_to__isnull=True),
        units=org_selectors.unit_list(scope=scope).filter(path__startswith=unit.path),
        members=selectors.members_within_any(scope=scope, unit=unit),
    )

    def action(data):
        data = {k: v for k, v in data.items() if k not in ("award_kind", "recipients")}
        decision = services.decision_record(scope=scope, issuing_unit=unit, **data)
        return f"/emulation/decisions/{decision.pk}/"

    title = _("Ghi nhận quyết định khen thưởng tại “%(u)s”") % {"u": unit.name}
    context = {"title": title, "back": "/emulation/decisions/"}
    success = _("Đã ghi nhận quyết định.")
    return run_form(
        request, action, form=form, template="emulation/form.html", context=context, success=success
    )
