"""Pages of targets and periodic reports. Thin: parse, call a selector or service, render."""

from .assignment import targets
from .catalogue import indicator_edit, indicator_list
from .form_catalogue import form_edit, form_list, rule_delete, rule_edit
from .reports import inbox, index, report_detail, report_export, report_import, report_open, report_review
from .rollups import completeness, evaluation, rollup

__all__ = [
    "completeness",
    "evaluation",
    "form_edit",
    "form_list",
    "inbox",
    "index",
    "indicator_edit",
    "indicator_list",
    "report_detail",
    "report_export",
    "report_import",
    "report_open",
    "report_review",
    "rollup",
    "rule_delete",
    "rule_edit",
    "targets",
]
