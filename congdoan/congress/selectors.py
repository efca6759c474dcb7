"""Reads of the congress module, always through a Scope (objects outside it are 404)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.http import Http404

from congdoan.core.dates import today
from congdoan.core.money import share as share_of
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from .constants import BodyKind, PlanState, SeatRole
from .models import Congress, CongressPlan, PlanDeadline, Seat, Term

PATH = "unit__path"


def congress_list(*, scope: Scope, unit: Unit | None = None, year: int | None = None) -> QuerySet[Congress]:
    """Congresses of units in scope (within ``unit``'s subtree when given), the latest first."""
    qs = scope.filter(Congress.objects.select_related("unit", "unit__kind", "term", "plan"), PATH)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if year:
        qs = qs.filter(term__start_year=year)
    return qs.order_by(F("held_on").desc(nulls_first=True), "unit__name", "-ordinal")


def congress_get(*, scope: Scope, pk: int) -> Congress:
    return scope.get_or_404(
        Congress.objects.select_related("unit", "unit__kind", "term", "plan"), PATH, pk=pk
    )


def term_get(*, scope: Scope, pk: int) -> Term:
    return scope.get_or_404(Term.objects.select_related("unit", "unit__kind"), PATH, pk=pk)


def terms_of(*, scope: Scope, unit: Unit) -> QuerySet[Term]:
    """A unit's terms, the latest first, with their congress when there is one."""
    return scope.filter(Term.objects.filter(unit=unit).select_related("congress"), PATH).order_by(
        "-start_year"
    )


def seat_get(*, scope: Scope, pk: int) -> Seat:
    return scope.get_or_404(
        Seat.objects.select_related("body", "body__term", "body__term__unit", "member", "post"),
        "body__term__unit__path",
        pk=pk,
    )


def bodies_of(*, term: Term) -> list[tuple[str, str, list[Seat]]]:
    """(kind, label, seats) of each body of the term, in the order of ``BodyKind``."""
    seats = list(Seat.objects.filter(body__term=term).select_related("body", "member", "member__unit"))
    from_kind: dict[str, list[Seat]] = {}
    for seat in seats:
        from_kind.setdefault(seat.body.kind, []).append(seat)
    return [(kind, label, from_kind.get(kind, [])) for kind, label in BodyKind.choices]


def _visible_plans(scope: Scope) -> QuerySet[CongressPlan]:
    """Plans of units in scope, and those of the levels above the user's units (what they must do, shown for
    their part of the tree only: the plan's unit list is scoped)."""
    qs = CongressPlan.objects.select_related("owner", "owner__kind")
    if scope.everything:
        return qs
    above = {int(part) for path, _role in scope.roots for part in path.strip("/").split("/") if part}
    return qs.filter(scope.q("owner__path") | Q(owner_id__in=above))


def plan_list(*, scope: Scope) -> QuerySet[CongressPlan]:
    return _visible_plans(scope).order_by("-term_start", "owner__path")


def plan_get(*, scope: Scope, pk: int) -> CongressPlan:
    try:
        return _visible_plans(scope).get(pk=pk)
    except CongressPlan.DoesNotExist as exc:
        raise Http404 from exc


def plan_deadlines(*, plan: CongressPlan) -> list[PlanDeadline]:
    return list(plan.deadlines.select_related("unit_kind").order_by("deadline", "unit_kind__level"))


def plans_above(*, unit: Unit) -> QuerySet[CongressPlan]:
    """The plans of the levels above ``unit`` setting a deadline for its kind (what it must do, by when)."""
    return (
        CongressPlan.objects.filter(owner_id__in=unit.ancestor_ids(), deadlines__unit_kind_id=unit.kind_id)
        .annotate(deadline=F("deadlines__deadline"))
        .select_related("owner")
        .order_by("-term_start")
    )


def plan_units(
    *, scope: Scope, plan: CongressPlan, state: str = "", kind: str = "", within: Unit | None = None
) -> QuerySet[Unit]:
    """The units below the plan's owner that must hold a congress in the round (active, of a kind with a
    deadline, founded by that deadline), each annotated with ``deadline``, ``congress_id``, ``held_on``,
    ``planned_on`` and ``state`` (a ``PlanState``); only those in ``within``'s subtree when given."""
    deadlines = PlanDeadline.objects.filter(plan=plan, unit_kind_id=OuterRef("kind_id")).values("deadline")[
        :1
    ]
    congress = Congress.objects.filter(unit_id=OuterRef("pk"), term__start_year=plan.term_start)
    day = today()
    qs = (
        scope.filter(org_selectors.units_below(within or plan.owner))
        .filter(path__startswith=plan.owner.path)
        .exclude(pk=plan.owner_id)
        .filter(status=UnitStatus.ACTIVE, kind_id__in=plan.deadlines.values("unit_kind_id"))
        .annotate(
            deadline=Subquery(deadlines),
            congress_id=Subquery(congress.values("pk")[:1]),
            held_on=Subquery(congress.values("held_on")[:1]),
            planned_on=Subquery(congress.values("planned_on")[:1]),
        )
        .filter(founded_on__lte=F("deadline"))
        .annotate(
            state=Case(
                When(held_on__isnull=False, held_on__lte=F("deadline"), then=Value(PlanState.HELD)),
                When(held_on__isnull=False, then=Value(PlanState.HELD_LATE)),
                When(deadline__lt=day, then=Value(PlanState.LATE)),
                default=Value(PlanState.PENDING),
                output_field=CharField(),
            )
        )
    )
    if state in PlanState.values:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind__code=kind)
    return qs.order_by("deadline", "kind__level", "name")


