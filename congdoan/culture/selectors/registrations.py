"""Reads of registrations, their self-assessment, evidence and recognitions, always through a Scope."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from congdoan.core.scoping import Scope

from ..eligibility import Eligibility, PastRecognition, YearResult, judge
from ..models import Evidence, Recognition, Registration
from .catalogue import criteria_counts, criteria_for, rule_for


def registration_list(
    *, scope: Scope, year: int | None = None, unit=None, culture_type: str = ""
) -> QuerySet[Registration]:
    qs = scope.filter(
        Registration.objects.select_related("unit", "unit__kind", "recognition"), "unit__path"
    ).annotate(n_met=Count("assessments", filter=Q(assessments__met=True)))
    if year:
        qs = qs.filter(year=year)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if culture_type:
        qs = qs.filter(culture_type=culture_type)
    return qs.order_by("-year", "unit__name", "id")


def registration_get(*, scope: Scope, pk: int) -> Registration:
    return scope.get_or_404(Registration.objects.select_related("unit", "unit__kind"), "unit__path", pk=pk)


def evidence_get(*, scope: Scope, pk: int) -> Evidence:
    return scope.get_or_404(
        Evidence.objects.select_related("registration"), "registration__unit__path", pk=pk
    )


def recognition_list(*, scope: Scope, unit=None, year: int | None = None) -> QuerySet[Recognition]:
    qs = scope.filter(Recognition.objects.select_related("unit", "authority", "registration"), "unit__path")
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("-issued_on", "id")


def recognition_get(*, scope: Scope, pk: int) -> Recognition:
    return scope.get_or_404(
        Recognition.objects.select_related("unit", "authority", "registration"), "unit__path", pk=pk
    )


def assessment_grid(registration: Registration) -> list[dict]:
    """One row per criterion in force for the registration's year and title, with what was recorded."""
    recorded = {a.criterion_id: a for a in registration.assessments.all()}
    rows = []
    for criterion in criteria_for(culture_type=registration.culture_type, year=registration.year):
        assessment = recorded.get(criterion.pk)
        rows.append(
            {
                "criterion": criterion,
                "met": bool(assessment and assessment.met),
                "note": assessment.note if assessment else "",
                "evidence": [e for e in registration.evidence.all() if e.criterion_id == criterion.pk],
            }
        )
    return rows


def unit_history(unit_ids) -> tuple[dict[int, dict[int, YearResult]], dict[int, list[PastRecognition]]]:
    """For each unit: its yearly results and its recognitions (unscoped: the caller has checked access)."""
    regs = list(
        Registration.objects.filter(unit_id__in=unit_ids)
        .annotate(n_met=Count("assessments", filter=Q(assessments__met=True)))
        .values_list("unit_id", "year", "culture_type", "n_met")
    )
    counts = criteria_counts(year for _u, year, _t, _m in regs)
    results: dict[int, dict[int, YearResult]] = {}
    for unit_id, year, culture_type, n_met in regs:
        results.setdefault(unit_id, {})[year] = YearResult(
            culture_type, n_met, counts.get((culture_type, year), 0)
        )
    recognitions: dict[int, list[PastRecognition]] = {}
    rows = Recognition.objects.filter(unit_id__in=unit_ids).values_list(
        "unit_id", "year", "culture_type", "revoked_on"
    )
    for unit_id, year, culture_type, revoked_on in rows:
        recognitions.setdefault(unit_id, []).append(
            PastRecognition(year, culture_type, revoked_on.year if revoked_on else None)
        )
    return results, recognitions


def eligibility_of(registration: Registration) -> Eligibility:
    """Whether the registration's unit may be recognised for its year (see ``eligibility.judge``)."""
    results, recognitions = unit_history([registration.unit_id])
    return judge(
        year=registration.year,
        culture_type=registration.culture_type,
        results=results.get(registration.unit_id, {}),
        recognitions=recognitions.get(registration.unit_id, []),
        rule=rule_for(registration.year),
    )
