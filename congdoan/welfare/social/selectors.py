"""Reads of social work (donors and gifts); each takes a Scope and returns only what the user may see."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Least
from django.http import Http404

from congdoan.core.scoping import Scope
from congdoan.core.text import fold

from ..constants import DonorKind, GiftForm, GiftRecipient, paying_level_label
from ..models import Donor, Gift

GRASSROOTS_LEVEL = 3


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def donor_list(*, scope: Scope, q: str = "", kind: str = "") -> QuerySet[Donor]:
    """Donors mobilised by a unit in scope, or by a unit above the user's own (whose gifts they record)."""
    qs = Donor.objects.select_related("owner")
    if not scope.everything:
        above = sorted({a for root, _role in scope.roots for a in _ancestor_paths(root)})
        qs = qs.filter(scope.q("owner__path") | Q(owner__path__in=above))
    if q:
        qs = qs.filter(name_folded__contains=fold(q))
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name_folded", "pk")


def donor_get(*, scope: Scope, pk: int) -> Donor:
    try:
        return donor_list(scope=scope).get(pk=pk)
    except Donor.DoesNotExist as exc:
        raise Http404 from exc


def donors_for_unit(unit) -> QuerySet[Donor]:
    """Donors a gift of ``unit`` may name: mobilised by the unit itself or by a unit above it."""
    return Donor.objects.filter(owner__path__in=_ancestor_paths(unit.path)).order_by("name_folded")


def gift_list(
    *,
    scope: Scope,
    unit=None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    recipient_kind: str = "",
    donor: Donor | None = None,
    q: str = "",
) -> QuerySet[Gift]:
    qs = scope.filter(Gift.objects.select_related("unit", "donor", "programme"), "unit__path")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if start is not None:
        qs = qs.filter(given_on__gte=start)
    if end is not None:
        qs = qs.filter(given_on__lte=end)
    if recipient_kind:
        qs = qs.filter(recipient_kind=recipient_kind)
    if donor is not None:
        qs = qs.filter(donor=donor)
    if q:
        qs = qs.filter(Q(recipient_name__icontains=q.strip()) | Q(donor__name_folded__contains=fold(q)))
    return qs.order_by("-given_on", "-pk")


def gift_get(*, scope: Scope, pk: int) -> Gift:
    return scope.get_or_404(Gift.objects.select_related("unit", "donor", "programme"), "unit__path", pk=pk)


def social_figures(*, scope: Scope, unit, start: dt.date, end: dt.date) -> dict:
    """Gifts of ``unit``'s subtree given in ``start``..``end``: count and value, by recipient, donor, level.

    Never mixed with member welfare: these are separate figures beside ``welfare_figures``.
    """
    gifts = gift_list(scope=scope, unit=unit, start=start, end=end).annotate(
        level=Least("unit__kind__level", GRASSROOTS_LEVEL)
    )
    totals = gifts.aggregate(
        n=Count("id"),
        total=Sum("value"),
        cash=Sum("value", filter=Q(form=GiftForm.CASH)),
        in_kind=Sum("value", filter=Q(form=GiftForm.IN_KIND)),
        donated=Sum("value", filter=Q(donor__isnull=False)),
        donors=Count("donor_id", distinct=True),
    )
    by_recipient = {
        k: (n, v)
        for k, n, v in gifts.values_list("recipient_kind").annotate(Count("id"), Sum("value")).order_by()
    }
    by_donor_kind: dict[str, int] = defaultdict(int)
    donors = []
    rows = gifts.filter(donor__isnull=False).values_list("donor__name", "donor__kind").annotate(Sum("value"))
    for name, kind, value in rows.order_by():
        by_donor_kind[kind] += value or 0
        donors.append({"donor": name, "kind": str(DonorKind(kind).label), "value": value or 0})
    levels = gifts.values_list("level").annotate(Count("id"), Sum("value")).order_by("level")
    return {
        "gifts": totals["n"] or 0,
        "value": totals["total"] or 0,
        "cash": totals["cash"] or 0,
        "in_kind": totals["in_kind"] or 0,
        "donated": totals["donated"] or 0,
        "union_own": (totals["total"] or 0) - (totals["donated"] or 0),
        "donors_count": totals["donors"] or 0,
        "by_recipient": [
            {"code": k, "label": str(label), "gifts": by_recipient[k][0], "value": by_recipient[k][1] or 0}
            for k, label in GiftRecipient.choices
            if k in by_recipient
        ],
        "by_donor_kind": [
            {"code": k, "label": str(label), "value": by_donor_kind[k]}
            for k, label in DonorKind.choices
            if k in by_donor_kind
        ],
        "donors": sorted(donors, key=lambda d: (-d["value"], d["donor"])),
        "by_level": [
            {"level": level, "label": paying_level_label(level), "gifts": n, "value": value or 0}
            for level, n, value in levels
        ],
    }
