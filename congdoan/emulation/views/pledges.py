"""Cluster pledges: drafting, signing, scoring, the head's review and ranking, "suy tôn" nominations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.views import form_add_service_error, int_param

from .. import forms, selectors, services
from ..constants import PledgeStatus, Recipient
from ..models import Pledge
from ._common import run_action, year_param


@login_required
def pledge_list(request):
    scope = Scope.of(request)
    year = int_param(request, "year", minimum=2000, maximum=2100)
    clusters = selectors.cluster_list(scope=scope, year=year)
    return render(request, "emulation/pledge_list.html", {"clusters": clusters, "year": year or ""})


@login_required
def pledge_edit(request, cluster_pk: int):
    scope = Scope.of(request)
    cluster = selectors.cluster_list(scope=scope).filter(pk=cluster_pk).first()
    if cluster is None:
        raise Http404
    members = cluster.members.order_by("name")
    pledge = Pledge.objects.filter(cluster=cluster).first()
    initial = {"head_unit": cluster.head_unit_id}
    if pledge is not None:
        sheet = selectors.pledge_sheet(pledge=pledge)
        initial = {
            "content": pledge.content,
            "head_unit": pledge.head_unit_id,
            "criteria": "\n".join(f"{c.name} | {c.max_points}" for c in sheet["criteria"]),
            "signatories": "\n".join(
                f"{s.unit.code} | {s.signer_name} | {s.signer_title}" for s in sheet["signatories"]
            ),
        }
    else:
        initial["signatories"] = "\n".join(f"{u.code} |  | " for u in members)
    form = forms.PledgeForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.pledge_save(
                scope=scope,
                cluster=cluster,
                content=form.cleaned_data["content"],
                head_unit=form.cleaned_data["head_unit"],
                criteria=form.cleaned_data["criteria"],
                signatories=form.cleaned_data["signatories"],
            )
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu giao ước."))
            return redirect("emulation:pledge", pk=saved.pk)
    title = _("Giao ước thi đua — %(c)s") % {"c": str(cluster)}
    return render(
        request, "emulation/form.html", {"form": form, "title": title, "back": "/emulation/pledges/"}
    )


@login_required
def pledge_detail(request, pk: int):
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pk)
    back = f"/emulation/pledges/{pledge.pk}/"
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "sign":
            form = forms.SignForm(request.POST)
            if form.is_valid():
                return run_action(
                    request,
                    lambda: services.pledge_sign(scope=scope, pledge=pledge, **form.cleaned_data),
                    _("Đã ký kết giao ước."),
                    back,
                )
            messages.error(request, _("Ngày ký không hợp lệ."))
            return redirect(back)
        if action == "rank":
            return run_action(
                request,
                lambda: services.pledge_rank(scope=scope, pledge=pledge),
                _("Đã xếp hạng các đơn vị."),
                back,
            )
        if action == "nominate":
            kind = (
                selectors.union_award_kinds(on=today()).filter(pk=request.POST.get("award_kind") or 0).first()
            )
            top = request.POST.get("top", "")

            def nominate():
                if kind is None:
                    raise ValidationError(_("Cần chọn hình thức khen thưởng."))
                services.nominations_from_ranking(
                    scope=scope,
                    pledge=pledge,
                    award_kind=kind,
                    top=int(top) if top.isascii() and top.isdigit() and len(top) < 6 else 1,
                    year=pledge.cluster.year,
                )

            return run_action(request, nominate, _("Đã lập hồ sơ suy tôn."), back)
    context = {
        "pledge": pledge,
        "sheet": selectors.pledge_sheet(pledge=pledge),
        "is_head": scope.can(pledge.head_unit) or scope.can(pledge.cluster.owner),
        "can_score": {u.pk for u in pledge.cluster.members.all() if scope.can(u)},
        "sign_form": forms.SignForm(initial={"signed_on": today()}),
        "collective_kinds": selectors.union_award_kinds(on=today()).filter(recipient=Recipient.COLLECTIVE),
        "Status": PledgeStatus,
        "year": year_param(request),
    }
    return render(request, "emulation/pledge_detail.html", context)


@login_required
def pledge_score(request, pk: int, unit_pk: int):
    """A member's score sheet: self-scoring (the member) and review (the head) on one page."""
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pk)
    unit = pledge.cluster.members.filter(pk=unit_pk).first()
    if unit is None:
        raise Http404
    sheet = selectors.pledge_sheet(pledge=pledge)
    row = next(r for r in sheet["rows"] if r["unit"].pk == unit.pk)
    is_head = scope.can(pledge.head_unit) or scope.can(pledge.cluster.owner)
    default = "review" if is_head and row["complete"] and not scope.can(unit) else "self"
    mode = request.POST.get("action") or request.GET.get("mode") or default
    mode = mode if mode in ("self", "review") else default
    initial = {
        c.pk: (
            cell.reviewed_points
            if mode == "review" and cell.reviewed_points is not None
            else cell.self_points
        )
        for c, cell in zip(sheet["criteria"], row["cells"], strict=True)
        if cell
    }
    form = forms.ScoreForm(request.POST or None, criteria=sheet["criteria"], initial_points=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if mode == "review":
                services.pledge_review(
                    scope=scope,
                    pledge=pledge,
                    unit=unit,
                    points=form.points(),
                    note=form.cleaned_data["note"],
                )
            else:
                services.pledge_self_score(scope=scope, pledge=pledge, unit=unit, points=form.points())
        except ValidationError as exc:
            form_add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu điểm của “%(u)s”.") % {"u": unit.name})
            return redirect("emulation:pledge", pk=pledge.pk)
    context = {
        "pledge": pledge,
        "unit": unit,
        "row": row,
        "form": form,
        "mode": mode,
        "is_head": is_head,
        "can_self": scope.can(unit),
        "criteria": sheet["criteria"],
    }
    return render(request, "emulation/pledge_score.html", context)
