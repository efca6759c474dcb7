"""The target assignment page: every child × the chosen indicators, with the decision; Excel template and upload."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congdoan.core.concurrency import VersionConflict
from congdoan.core.dates import parse_date
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import excel, selectors, services, tasks
from ..values import show_value
from ._common import errors as _errors
from ._common import xlsx as _xlsx
from ._common import year_param as _year


def _typed_differences(grid, chosen, post) -> list[str]:
    lines = []
    for kid in grid["children"]:
        for ind in chosen:
            typed = (post.get(f"t_{kid.pk}_{ind.pk}") or "").strip()
            target = grid["given"].get((kid.pk, ind.pk))
            now = show_value(target.value) if target is not None else ""
            if typed != now:
                lines.append(
                    _("%(u)s – %(i)s: hiện tại “%(now)s”, bạn đã nhập “%(typed)s”.")
                    % {"u": kid.name, "i": ind.name, "now": now or "—", "typed": typed or "—"}
                )
    return lines


@login_required
def targets(request, pk: int):
    """One screen: every child × the chosen indicators, with the decision; Excel template and upload."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=pk)
    year = _year(request)
    catalogue = list(selectors.indicator_list(scope=scope))
    chosen_ids = request.GET.getlist("ind") or [str(i.pk) for i in catalogue]
    chosen = [i for i in catalogue if str(i.pk) in chosen_ids]
    grid = selectors.target_grid(scope=scope, unit=unit, year=year, indicators=chosen)
    if request.GET.get("export") == "xlsx":
        content = excel.targets_template_xlsx(
            unit=unit, year=year, children=grid["children"], indicators=chosen, given=grid["given"]
        )
        return _xlsx(content, f"giao-chi-tieu-{unit.code}-{year}.xlsx")
    if request.method == "POST":
        decision_no = request.POST.get("decision_no", "")
        try:
            decision_date = parse_date(request.POST.get("decision_date"), field=_("Ngày quyết định"))
            if request.FILES.get("file"):
                params = {
                    "year": year,
                    "decision_no": decision_no,
                    "decision_date": decision_date.isoformat() if decision_date else None,
                }
                job = tasks.job_start(
                    scope=scope,
                    kind=tasks.TARGET_IMPORT,
                    unit=unit,
                    params=params,
                    upload=request.FILES["file"],
                )
                return redirect(job.get_absolute_url())
            else:
                values = {
                    (kid.pk, ind.pk): request.POST.get(f"t_{kid.pk}_{ind.pk}", "")
                    for kid in grid["children"]
                    for ind in chosen
                }
                n = services.target_assign(
                    scope=scope,
                    assigned_by=unit,
                    year=year,
                    decision_no=decision_no,
                    decision_date=decision_date,
                    values=values,
                    grid_version=request.POST.get("grid_version"),
                )
            messages.success(request, _("Đã lưu %(n)s chỉ tiêu giao.") % {"n": n})
            return redirect(request.get_full_path())
        except ValueError as exc:
            messages.error(request, str(exc))
        except VersionConflict as exc:
            # The grid below shows the current targets; what this officer typed that differs is listed.
            _errors(request, exc)
            for line in _typed_differences(grid, chosen, request.POST):
                messages.warning(request, line)
        except ValidationError as exc:
            _errors(request, exc)
    cells = [
        {"unit": kid, "cells": [(ind, grid["given"].get((kid.pk, ind.pk))) for ind in chosen]}
        for kid in grid["children"]
    ]
    context = {
        "unit": unit,
        "year": year,
        "catalogue": catalogue,
        "chosen": chosen,
        "grid": grid,
        "rows": cells,
        "received": selectors.targets_received(scope=scope, unit=unit, year=year),
        "can_assign": scope.can(unit),
        "grid_version": services.target_grid_version(assigned_by=unit, year=year),
    }
    return render(request, "targets/targets.html", context)
