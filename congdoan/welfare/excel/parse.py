"""From cell texts to values: the fund-source columns of a programme and the money amounts of each row."""

from __future__ import annotations

from congdoan.core.money import parse_amount
from congdoan.core.text import fold

from ..models import FundSource, Programme
from .reader import read_recipient_rows


def _fund_columns(programme: Programme) -> dict[str, FundSource]:
    """Header texts naming a fund source: its label, or for a donation just the donor's name."""
    columns = {}
    for fund in programme.funds.all():
        columns[fold(str(fund))] = fund
        columns[fold(fund.donor_name or fund.get_kind_display())] = fund
    return columns


def _money(text: str) -> int:
    """The shared parser: "1.000.000", "1 000 000", "1000000 đ"; a decimal, text or above 10^12 is refused."""
    return parse_amount(text)


def recipient_rows(data: bytes, programme: Programme) -> list[dict]:
    """The rows of an uploaded list for ``programme``'s import, money parsed.

    Each row keeps its sheet row number and texts; "amount" becomes an int (None when empty), "funds"
    [(fund, int)], and "bad_amount" says a money cell was not a number (the import names that row).
    """
    rows = read_recipient_rows(data, _fund_columns(programme))
    for row in rows:
        try:
            row["amount"] = _money(row["amount"]) if row["amount"] else None
            row["funds"] = [(f, _money(v)) for f, v in row["funds"]]
            row["bad_amount"] = False
        except ValueError:
            row["amount"], row["funds"], row["bad_amount"] = None, [], True
        if row["amount"] is not None and row["amount"] <= 0 and not row["bad_amount"]:
            row["amount"], row["funds"], row["bad_amount"] = None, [], True
    return rows
