"""Text in a box: the largest font size in which it fits, else the smallest legible size with
the text cut by "…" (lane prompts); notes keep one size (the board reads evenly) and grow
instead, measured by :func:`note_text_height`. Wrapping that only ever shortens at the end:
:func:`wrapped_lines`."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

from canvasapp.ui.look.fonts import app_font

ELLIPSIS = "…"
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


def fitted_font(area: QRectF, text: str, largest: int, smallest: int) -> tuple[QFont, str]:
    """The largest font (in pixels, ``smallest``..``largest``) in which ``text`` fits
    ``area``, and the text as shown in it (cut with "…" when even ``smallest`` is too large)."""
    if fits(font_px(largest), area, text):
        return font_px(largest), text
    if not fits(font_px(smallest), area, text):
        return font_px(smallest), elide(font_px(smallest), area, text)
    low, high = smallest, largest - 1  # low fits, largest does not
    while low < high:
        middle = (low + high + 1) // 2
        if fits(font_px(middle), area, text):
            low = middle
        else:
            high = middle - 1
    return font_px(low), text


@cache
def font_px(pixel_size: int) -> QFont:
    return app_font(pixel_size)


def fits(font: QFont, area: QRectF, text: str) -> bool:
    needed = QFontMetricsF(font).boundingRect(area, WRAP, text)
    return needed.height() <= area.height() and needed.width() <= area.width() + 0.5


def elide(font: QFont, area: QRectF, text: str) -> str:
    """The longest start of ``text`` that fits with "…" after it (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(font, area, text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def wrapped_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at word boundaries (anywhere in a word
    too long for a line); past ``max_lines`` (0: no limit) the last line ends in "…": a text
    is only ever shortened at its end."""
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in (text.strip() or " ").split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            lines.append(paragraph[line.textStart(): line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        if not last.endswith(ELLIPSIS):
            last = metrics.elidedText(last, Qt.TextElideMode.ElideRight, width - metrics.horizontalAdvance(ELLIPSIS)) + ELLIPSIS
        lines = [*lines[: max_lines - 1], last]
    return lines


#: The one size of note text on the board (at 100% zoom).
NOTE_TEXT_PX = 26


def note_text_height(text: str, width: float) -> float:
    """How tall ``text`` is wrapped to ``width`` at the board's note text size (what a note
    needs to show it whole; see :mod:`canvasapp.ops.note_growth`)."""
    area = QRectF(0, 0, width, 1_000_000)
    return QFontMetricsF(font_px(NOTE_TEXT_PX)).boundingRect(area, WRAP, text or " ").height()
