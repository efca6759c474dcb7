"""Spreadsheet documents: a titled sheet with the administrative header rows, then a table, via core.xlsx."""

from __future__ import annotations

from congdoan.core.xlsx import Workbook


def write_header(book: Workbook, sheet, header: dict) -> int:
    """Write the header rows (issuer names, number, nation, motto, place/date line); return the next free row."""
    bold = book.format(bold=True)
    book.write(sheet, 0, 0, header["issuer_parent_upper"])
    book.write(sheet, 1, 0, header["issuer_upper"], bold)
    if header["number_line"]:
        book.write(sheet, 2, 0, header["number_line"])
    book.write(sheet, 0, 3, header["nation"], bold)
    book.write(sheet, 1, 3, header["motto"], bold)
    book.write(sheet, 2, 3, header["date_line"], book.format(italic=True))
    return 4


def titled_sheet(
    book: Workbook, name: str, *, header: dict, title: str, subtitle: str = ""
) -> tuple[object, int]:
    """A sheet headed like a printed document; returns it and the next free row."""
    sheet = book.add_sheet(name)
    row = write_header(book, sheet, header)
    book.write(sheet, row, 0, title, book.format(bold=True))
    if subtitle:
        book.write(sheet, row + 1, 0, subtitle)
    return sheet, row + 3
