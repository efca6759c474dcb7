"""Writes of union finance, one module per use case; every service takes ``scope`` and audits."""

from .dues import dues_month_open, dues_month_post, dues_month_reverse, dues_month_save, roll_totals
from .dues_import import dues_import
from .profiles import profile_save

__all__ = [
    "dues_import",
    "dues_month_open",
    "dues_month_post",
    "dues_month_reverse",
    "dues_month_save",
    "profile_save",
    "roll_totals",
]
