"""Writes of union finance, one module per use case; every service takes ``scope`` and audits."""

from .dues import dues_month_open, dues_month_post, dues_month_reverse, dues_month_save, roll_totals
from .dues_import import dues_import
from .funds import due_after_relief, employer_month_record, employer_save, relief_add
from .ledger import entry_add, entry_reverse, spending_post, transfer_receive
from .profiles import profile_save
from .statements import (
    statement_approve,
    statement_lock,
    statement_open,
    statement_reopen,
    statement_save,
    statement_submit,
)

__all__ = [
    "due_after_relief",
    "dues_import",
    "dues_month_open",
    "dues_month_post",
    "dues_month_reverse",
    "dues_month_save",
    "employer_month_record",
    "employer_save",
    "entry_add",
    "entry_reverse",
    "profile_save",
    "relief_add",
    "roll_totals",
    "spending_post",
    "statement_approve",
    "statement_lock",
    "statement_open",
    "statement_reopen",
    "statement_save",
    "statement_submit",
    "transfer_receive",
]
