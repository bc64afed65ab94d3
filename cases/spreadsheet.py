"""Spreadsheet-safe cells for every CSV/XLSX the product writes (formula injection, CWE-1236).

Subjects, titles and names come from requesters and e-mail: a cell starting with '=', '+', '@',
'-', a tab or carriage return (a negative number or a list dash excepted) would run as a formula when the file is
opened in Excel or LibreOffice (``=HYPERLINK(...)``, DDE). In CSV a leading apostrophe keeps it
text; in XLSX the cell is stored as a typed string, which a spreadsheet never evaluates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Full-width forms are folded to ASCII by some spreadsheet imports, so they count as well.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff20", "\uff0d")
# Kept as they are: a plain negative number ("-12", "-3,5") and a list dash before plain words
# ("- concept"); "-2+3+cmd|' /C calc'!A0", "-A1" and "- SUM(A1)" are formulas.
_PLAIN_DASH = re.compile(r"-\d+(?:[.,]\d+)?|- [^-=+@(|!]*")


def spreadsheet_safe(value: str) -> str:
    """The text as it should stand in a CSV cell: formulas prefixed with an apostrophe."""
    if value.startswith(_FORMULA_START) and not _PLAIN_DASH.fullmatch(value):
        return "'" + value
    return value


def safe_cell(value):
    """Any CSV cell value: strings made safe, numbers and None left as they are."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def safe_row(values: Iterable) -> list:
    return [safe_cell(v) for v in values]


def xlsx_cell(ws, value):
    """A cell for ``ws.append`` (normal or write-only sheet): strings always stored as text.

    openpyxl turns any string starting with '=' into a formula; a typed string cell is never
    evaluated by a spreadsheet, so the text stays exactly what was written."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_row(ws, values: Iterable) -> list:
    return [xlsx_cell(ws, v) for v in values]
