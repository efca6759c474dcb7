"""The upper level's view of the unions below: each union's standing in a year, and the figures
(registered, recognised, their share of the grassroots unions in scope) in total, by title and by the
units of the next level."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from congdoan.core.dates import today
from congdoan.core.money import share
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from ..constants import CultureType, Status
from ..eligibility import judge
from ..models import Recognition, Registration
from .catalogue import rule_for, year_end
from .registrations import unit_history

FILTERS = (Status.NOT_REGISTERED, Status.REGISTERED, Status.RECOGNISED)


def status_day(year: int) -> dt.date:
    """The day a year's standing is read on: its last day, or today while the year runs."""
    return min(year_end(year), today())


def in_force_q(day: dt.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}issued_on__lte": day, f"{prefix}valid_until__gte": day}) & (
        Q(**{f"{prefix}revoked_on__isnull": True}) | Q(**{f"{prefix}revoked_on__gt": day})
    )


def grassroots_in(*, scope: Scope, unit, day: dt.date):
    """The grassroots unions of ``unit``'s subtree (latest structure) existing on ``day``, in scope."""
    return (
        org_selectors.unit_subtree(scope=scope, unit=unit)
        .filter(kind__is_grassroots=True)
        .filter(org_selectors.existing_on(day))
    )


def culture_figures(*, scope: Scope, unit, year: int, on: dt.date | None = None) -> dict:
    """Totals for ``unit``'s subtree in ``year``: grassroots unions, registered, recognised (a recognition in
    force on ``on``: by default the year's last day, or today), their shares, by title and by unit of the
    next level."""
    org_selectors.unit_get(scope=scope, pk=unit.pk)
    day = on or status_day(year)
    units = grassroots_in(scope=scope, unit=unit, day=day)
    paths = dict(units.values_list("id", "path"))
    ids = list(paths)
    below = units.values("id")  # a subquery: a country's 136 000 ids never travel as parameters
    registered = dict(
        Registration.objects.filter(year=year, unit_id__in=below).values_list("unit_id", "culture_type")
    )
    recognised = set(
        Recognition.objects.filter(in_force_q(day), unit_id__in=below).values_list("unit_id", flat=True)
    )
    decided = Recognition.objects.filter(year=year, unit_id__in=below, revoked_on__isnull=True).count()
    by_type = [
        (code, label, sum(1 for t in registered.values() if t == code)) for code, label in CultureType.choices
    ]
    branch: dict[str, dict] = {}
    for pk, path in paths.items():
        head = path[len(unit.path) :].split("/", 1)[0]
        row = branch.setdefault(head, {"grassroots": 0, "registered": 0, "recognised": 0})
        row["grassroots"] += 1
        row["registered"] += pk in registered
        row["recognised"] += pk in recognised
    children = []
    heads = {str(u.pk): u for u in org_selectors.units_by_pks([int(h) for h in branch if h.isdigit()])}
    for head, row in branch.items():
        child = heads.get(head)
        children.append(
            {
                "unit": child or unit,
                "is_self": child is None,
                **row,
                "registered_share": share(row["registered"], row["grassroots"]),
                "recognised_share": share(row["recognised"], row["grassroots"]),
            }
        )
    order = {u.pk: i for i, u in enumerate(org_selectors.natural_order([r["unit"] for r in children]))}
    children.sort(key=lambda r: (not r["is_self"], order[r["unit"].pk]))
    return {
        "unit": unit,
        "year": year,
        "day": day,
        "grassroots": len(ids),
        "registered": len(registered),
        "recognised": len(recognised),
        "decided": decided,
        "registered_share": share(len(registered), len(ids)),
        "recognised_share": share(len(recognised), len(ids)),
        "by_type": by_type,
        "children": children,
    }


def union_rows(
    *, scope: Scope, unit, year: int, status: str = "", limit: int = 200, offset: int = 0
) -> tuple:
    """(rows, count): the grassroots unions below ``unit`` with their standing in ``year``; ``status`` narrows
    to those not registered, registered, or recognised (``FILTERS``)."""
    day = status_day(year)
    units = grassroots_in(scope=scope, unit=unit, day=day).order_by("path")
    if status == Status.NOT_REGISTERED:
        units = units.exclude(pk__in=Registration.objects.filter(year=year).values("unit_id"))
    elif status == Status.RECOGNISED:
        units = units.filter(pk__in=Recognition.objects.filter(in_force_q(day)).values("unit_id"))
    elif status == Status.REGISTERED:
        units = units.filter(pk__in=Registration.objects.filter(year=year).values("unit_id"))
    count = units.count()
    page = list(units[offset : offset + limit])
    ids = [u.pk for u in page]
    registrations = {r.unit_id: r for r in Registration.objects.filter(year=year, unit_id__in=ids)}
    recognitions: dict[int, Recognition] = {}
    recs = Recognition.objects.select_related("authority").filter(unit_id__in=ids, issued_on__lte=day)
    for rec in recs.order_by("issued_on", "id"):
        recognitions[rec.unit_id] = rec
    results, past = unit_history(ids)
    rule = rule_for(year)
    rows = []
    for u in page:
        registration = registrations.get(u.pk)
        recognition = recognitions.get(u.pk)
        result = results.get(u.pk, {}).get(year)
        eligibility = None
        if recognition is not None and recognition.in_force_on(day):
            state = Status.RECOGNISED
        elif recognition is not None and recognition.year == year and recognition.revoked_on:
            state = Status.REVOKED
        elif registration is None:
            state = Status.NOT_REGISTERED
        else:
            eligibility = judge(
                year=year,
                culture_type=registration.culture_type,
                results=results.get(u.pk, {}),
                recognitions=past.get(u.pk, []),
                rule=rule,
            )
            state = (
                Status.ELIGIBLE
                if eligibility.eligible
                else Status.MET
                if result and result.meets
                else Status.REGISTERED
            )
        rows.append(
            {
                "unit": u,
                "registration": registration,
                "recognition": recognition,
                "result": result,
                "status": state,
                "status_label": Status(state).label,
                "eligibility": eligibility,
            }
        )
    return rows, count
