"""Union finance: dated rule tables, the dues roll, the employers' fund, the ledger, budgets and settlements.

Money is integer đồng. Every rate, cap, split and norm is a dated row (seeded by a data migration), never a
constant in code; amounts are rounded half up to the đồng (``finance.rules.round_vnd``).
"""

from .dues import DuesLine, DuesMonth, UnitDuesProfile
from .funds import Employer, EmployerMonth, Relief
from .ledger import LedgerEntry, Transfer
from .rules import BaseSalary, DuesRate, FundRate, SpendingNorm, Split
from .statements import Statement, StatementLine

__all__ = [
    "BaseSalary",
    "DuesLine",
    "DuesMonth",
    "DuesRate",
    "Employer",
    "EmployerMonth",
    "FundRate",
    "LedgerEntry",
    "Relief",
    "SpendingNorm",
    "Split",
    "Statement",
    "StatementLine",
    "Transfer",
    "UnitDuesProfile",
]
