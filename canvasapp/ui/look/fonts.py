"""The app's own font, registered once so the canvas looks the same on every machine."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from canvasapp.locations import bold_font_path, font_path

FALLBACK_FAMILY = "DejaVu Sans"


@cache
def app_font_family() -> str:
    """Register the shipped fonts with Qt (needs a QGuiApplication) and return the family."""
    family = FALLBACK_FAMILY
    for path in (font_path(), bold_font_path()):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def app_font(pixel_size: int, *, bold: bool = False) -> QFont:
    font = QFont(app_font_family())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font
