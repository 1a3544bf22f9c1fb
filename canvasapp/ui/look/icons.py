"""Icons looked up by validated name (napari's approach).

Every ``resources/icons/<name>.svg`` is an icon called ``<name>``. The SVGs draw in
``currentColor``, which is replaced by the theme's icon colour before rendering, so one file
serves every theme. Asking for a name that has no file raises :class:`UnknownIconError` at once
(at start-up, in tests) instead of giving a blank button nobody notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from canvasapp.locations import resources_dir

#: Pixel sizes rendered into each QIcon: menus, tool bars, and both on a 2× screen.
_SIZES = (16, 24, 32, 48, 64)


class UnknownIconError(KeyError):
    """An icon name with no SVG in ``resources/icons``."""


@cache
def icon_names() -> frozenset[str]:
    """The names of every shipped icon."""
    return frozenset(path.stem for path in (resources_dir() / "icons").glob("*.svg"))


def validate_icon_names(names: Iterable[str]) -> None:
    """Raise :class:`UnknownIconError` naming every unknown icon among ``names``."""
    unknown = sorted(set(names) - icon_names())
    if unknown:
        raise UnknownIconError(
            f"No icon named {', '.join(map(repr, unknown))} in {resources_dir() / 'icons'}."
        )


def icon_svg(name: str, colour: str) -> bytes:
    """The SVG source of an icon, drawn in ``colour``."""
    validate_icon_names([name])
    text = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    return text.replace("currentColor", colour).encode("utf-8")


@cache
def icon(name: str, colour: str | None = None) -> QIcon:
    """The icon ``name`` drawn in ``colour`` (the current theme's icon colour by default).

    Cached per (name, colour): a theme switch builds each icon once.
    """
    if colour is None:
        from canvasapp.ui.look.theme import current_theme  # theme imports nothing from here

        colour = current_theme().icon
    renderer = QSvgRenderer(QByteArray(icon_svg(name, colour)))
    if not renderer.isValid():
        raise UnknownIconError(f"The icon {name!r} is not a valid SVG.")
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
