"""The one Excel writer: every export goes through it so that text is never read as a formula.

A string cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written as text
(xlsxwriter ``write_string``, never ``write_formula``); numbers stay numbers, dates get dd/mm/yyyy and
whole VND amounts ``#,##0``.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import xlsxwriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "#,##0"


# xlsxwriter options no export may turn back on: text is never turned into a formula, a number or a link.
SAFE_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}


def xlsxwriter_book(target, **options) -> xlsxwriter.Workbook:
    """A raw xlsxwriter workbook for exports that stream rows themselves (constant memory): ``write()``
    on its sheets writes any string as text. Every xlsxwriter workbook of the project is made here."""
    return xlsxwriter.Workbook(target, {**options, **SAFE_OPTIONS})


def print_layout(sheet, *, header_row: int, first_col: int = 0, landscape: bool = True) -> None:
    """How every exported table reads on screen and on paper: the header (and ``first_col`` columns) stay
    in view while scrolling, the header repeats on every printed page, A4, as wide as one page."""
    sheet.freeze_panes(header_row + 1, first_col)
    sheet.repeat_rows(0, header_row)
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def set_text(cell, value) -> None:
    """Put ``value`` in an openpyxl cell as text even when it starts like a formula ("=…")."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


class Workbook:
    """An in-memory xlsxwriter workbook whose ``write`` never produces a formula."""

    def __init__(self):
        self._buffer = io.BytesIO()
        self.book = xlsxwriter_book(self._buffer, in_memory=True)
        self._formats: dict[tuple, object] = {}

    def format(self, **props):
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(props)
        return self._formats[key]

    def add_sheet(self, name: str):
        return self.book.add_worksheet(name[:31])

    def write(self, sheet, row: int, col: int, value, fmt=None, *, money: bool = False, **props):
        """Write one cell by its Python type; strings are always text."""
        if money:
            props.setdefault("num_format", MONEY_FORMAT)
        if value is None or value == "":
            return sheet.write_blank(row, col, None, self.format(**props) if props else fmt)
        if isinstance(value, bool):
            return sheet.write_boolean(row, col, value, fmt or (self.format(**props) if props else None))
        if isinstance(value, int | float | Decimal):
            return sheet.write_number(
                row, col, float(value), fmt or (self.format(**props) if props else None)
            )
        if isinstance(value, dt.datetime | dt.date):
            props.setdefault("num_format", DATE_FORMAT)
            if not isinstance(value, dt.datetime):
                value = dt.datetime.combine(value, dt.time())
            return sheet.write_datetime(row, col, value, fmt or self.format(**props))
        return sheet.write_string(row, col, str(value), fmt or (self.format(**props) if props else None))

    def write_row(self, sheet, row: int, values, **props) -> None:
        for col, value in enumerate(values):
            self.write(sheet, row, col, value, **props)

    def write_table(self, sheet, row: int, headers, rows, *, money_cols=(), border: bool = True) -> int:
        """Write a bordered table with a bold header; return the next free row."""
        extra = {"border": 1} if border else {}
        head = self.format(bold=True, align="center", text_wrap=True, **extra)
        print_layout(sheet, header_row=row)
        for col, text in enumerate(headers):
            self.write(sheet, row, col, text, head)
        for values in rows:
            row += 1
            for col, value in enumerate(values):
                self.write(sheet, row, col, value, money=col in money_cols, **extra)
        return row + 1

    def close(self) -> bytes:
        self.book.close()
        return self._buffer.getvalue()


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(FORMULA_STARTS)
