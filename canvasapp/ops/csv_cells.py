"""Cells a spreadsheet would run as formulas, made inert on export and exact again on import.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
after a tab or carriage return), so a note reading ``=HYPERLINK("http://…","click")`` becomes a
live link, or worse, when the file is opened. OWASP's advice: start such a cell with an
apostrophe, which spreadsheets show as plain text.

The apostrophe is added only where it defuses something, and also to text that already starts
with apostrophes before such a character, so reading it back is exact: one leading apostrophe
is removed exactly when the rest would have needed one.
"""

from __future__ import annotations

import re

#: What spreadsheets treat as the start of a formula (OWASP "CSV Injection").
FORMULA_STARTS = "=+-@\t\r"

_NEEDS_DEFUSING = re.compile(r"'*[" + re.escape(FORMULA_STARTS) + "]")
_DEFUSED = re.compile(r"'+[" + re.escape(FORMULA_STARTS) + "]")


def defuse(cell: str) -> str:
    """The cell as written to a CSV file that a spreadsheet may open."""
    return "'" + cell if _NEEDS_DEFUSING.match(cell) else cell


def undefuse(cell: str) -> str:
    """The text :func:`defuse` was given (its inverse on everything it writes)."""
    return cell[1:] if _DEFUSED.match(cell) else cell
