"""The restructuring pages (found, re-parent, dissolve, merge, split). Thin: load in scope, run the
operation through ``run_form``, go to the unit."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.core.scoping import Action, Scope
from congdoan.core.views import run_form
from congdoan.members.selectors.people import members_moving_with
from congdoan.org import selectors
from congdoan.org.constants import UnitStatus

from . import forms, operations


def _unit_page(unit) -> str:
    return reverse("org:unit", args=[unit.pk])


def _restructurable(scope: Scope, pk: int):
    unit = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.RESTRUCTURE):
        raise PermissionDenied
    return unit


@login_required
def unit_found(request, pk: int):
    scope = Scope.of(request)
    parent = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(parent):
        raise PermissionDenied
    form = forms.UnitFoundForm(request.POST or None, parent=parent)

    def action(data):
        unit = operations.unit_found(
            scope=scope,
            parent=parent,
            name=data["name"],
            code=data["code"],
            kind=data["kind"],
            sector=data["sector"],
            employer=data["employer"],
            founded_on=data["founded_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return _unit_page(unit)

    title = _("Thành lập đơn vị trực thuộc “%(u)s”") % {"u": parent.name}
    context = {"unit": parent, "title": title}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def unit_reparent(request, pk: int):
    scope = Scope.of(request)
    unit = _restructurable(scope, pk)
    candidates = (
        selectors.unit_list(scope=scope)
        .filter(status=UnitStatus.ACTIVE, kind__level__lt=unit.kind.level)
        .exclude(path__startswith=unit.path)
    )
    form = forms.UnitReparentForm(request.POST or None, candidates=candidates)

    def action(data):
        operations.unit_reparent(
            scope=scope,
            unit=unit,
            new_parent=data["new_parent"],
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return _unit_page(unit)

    title = _("Chuyển “%(u)s” sang đơn vị cấp trên khác") % {"u": unit.name}
    context = {"unit": unit, "title": title}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def unit_dissolve(request, pk: int):
    scope = Scope.of(request)
    unit = _restructurable(scope, pk)
    form = forms.UnitDissolveForm(request.POST or None)

    def action(data):
        operations.unit_dissolve(
            scope=scope,
            unit=unit,
            dissolved_on=data["dissolved_on"],
            reason=data["reason"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return _unit_page(unit)

    title = _("Giải thể “%(u)s”") % {"u": unit.name}
    context = {"unit": unit, "title": title, "danger": True}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def unit_merge(request, pk: int):
    """Merge units of the same level as ``pk`` (itself among them) into one of them."""
    scope = Scope.of(request)
    unit = _restructurable(scope, pk)
    candidates = selectors.unit_list(scope=scope).filter(
        status=UnitStatus.ACTIVE, kind__level=unit.kind.level
    )
    form = forms.UnitMergeForm(request.POST or None, candidates=candidates, initial={"sources": [unit.pk]})

    def action(data):
        target = operations.unit_merge(
            scope=scope,
            sources=list(data["sources"]),
            target=data["target"],
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return _unit_page(target)

    context = {"unit": unit, "title": _("Hợp nhất đơn vị")}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def unit_split(request, pk: int):
    scope = Scope.of(request)
    unit = _restructurable(scope, pk)
    kids = selectors.unit_children(scope=scope, unit=unit)
    # A grassroots union's members whose stint there is open or ends after today move on a split.
    members = members_moving_with(unit=unit) if unit.kind.is_grassroots else []
    form = forms.UnitSplitForm(request.POST or None, children=kids, members=members)

    def action(data):
        new_units = operations.unit_split(
            scope=scope,
            source=unit,
            parts=form.parts(),
            child_targets=form.child_targets(),
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
            **form.member_args(),
        )
        return _unit_page(new_units[0])

    title = _("Chia tách “%(u)s”") % {"u": unit.name}
    context = {"unit": unit, "title": title, "members": members}
    return run_form(request, action, form=form, template="restructure/split.html", context=context)