@dataclass(frozen=True)
class Progress:
    """How far a round has come for one kind of unit (or all grassroots unions)."""

    label: str
    total: int
    held: int
    held_late: int
    late: int
    pending: int

    @property
    def done(self) -> int:
        return self.held + self.held_late

    @property
    def share(self):
        return share_of(self.done, self.total)

    @property
    def share_display(self) -> str:
        """“47,99 %” (or “—” for no unit)."""
        share = self.share
        return "—" if share is None else f"{share:.2f}".replace(".", ",") + " %"


def plan_progress(*, scope: Scope, plan: CongressPlan, within: Unit | None = None) -> dict:
    """Counts per kind and for all grassroots unions: {"kinds": [Progress], "grassroots": Progress}."""
    rows = (
        plan_units(scope=scope, plan=plan, within=within)
        .order_by()
        .values("kind__name", "kind__is_grassroots", "kind__level", "state")
        .annotate(n=Count("id"))
    )
    kinds: dict[str, dict] = {}
    grassroots: dict[str, int] = {}
    for row in rows:
        entry = kinds.setdefault(row["kind__name"], {"level": row["kind__level"]})
        entry[row["state"]] = entry.get(row["state"], 0) + row["n"]
        if row["kind__is_grassroots"]:
            grassroots[row["state"]] = grassroots.get(row["state"], 0) + row["n"]

    def progress(label: str, counts: dict) -> Progress:
        return Progress(
            label=label,
            total=sum(counts.get(s, 0) for s in PlanState.values),
            held=counts.get(PlanState.HELD, 0),
            held_late=counts.get(PlanState.HELD_LATE, 0),
            late=counts.get(PlanState.LATE, 0),
            pending=counts.get(PlanState.PENDING, 0),
        )

    ordered = sorted(kinds.items(), key=lambda item: (item[1]["level"], item[0]))
    return {
        "kinds": [progress(name, counts) for name, counts in ordered],
        "grassroots": progress("", grassroots),
    }


def round_for(*, unit: Unit, year: int) -> CongressPlan | None:
    """The round governing ``unit``'s subtree in ``year``: the latest plan of the unit or of a level above
    whose term starts by the next year (congresses precede their term), the closest level first."""
    return (
        CongressPlan.objects.filter(owner_id__in=[*unit.ancestor_ids(), unit.pk], term_start__lte=year + 1)
        .select_related("owner")
        .order_by("-term_start", "-owner__depth")
        .first()
    )


def round_grassroots(*, scope: Scope, plan: CongressPlan, within: Unit, upto) -> tuple[int, int]:
    """(held by ``upto``, must hold) among the grassroots unions of ``within``'s subtree in the round."""
    units = plan_units(scope=scope, plan=plan, within=within).filter(kind__is_grassroots=True)
    return units.filter(held_on__lte=upto).count(), units.count()


def unit_leaders(*, unit: Unit, on) -> list[tuple[str, str]]:
    """(role, full name) of the chair and the vice-chairs of ``unit``'s executive committee in office on ``on``
    (the latest term that took office by then; a term without that date counts from its first year), the
    chair first. Empty when no term or no seat is recorded. The caller has loaded ``unit`` in its scope."""
    term = (
        Term.objects.filter(unit=unit)
        .filter(Q(took_office__lte=on) | Q(took_office__isnull=True, start_year__lte=on.year))
        .order_by("-start_year")
        .first()
    )
    if term is None:
        return []
    seats = Seat.objects.filter(
        body__term=term, body__kind=BodyKind.EXECUTIVE, role__in=[SeatRole.CHAIR, SeatRole.VICE_CHAIR]
    ).order_by("rank", "id")
    return [(seat.role, seat.full_name) for seat in seats]
