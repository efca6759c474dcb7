"""Pages of the organisation tree. Thin: parse, call a selector or service, render."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from congdoan.audit.selectors import event_list, events_of
from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import date_param, run_form, year_param

from . import forms, historic, selectors, services
from .constants import UnitStatus


@login_required
def tree(request):
    scope = Scope.of(request)
    on = date_param(request)
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    context = {"on": on, "q": q, "kind": kind, "kinds": selectors.kinds(), "day": on or today()}
    if q or kind:
        page = Paginator(selectors.unit_list(scope=scope, q=q, kind=kind, on=on), 50).get_page(
            request.GET.get("page")
        )
        context["results"] = page
    else:
        context["roots"] = selectors.natural_order(selectors.unit_roots(scope=scope, on=on))
    template = (
        "org/partials/tree_body.html"
        if request.htmx and request.htmx.target == "tree-body"
        else "org/tree.html"
    )
    return render(request, template, context)


@login_required
def unit_pick(request):
    """Suggestions for a unit typed in a UnitCodeInput (org/forms.py): ``<option>``s for its datalist."""
    field = request.GET.get("field", "q")
    units = selectors.unit_search(
        scope=Scope.of(request),
        q=request.GET.get(field) or request.GET.get("q") or "",
        grassroots=request.GET.get("grassroots") == "1",
        anywhere=request.GET.get("anywhere") == "1",
    )
    return render(request, "org/partials/unit_options.html", {"units": units})


@login_required
def children(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    on = date_param(request)
    kids = selectors.natural_order(selectors.unit_children(scope=scope, unit=unit, on=on))
    return render(request, "org/partials/children.html", {"unit": unit, "children": kids, "on": on})


@login_required
def unit_detail(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    on = date_param(request)
    parent_now = selectors.unit_parent_on(unit=unit, on=on or today())
    history = list(selectors.unit_parent_history(scope=scope, unit=unit))
    parent_ids = {link.parent_id for link in history} | {parent_now.pk if parent_now else None}
    context = {
        "unit": unit,
        "on": on,
        "parent_now": parent_now,
        "history": history,
        # Parents outside the user's scope are named without a link (their page answers 404).
        "visible_parents": selectors.visible_unit_ids(scope=scope, ids=parent_ids),
        "children": selectors.natural_order(selectors.unit_children(scope=scope, unit=unit, on=on)),
        "counts": selectors.unit_counts(scope=scope, unit=unit, on=on),
        "ancestors": selectors.unit_ancestors(scope=scope, unit=unit),
        "events": events_of(scope=scope, obj=unit)[:20],
        "can_act": scope.can(unit) and unit.status == UnitStatus.ACTIVE,
        "can_restructure": scope.can(unit, Action.RESTRUCTURE) and unit.status == UnitStatus.ACTIVE,
        "can_enter_history": historic.may_enter_history(scope, unit),
    }
    return render(request, "org/unit_detail.html", context)


@login_required
def historic_unit_new(request, pk: int):
    """A unit of a kind no longer founded, with past dates (entering a pre-2025 structure)."""
    scope = Scope.of(request)
    parent = selectors.unit_get(scope=scope, pk=pk)
    if not historic.may_enter_history(scope, parent):
        raise PermissionDenied
    form = historic.HistoricUnitForm(request.POST or None, parent=parent)

    def action(data):
        unit = historic.historic_unit_record(scope=scope, parent=parent, **data)
        return reverse("org:unit", args=[unit.pk])

    title = _("Nhập đơn vị thuộc cơ cấu trước đây")
    return run_form(
        request, action, form=form, template="org/operation.html", context={"unit": parent, "title": title}
    )


@login_required
def cluster_list(request):
    scope = Scope.of(request)
    year = year_param(request, None)
    clusters = selectors.cluster_list(scope=scope, year=year)
    return render(request, "org/cluster_list.html", {"clusters": clusters, "year": year})


@login_required
def cluster_detail(request, pk: int):
    scope = Scope.of(request)
    cluster = selectors.cluster_get(scope=scope, pk=pk)
    members = cluster.members.select_related("kind").order_by("name")
    context = {"cluster": cluster, "members": members, "can_edit": scope.can(cluster.owner)}
    return render(request, "org/cluster_detail.html", context)


@login_required
def cluster_roll_over(request, pk: int):
    """Start the cluster's next year: same members, a new head unit."""
    scope = Scope.of(request)
    cluster = selectors.cluster_get(scope=scope, pk=pk)
    if not scope.can(cluster.owner):
        raise PermissionDenied
    members = cluster.members.order_by("name")
    form = forms.ClusterRollOverForm(
        request.POST or None, members=members, initial={"year": cluster.year + 1}
    )

    def action(data):
        new = services.cluster_roll_over(
            scope=Scope.of(request), cluster=cluster, year=data["year"], head_unit=data["head_unit"]
        )
        return reverse("org:cluster", args=[new.pk])

    title = _("Chuyển “%(n)s” sang năm mới") % {"n": cluster.name}
    context = {"title": title, "cluster": cluster}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def cluster_edit(request, pk: int | None = None):
    scope = Scope.of(request)
    cluster = selectors.cluster_get(scope=scope, pk=pk) if pk else None
    if cluster is not None and not scope.can(cluster.owner):
        raise PermissionDenied
    owners = selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE, kind__level__lte=2)
    candidates = selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE)
    initial = {"year": today().year}
    if cluster is not None:
        initial = {
            "name": cluster.name,
            "kind": cluster.kind,
            "year": cluster.year,
            "owner": cluster.owner_id,
            "members": list(cluster.members.values_list("pk", flat=True)),
            "head_unit": cluster.head_unit_id,
            "note": cluster.note,
        }
    form = forms.ClusterForm(request.POST or None, owners=owners, candidates=candidates, initial=initial)

    def action(data):
        saved = services.cluster_save(
            scope=Scope.of(request),
            cluster=cluster,
            owner=data["owner"],
            name=data["name"],
            kind=data["kind"],
            year=data["year"],
            members=list(data["members"]),
            head_unit=data["head_unit"],
            note=data["note"],
        )
        return reverse("org:cluster", args=[saved.pk])

    title = _("Sửa cụm, khối thi đua") if cluster else _("Lập cụm, khối thi đua")
    context = {"title": title, "cluster": cluster}
    return run_form(request, action, form=form, template="org/operation.html", context=context)


@login_required
def audit_log(request):
    scope = Scope.of(request)
    page = Paginator(event_list(scope=scope), 50).get_page(request.GET.get("page"))
    return render(request, "org/audit_log.html", {"page": page})
