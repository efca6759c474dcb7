"""Reads of the culture-standard recognition (``catalogue``, ``registrations``, ``figures``)."""

from .catalogue import (
    authorities_on,
    authority_list,
    criteria_counts,
    criteria_for,
    criterion_list,
    rule_for,
    year_end,
)
from .figures import FILTERS, culture_figures, grassroots_in, in_force_q, share, status_day, union_rows
from .registrations import (
    assessment_grid,
    eligibility_of,
    evidence_get,
    recognition_get,
    recognition_list,
    registration_get,
    registration_list,
    unit_history,
)

__all__ = [
    "FILTERS",
    "assessment_grid",
    "authorities_on",
    "authority_list",
    "criteria_counts",
    "criteria_for",
    "criterion_list",
    "culture_figures",
    "eligibility_of",
    "evidence_get",
    "grassroots_in",
    "in_force_q",
    "recognition_get",
    "recognition_list",
    "registration_get",
    "registration_list",
    "rule_for",
    "share",
    "status_day",
    "union_rows",
    "unit_history",
    "year_end",
]
