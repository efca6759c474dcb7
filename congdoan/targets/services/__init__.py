"""Writes of aggregate reporting: catalogue, targets, reports and their workflow, roll-ups, Excel imports.

One module per use case; callers import from here (``from congdoan.targets import services``).
"""

from ._common import SYSTEM, report_period, require_admin
from .catalogue import form_save, indicator_save
from .form_catalogue import report_form_edit, rule_delete, rule_save
from .imports import report_import_excel, target_import_excel
from .notices import reminders_send, report_notify
from .reports import (
    report_approve,
    report_open,
    report_reopen,
    report_return,
    report_save_draft,
    report_submit,
)
from .rollups import counts_in_rollup, rollup_apply, rollup_rebuild, rollups_shift_subtree
from .targets import target_assign

__all__ = [
    "SYSTEM",
    "counts_in_rollup",
    "form_save",
    "indicator_save",
    "reminders_send",
    "report_approve",
    "report_form_edit",
    "report_import_excel",
    "report_open",
    "report_period",
    "report_reopen",
    "report_notify",
    "report_return",
    "report_save_draft",
    "report_submit",
    "require_admin",
    "rollup_apply",
    "rollup_rebuild",
    "rollups_shift_subtree",
    "rule_delete",
    "rule_save",
    "target_assign",
    "target_import_excel",
]
