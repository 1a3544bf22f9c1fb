"""The paper sizes a PDF summary is printed on, by the name the command line and the dialog use.

Its own module so that a command that only names the sizes (the command line's ``--paper``)
does not load the PDF writer."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
