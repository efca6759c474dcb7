"""Reads of aggregate reporting. Every function takes a Scope; anything outside it is 404.

One module per subject; callers import from here (``from congdoan.targets import selectors``).
"""

from .catalogue import form_get, form_list, indicator_list
from .completeness import NOW, THEN, CompletenessRow, completeness, reports_due_between, reports_due_by_child
from .evaluation import TargetResult, evaluate_unit, evaluation, headline, judge
from .reports import (
    current_period,
    deadline_of,
    inbox,
    inbox_count,
    is_late,
    report_get,
    report_list,
    report_rows,
    unit_reports_of_year,
)
from .rollups import (
    Figure,
    aggregate_below,
    children_aggregate,
    combine,
    rollup_brute,
    rollup_stored,
    rollup_view,
    unit_figures,
    unit_figures_many,
)
from .targets import target_grid, targets_received

__all__ = [
    "NOW",
    "THEN",
    "CompletenessRow",
    "Figure",
    "TargetResult",
    "aggregate_below",
    "children_aggregate",
    "combine",
    "completeness",
    "current_period",
    "deadline_of",
    "evaluate_unit",
    "evaluation",
    "form_get",
    "form_list",
    "headline",
    "inbox",
    "inbox_count",
    "indicator_list",
    "is_late",
    "judge",
    "report_get",
    "report_list",
    "unit_reports_of_year",
    "report_rows",
    "reports_due_between",
    "reports_due_by_child",
    "rollup_brute",
    "rollup_stored",
    "rollup_view",
    "target_grid",
    "targets_received",
    "unit_figures",
    "unit_figures_many",
]
