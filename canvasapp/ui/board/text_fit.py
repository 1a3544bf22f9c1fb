"""Text shrunk to fit a box: the largest font size in which it fits, else the smallest
legible size with the text cut by "…". Notes and lane prompts both use it."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from canvasapp.ui.look.fonts import app_font

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
