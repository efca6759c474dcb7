"""Every read of the welfare module; each takes a Scope and returns only what the user may see."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date, today
from congdoan.core.money import format_vnd
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.selectors import members_in_scope
from congdoan.org.selectors import natural_order, unit_children

from .checks import approval_warnings
from .constants import UNION_FUND_KINDS, VISIT_KINDS, FundKind, HouseStage, PaymentStatus, ProgrammeKind
from .models import FundSource, HouseCase, Payment, PaymentSplit, PaymentTally, Programme, Registration


def _ancestor_paths(path: str) -> list[str]:
    parts = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def programme_list(
    *, scope: Scope, kind: str = "", q: str = "", year: int | None = None
) -> QuerySet[Programme]:
    """Programmes the user organises, or takes part in (whole subtree of an ancestor, or a chosen unit)."""
    qs = Programme.objects.select_related("owner")
    if not scope.everything:
        ancestors = sorted({a for root, _role in scope.roots for a in _ancestor_paths(root)})
        chosen = Programme.units.through.objects.filter(scope.q("unit__path"), programme_id=OuterRef("pk"))
        qs = qs.filter(
            scope.q("owner__path") | Q(whole_subtree=True, owner__path__in=ancestors) | Q(Exists(chosen))
        )
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(name__icontains=q.strip())
    if year:
        qs = qs.filter(start__year__lte=year, end__year__gte=year)
    return qs.order_by("-start", "name")


def programme_get(*, scope: Scope, pk: int) -> Programme:
    try:
        return programme_list(scope=scope).get(pk=pk)
    except Programme.DoesNotExist as exc:
        raise Http404 from exc


def fund_usage(*, scope: Scope, programme: Programme) -> list[dict]:
    """Each fund source with its budget and what approved payments (in scope) have used of it."""
    used = dict(
        scope.filter(PaymentSplit.objects.all(), "payment__unit__path")
        .filter(payment__programme=programme, payment__status=PaymentStatus.APPROVED)
        .values_list("fund_id")
        .annotate(total=Sum("amount"))
        .values_list("fund_id", "total")
    )
    return [
        {"fund": fund, "budget": fund.budget, "used": used.get(fund.pk, 0) or 0}
        for fund in programme.funds.all()
    ]


def payment_list(
    *, scope: Scope, programme: Programme | None = None, status: str = "", unit=None, q: str = ""
) -> QuerySet[Payment]:
    qs = scope.filter(Payment.objects.select_related("unit", "member", "programme"), "unit__path")
    if programme is not None:
        qs = qs.filter(programme=programme)
    if status:
        qs = qs.filter(status=status)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if q:
        qs = qs.filter(Q(member__name_folded__contains=fold(q)) | Q(member__code__iexact=q.strip()))
    return qs.annotate(is_reversed=Exists(Payment.objects.filter(reverses=OuterRef("pk"))))


def payment_get(*, scope: Scope, pk: int) -> Payment:
    try:
        return payment_list(scope=scope).get(pk=pk)
    except Payment.DoesNotExist as exc:
        raise Http404 from exc


def _effective(qs: QuerySet[Payment]) -> QuerySet[Payment]:
    """Approved or pending support that still stands: not a reversal, not reversed."""
    return qs.filter(reverses__isnull=True).exclude(Exists(Payment.objects.filter(reverses=OuterRef("pk"))))


def duplicate_warnings(*, scope: Scope, programme: Programme, payments: Sequence[Payment]) -> list[str]:
    """Warnings to read before approving ``payments``.

    - the member already got the same kind of support in an overlapping period (any programme, any unit
      in the approver's scope);
    - the member's total in this programme would exceed the programme's per-member limit;
    - an amount far from the programme's standard amount, a person paid more than once (``checks``).
    """
    member_ids = {p.member_id for p in payments if p.member_id}
    cccds = {p.worker_cccd for p in payments if not p.member_id and p.worker_cccd}
    if not member_ids and not cccds:
        return []
    mine = {p.pk for p in payments}
    others = _effective(
        scope.filter(Payment.objects.select_related("programme", "unit", "member"), "unit__path")
        .filter(
            programme__kind=programme.kind,
            programme__start__lte=programme.end,
            programme__end__gte=programme.start,
            status__in=[PaymentStatus.SUBMITTED, PaymentStatus.APPROVED],
        )
        .filter(Q(member_id__in=member_ids) | Q(member__isnull=True, worker_cccd__in=cccds))
    ).exclude(pk__in=mine)
    warnings = []
    earlier: dict = defaultdict(list)
    for other in others:
        earlier[other.member_id or other.worker_cccd].append(other)
    totals: dict = defaultdict(int)
    for p in payments:
        totals[p.member_id or p.worker_cccd] += p.amount
    for p in payments:
        key = p.member_id or p.worker_cccd
        for other in earlier.get(key, []):
            warnings.append(
                _("%(n)s đã được hỗ trợ %(a)s trong “%(p)s” (%(u)s, ngày %(d)s).")
                % {
                    "n": p.beneficiary_name,
                    "a": format_vnd(other.amount),
                    "p": other.programme.name,
                    "u": other.unit.name,
                    "d": format_date(other.paid_on),
                }
            )
    if programme.per_member_limit:
        for key, amount in totals.items():
            same = sum(o.amount for o in earlier.get(key, []) if o.programme_id == programme.pk)
            if amount + same > programme.per_member_limit:
                name = next(p.beneficiary_name for p in payments if (p.member_id or p.worker_cccd) == key)
                warnings.append(
                    _("%(n)s sẽ nhận tổng %(t)s, vượt mức tối đa %(l)s của chương trình.")
                    % {"n": name, "t": format_vnd(amount + same), "l": format_vnd(programme.per_member_limit)}
                )
    warnings += approval_warnings(programme, payments)
    return list(dict.fromkeys(warnings))


def member_candidates(*, scope: Scope, programme: Programme, q: str = "", unit=None, limit: int = 50):
    """Active members in scope (and in the programme's units) to pick as beneficiaries."""
    qs = members_in_scope(scope=scope, active=True).filter(unit__path__startswith=programme.owner.path)
    if not programme.whole_subtree:
        chosen = Q(pk__in=[])
        for u in programme.units.all():
            chosen |= Q(unit__path__startswith=u.path)
        qs = qs.filter(chosen)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if q:
        text = q.strip()
        qs = qs.filter(Q(name_folded__contains=fold(text)) | Q(code__iexact=text) | Q(cccd=text))
    already = Payment.objects.filter(programme=programme, member=OuterRef("pk"), reverses__isnull=True)
    return qs.annotate(already=Exists(already)).order_by("unit__path", "name_folded")[:limit]


def house_list(*, scope: Scope, programme: Programme | None = None) -> QuerySet[HouseCase]:
    qs = scope.filter(HouseCase.objects.select_related("unit", "programme", "member"), "unit__path")
    return qs.filter(programme=programme) if programme is not None else qs


def house_get(*, scope: Scope, pk: int) -> HouseCase:
    return scope.get_or_404(HouseCase.objects.select_related("unit", "programme"), "unit__path", pk=pk)


def registration_list(*, scope: Scope, programme: Programme | None = None, status: str = "") -> QuerySet:
    qs = scope.filter(Registration.objects.select_related("member", "unit", "programme"), "unit__path")
    if programme is not None:
        qs = qs.filter(programme=programme)
    if status:
        qs = qs.filter(status=status)
    return qs


def registration_get(*, scope: Scope, pk: int) -> Registration:
    return scope.get_or_404(
        Registration.objects.select_related("member", "unit", "programme"), "unit__path", pk=pk
    )


def open_registration_programmes() -> QuerySet[Programme]:
    """Programmes taking online applications — shown on the public page, so only name and dates are used."""
    day = today()
    return Programme.objects.filter(
        online_registration=True, status="open", start__lte=day, end__gte=day
    ).select_related("owner")


# -- figures ------------------------------------------------------------------------------------------------
# Amounts come from ``PaymentTally`` (approved money per paying unit, month and fund source) for the whole
# months of the period and from the splits themselves for the days of a partial first or last month; the
# fund source gives amounts by fund, by donor and — through its programme — by programme kind, since a
# payment's splits sum to its amount. People are one pass over the payments still standing.
def _reversed_ids() -> QuerySet:
    """IDs of payments that a reversing entry cancels (few: a NOT IN over them is a hashed lookup)."""
    return Payment.objects.filter(reverses__isnull=False).values("reverses_id")


def _standing() -> Q:
    """A payment that still stands: not itself a reversal, and not reversed."""
    return Q(reverses__isnull=True) & ~Q(pk__in=_reversed_ids())


def _approved_in(scope: Scope, unit, start: dt.date, end: dt.date, prefix: str = "") -> Q:
    lookups = {
        f"{prefix}unit__path__startswith": unit.path,
        f"{prefix}status": PaymentStatus.APPROVED,
        f"{prefix}paid_on__gte": start,
        f"{prefix}paid_on__lte": end,
    }
    return scope.q(f"{prefix}unit__path") & Q(**lookups)


def _whole_months(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first day of the first whole month in ``start``..``end`` and the day after the last one."""
    first = start if start.day == 1 else (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    after = end + dt.timedelta(days=1)
    stop = after if after.day == 1 else after.replace(day=1)
    return (first, stop) if first < stop else None


def _amounts(scope: Scope, unit, start: dt.date, end: dt.date, *keys: str) -> dict[tuple, int]:
    """Approved money of ``unit``'s subtree paid in ``start``..``end``, summed per ``keys``.

    ``keys`` are lookups valid from both a tally cell and a split: "unit_id", "fund_id", "fund__kind".
    """
    totals: dict[tuple, int] = defaultdict(int)
    months = _whole_months(start, end)
    edges = [(start, end)]
    if months is not None:
        first, stop = months
        cells = (
            PaymentTally.objects.filter(
                scope.q("unit__path"), unit__path__startswith=unit.path, month__gte=first, month__lt=stop
            )
            .values_list(*keys)
            .annotate(total=Sum("amount"))
            .order_by()
        )
        for *key, total in cells:
            totals[tuple(key)] += total or 0
        edges = [(a, b) for a, b in ((start, first - dt.timedelta(days=1)), (stop, end)) if a <= b]
    if edges:
        # Both partial months in one query: one pass over the splits, not two.
        days = Q()
        for a, b in edges:
            days |= Q(payment__paid_on__gte=a, payment__paid_on__lte=b)
        split_keys = [f"payment__{k}" if k == "unit_id" else k for k in keys]
        splits = (
            PaymentSplit.objects.filter(_approved_in(scope, unit, start, end, "payment__"), days)
            .values_list(*split_keys)
            .annotate(total=Sum("amount"))
            .order_by()
        )
        for *key, total in splits:
            totals[tuple(key)] += total or 0
    return totals


def _by_fund(scope: Scope, unit, start: dt.date, end: dt.date) -> list[tuple[FundSource, int]]:
    rows = {fund_id: total for (fund_id,), total in _amounts(scope, unit, start, end, "fund_id").items()}
    funds = FundSource.objects.filter(pk__in=list(rows)).select_related("programme")
    return [(fund, rows[fund.pk]) for fund in funds]


def welfare_figures(*, scope: Scope, unit, start: dt.date, end: dt.date) -> dict:
    """The welfare figures of ``unit``'s subtree over ``start``..``end`` (approved payments, net of reversals).

    Every amount is a sum of approved payments (reversals included), so the parts always add up to the total.
    """
    if not scope.filter(type(unit).objects.filter(pk=unit.pk)).exists():
        raise Http404
    by_kind: dict[str, int] = defaultdict(int)
    by_fund_kind: dict[str, int] = defaultdict(int)
    by_donor: dict[str, int] = defaultdict(int)
    for fund, amount in _by_fund(scope, unit, start, end):
        by_kind[fund.programme.kind] += amount
        by_fund_kind[fund.kind] += amount
        if fund.kind == FundKind.DONATION:
            by_donor[fund.donor_name] += amount
    standing = Payment.objects.filter(_approved_in(scope, unit, start, end)).filter(_standing())
    visit_programmes = list(Programme.objects.filter(kind__in=VISIT_KINDS).values_list("pk", flat=True))
    people = standing.aggregate(
        members=Count("member_id", distinct=True),
        workers=Count("worker_cccd", distinct=True, filter=Q(member__isnull=True)),
        visits=Count("id", filter=Q(programme_id__in=visit_programmes)),
    )
    total = sum(by_kind.values())
    donations = by_fund_kind.get(FundKind.DONATION, 0)
    union = sum(by_fund_kind.get(k, 0) for k in UNION_FUND_KINDS)
    houses = scope.filter(HouseCase.objects.all(), "unit__path").filter(
        unit__path__startswith=unit.path, approved_on__gte=start, approved_on__lte=end
    )
    house_rows = (
        houses.values("work", "stage").annotate(n=Count("id"), total=Sum("approved_amount")).order_by()
    )
    registrations = (
        scope.filter(Registration.objects.all(), "unit__path")
        .filter(unit__path__startswith=unit.path, registered_on__gte=start, registered_on__lte=end)
        .count()
    )
    return {
        "unit": unit,
        "start": start,
        "end": end,
        "members_supported": people["members"] + people["workers"],
        "amount_total": total,
        "by_kind": [
            (k, str(ProgrammeKind(k).label), by_kind[k]) for k in ProgrammeKind.values if k in by_kind
        ],
        "by_fund": [
            (k, str(FundKind(k).label), by_fund_kind[k]) for k in FundKind.values if k in by_fund_kind
        ],
        "union_total": union,
        "donation_total": donations,
        "donation_share": round(100 * donations / total, 1) if total else 0.0,
        "donors": [
            {"donor": name, "amount": amount}
            for name, amount in sorted(by_donor.items(), key=lambda item: (-item[1], item[0]))
        ],
        "houses": sum(r["n"] for r in house_rows),
        "houses_handed_over": sum(r["n"] for r in house_rows if r["stage"] == HouseStage.HANDED_OVER),
        "houses_new": sum(r["n"] for r in house_rows if r["work"] == "new"),
        "houses_repair": sum(r["n"] for r in house_rows if r["work"] == "repair"),
        "house_amount": sum(r["total"] or 0 for r in house_rows),
        "visits": people["visits"],
        "registrations": registrations,
    }


def welfare_figures_children(*, scope: Scope, unit, start: dt.date, end: dt.date) -> list[dict]:
    """One row per direct child of ``unit`` (current tree): amount, donations, people supported.

    Amounts and donations from the monthly tally (plus the splits of partial months), people from one pass
    over the standing payments, grouped by the paying unit. People are counted distinct per unit and added up per child (a member paid in two units of the same child
    within the period would count twice there).
    """
    children = natural_order(unit_children(scope=scope, unit=unit, on=end))
    rows = [{"unit": child, "amount": 0, "donations": 0, "people": 0, "is_self": False} for child in children]
    own = {"unit": unit, "amount": 0, "donations": 0, "people": 0, "is_self": True}
    if not children:
        return []
    people = dict(
        Payment.objects.filter(_approved_in(scope, unit, start, end))
        .filter(_standing())
        .values("unit_id")
        .annotate(people=Count("member_id", distinct=True))
        .order_by()
        .values_list("unit_id", "people")
    )
    per_unit: dict[int, dict] = defaultdict(lambda: {"total": 0, "donations": 0, "people": 0})
    for (unit_id, kind), total in _amounts(scope, unit, start, end, "unit_id", "fund__kind").items():
        per_unit[unit_id]["total"] += total
        if kind == FundKind.DONATION:
            per_unit[unit_id]["donations"] += total
    for unit_id, n in people.items():
        per_unit[unit_id]["people"] += n
    paths = dict(type(unit).objects.filter(path__startswith=unit.path).values_list("id", "path"))
    for unit_id, row in per_unit.items():
        path = paths.get(unit_id, unit.path)
        target = next((r for r in rows if path.startswith(r["unit"].path)), own)
        target["amount"] += row["total"]
        target["donations"] += row["donations"]
        target["people"] += row["people"]
    return rows + ([own] if own["amount"] else [])


def member_payments(*, scope: Scope, member) -> QuerySet[Payment]:
    """Every payment to one person that the user may see, oldest first (a member's personal data export)."""
    qs = Payment.objects.filter(member=member).select_related("programme", "unit")
    return scope.filter(qs, "unit__path").order_by("paid_on", "pk")
