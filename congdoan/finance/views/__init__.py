"""Finance pages (thin: load in scope, run the service through run_form, render)."""

from .dues import profile, roll, roll_import, roll_open, roll_post, roll_reverse
from .funds import employer, employer_edit, relief_new
from .index import index
from .ledger import entry_reverse, ledger, transfer_receive
from .statements import (
    statement,
    statement_approve,
    statement_lock,
    statement_open,
    statement_reopen,
    statement_submit,
)

__all__ = [
    "employer",
    "employer_edit",
    "entry_reverse",
    "index",
    "ledger",
    "profile",
    "relief_new",
    "roll",
    "roll_import",
    "roll_open",
    "roll_post",
    "roll_reverse",
    "statement",
    "statement_approve",
    "statement_lock",
    "statement_open",
    "statement_reopen",
    "statement_submit",
    "transfer_receive",
]
