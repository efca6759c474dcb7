"""Pages of the organisation tree. Thin: parse, call a selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.audit.selectors import event_list, events_of
from congdoan.core.dates import today
from congdoan.core.scoping import Action, Scope
from congdoan.core.views import date_param, form_add_service_error

from . import forms, selectors, services
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
        context["roots"] = selectors.unit_roots(scope=scope, on=on)
    template = (
        "org/partials/tree_body.html"
        if request.htmx and request.htmx.target == "tree-body"
        else "org/tree.html"
    )
    return render(request, template, context)


@login_required
def children(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    on = date_param(request)
    kids = selectors.unit_children(scope=scope, unit=unit, on=on)
    return render(request, "org/partials/children.html", {"unit": unit, "children": kids, "on": on})


@login_required
def unit_detail(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    on = date_param(request)
    context = {
        "unit": unit,
        "on": on,
        "parent_now": selectors.unit_parent_on(unit=unit, on=on or today()),
        "history": selectors.unit_parent_history(scope=scope, unit=unit),
        "children": selectors.unit_children(scope=scope, unit=unit, on=on),
        "counts": selectors.unit_counts(scope=scope, unit=unit, on=on),
        "ancestors": selectors.unit_ancestors(scope=scope, unit=unit),
        "events": events_of(scope=scope, obj=unit)[:20],
        "can_act": scope.can(unit) and unit.status == UnitStatus.ACTIVE,
        "can_restructure": scope.can(unit, Action.RESTRUCTURE) and unit.status == UnitStatus.ACTIVE,
    }
    return render(request, "org/unit_detail.html", context)


def _run(request, form, template: str, context: dict, action):
    """Validate ``form``, run ``action`` (a service call); on success redirect, else re-render with errors."""
    if request.method == "POST" and form.is_valid():
        try:
            result = action(form.cleaned_data)
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect(result.get_absolute_url() if hasattr(result, "get_absolute_url") else result)
    return render(request, template, {**context, "form": form})


@login_required
def unit_found(request, pk: int):
    scope = Scope.of(request)
    parent = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(parent):
        raise PermissionDenied
    form = forms.UnitFoundForm(request.POST or None, parent=parent)

    def action(data):
        unit = services.unit_found(
            scope=Scope.of(request),
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
        return f"/units/{unit.pk}/"

    title = _("Thành lập đơn vị trực thuộc “%(u)s”") % {"u": parent.name}
    return _run(request, form, "org/operation.html", {"unit": parent, "title": title}, action)


@login_required
def unit_reparent(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.RESTRUCTURE):
        raise PermissionDenied
    candidates = (
        selectors.unit_list(scope=scope)
        .filter(status=UnitStatus.ACTIVE, kind__level__lt=unit.kind.level)
        .exclude(path__startswith=unit.path)
    )
    form = forms.UnitReparentForm(request.POST or None, candidates=candidates)

    def action(data):
        services.unit_reparent(
            scope=Scope.of(request),
            unit=unit,
            new_parent=data["new_parent"],
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return f"/units/{unit.pk}/"

    title = _("Chuyển “%(u)s” sang đơn vị cấp trên khác") % {"u": unit.name}
    return _run(request, form, "org/operation.html", {"unit": unit, "title": title}, action)


@login_required
def unit_dissolve(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.RESTRUCTURE):
        raise PermissionDenied
    form = forms.UnitDissolveForm(request.POST or None)

    def action(data):
        services.unit_dissolve(
            scope=Scope.of(request),
            unit=unit,
            dissolved_on=data["dissolved_on"],
            reason=data["reason"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return f"/units/{unit.pk}/"

    title = _("Giải thể “%(u)s”") % {"u": unit.name}
    return _run(request, form, "org/operation.html", {"unit": unit, "title": title, "danger": True}, action)


@login_required
def unit_merge(request, pk: int):
    """Merge units under the same parent as ``pk`` (its siblings and itself) into one of them."""
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.RESTRUCTURE):
        raise PermissionDenied
    candidates = selectors.unit_list(scope=scope).filter(
        status=UnitStatus.ACTIVE, kind__level=unit.kind.level
    )
    form = forms.UnitMergeForm(request.POST or None, candidates=candidates, initial={"sources": [unit.pk]})

    def action(data):
        target = services.unit_merge(
            scope=Scope.of(request),
            sources=list(data["sources"]),
            target=data["target"],
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
        )
        return f"/units/{target.pk}/"

    title = _("Hợp nhất đơn vị")
    return _run(request, form, "org/operation.html", {"unit": unit, "title": title}, action)


@login_required
def unit_split(request, pk: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=pk)
    if not scope.can(unit, Action.RESTRUCTURE):
        raise PermissionDenied
    kids = selectors.unit_children(scope=scope, unit=unit)
    members = _members_to_split(unit)
    form = forms.UnitSplitForm(request.POST or None, children=kids, members=members)

    def action(data):
        new_units = services.unit_split(
            scope=Scope.of(request),
            source=unit,
            parts=form.parts(),
            child_targets=form.child_targets(),
            effective_on=data["effective_on"],
            decision_no=data["decision_no"],
            decision_date=data["decision_date"],
            **form.member_args(),
        )
        return f"/units/{new_units[0].pk}/"

    title = _("Chia tách “%(u)s”") % {"u": unit.name}
    context = {"unit": unit, "title": title, "members": members}
    return _run(request, form, "org/split.html", context, action)


def _members_to_split(unit) -> list:
    """Members of a grassroots union whose stint there is open or ends after today (they move on a split)."""
    if not unit.kind.is_grassroots:
        return []
    from congdoan.members.models import Member

    return list(
        Member.objects.filter(
            Q(stints__unit=unit), Q(stints__valid_to__isnull=True) | Q(stints__valid_to__gte=today())
        )
        .distinct()
        .only("pk", "code", "full_name")
        .order_by("name_folded", "id")
    )


@login_required
def cluster_list(request):
    scope = Scope.of(request)
    year = request.GET.get("year")
    clusters = selectors.cluster_list(scope=scope, year=int(year) if year and year.isdigit() else None)
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
        return f"/clusters/{new.pk}/"

    title = _("Chuyển “%(n)s” sang năm mới") % {"n": cluster.name}
    return _run(request, form, "org/operation.html", {"title": title, "cluster": cluster}, action)


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
        return f"/clusters/{saved.pk}/"

    title = _("Sửa cụm, khối thi đua") if cluster else _("Lập cụm, khối thi đua")
    return _run(request, form, "org/operation.html", {"title": title, "cluster": cluster}, action)


@login_required
def audit_log(request):
    scope = Scope.of(request)
    page = Paginator(event_list(scope=scope), 50).get_page(request.GET.get("page"))
    return render(request, "org/audit_log.html", {"page": page})
