"""An upper level's congress round: the plan form, the progress page with its reminder list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.core.scoping import Scope
from congdoan.core.views import int_param, run_form
from congdoan.org import selectors as org_selectors

from .. import forms, selectors, services
from ..constants import PlanState
from ._common import plan_owners


def _kinds_below(owner=None):
    kinds = org_selectors.founding_kinds(below=owner) if owner else org_selectors.founding_kinds()
    return kinds.filter(level__gte=2, level__lte=3).order_by("level", "sort_order")


def _plan_form_page(request, plan=None):
    scope = Scope.of(request)
    owners = plan_owners(scope)
    owner_id = int_param(request, "owner") or (plan.owner_id if plan else None)
    owner = plan.owner if plan else (owners.filter(pk=owner_id).first() if owner_id else owners.first())
    kinds = _kinds_below(owner)
    initial = {"owner": owner.pk if owner else None}
    version = None
    if plan is not None:
        if not scope.can(plan.owner):
            raise PermissionDenied
        initial.update({f: getattr(plan, f) for f in services.PLAN_FIELDS})
        initial.update(
            {f"deadline_{d.unit_kind.code}": d.deadline for d in selectors.plan_deadlines(plan=plan)}
        )
        version = plan.version
    form = forms.PlanForm(request.POST or None, owners=owners, kinds=kinds, initial=initial, version=version)
    if plan is not None:
        form.fields["owner"].disabled = True

    def action(data):
        fields = {f: data[f] for f in services.PLAN_FIELDS}
        deadlines = form.deadlines(data)
        if plan is None:
            return services.plan_create(scope=scope, owner=data["owner"], deadlines=deadlines, **fields)
        return services.plan_update(
            scope=scope, plan=plan, deadlines=deadlines, version=data.get("version"), **fields
        )

    return run_form(
        request,
        action,
        form=form,
        template="congress/form.html",
        context={
            "title": _("Sửa kế hoạch đại hội") if plan else _("Lập kế hoạch đại hội"),
            "back": plan.get_absolute_url() if plan else "",
        },
        success=_("Đã lưu kế hoạch đại hội."),
    )


@login_required
def plan_new(request):
    return _plan_form_page(request)


@login_required
def plan_edit(request, pk: int):
    return _plan_form_page(request, selectors.plan_get(scope=Scope.of(request), pk=pk))


@login_required
def plan_page(request, pk: int):
    scope = Scope.of(request)
    plan = selectors.plan_get(scope=scope, pk=pk)
    state = request.GET.get("state", "")[:16]
    kind = request.GET.get("kind", "")[:32]
    units = selectors.plan_units(scope=scope, plan=plan, state=state, kind=kind).select_related("kind")
    page = Paginator(units, 50).get_page(int_param(request, "page", 1, minimum=1))
    progress = selectors.plan_progress(scope=scope, plan=plan)
    deadlines = selectors.plan_deadlines(plan=plan)
    context = {
        "plan": plan,
        "page": page,
        "progress": progress,
        "deadlines": deadlines,
        "states": PlanState.choices,
        "state": state,
        "kind": kind,
        "late_count": selectors.plan_units(scope=scope, plan=plan, state=PlanState.LATE).count(),
        "can_act": scope.can(plan.owner),
    }
    return render(request, "congress/plan.html", context)


@login_required
@require_POST
def plan_remind(request, pk: int):
    scope = Scope.of(request)
    plan = selectors.plan_get(scope=scope, pk=pk)
    late = selectors.plan_units(scope=scope, plan=plan, state=PlanState.LATE)
    try:
        sent = services.plan_remind(scope=scope, plan=plan, late_units=late)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã gửi %(n)s thông báo nhắc tổ chức đại hội.") % {"n": sent})
    return redirect(plan.get_absolute_url())
