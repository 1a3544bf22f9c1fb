"""Where the window opens and how big: as it was left (size, place, panels and tool bars), or,
the first time and whenever that no longer fits the screens there are, most of the screen it
opens on.

A size saved on a screen that is gone (the projector unplugged) or larger than the screen is
now (a laptop's scale raised to 150%) would put the window partly out of reach; Qt would move
it, but not shrink it, so such a saved place is not used at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PLACE_KEY = "window/place"
"""The screen's name and the window's rectangle when it closed: what a saved geometry is checked by."""
#: Bumped when the docks or tool bars change so much that an older layout would mislead.
STATE_VERSION = 1
#: The first window's share of the screen's free area (width and height): room left around it
#: says "a window", and the desktop's panels stay reachable.
FIRST_SHARE = 0.85
#: How far a saved window may reach past the screen's free area: frames and their invisible
#: resize borders (7 px on Windows 10) put a window's outer edge a little off-screen.
FRAME_SLACK = 16


def first_window_rect(available: QRect, share: float = FIRST_SHARE) -> QRect:
    """``share`` of the screen's free area, centred in it."""
    width = max(1, round(available.width() * share))
    height = max(1, round(available.height() * share))
    left = available.x() + (available.width() - width) // 2
    top = available.y() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def saved_place_fits(rect: QRect, screen_name: str, screens: Mapping[str, QRect]) -> bool:
    """Whether a window left at ``rect`` on the screen ``screen_name`` still fits there, given
    the free area of each screen there is now by name."""
    available = screens.get(screen_name)
    if available is None or rect.isEmpty():
        return False
    return available.adjusted(-FRAME_SLACK, -FRAME_SLACK, FRAME_SLACK, FRAME_SLACK).contains(rect)


def _screens_now() -> dict[str, QRect]:
    return {screen.name(): screen.availableGeometry() for screen in QGuiApplication.screens()}


def _opening_screen() -> QScreen:
    """The screen the facilitator works on: under the mouse, else the primary one."""
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def _saved_place() -> tuple[QRect, str] | None:
    try:
        place = json.loads(str(QSettings().value(PLACE_KEY, "")))
        x, y, width, height = (int(number) for number in place["rect"])
        return QRect(x, y, width, height), str(place["screen"])
    except (ValueError, TypeError, KeyError):
        return None  # never saved, or edited by hand into something else


def _bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_window(window: QMainWindow) -> None:
    """Before the window is first shown: its panels and tool bars as they were, and its size and
    place if they still fit a screen there is, else :func:`first_window_rect` on its screen."""
    settings = QSettings()
    state = _bytes(settings.value(STATE_KEY))
    if state is not None:
        window.restoreState(state, STATE_VERSION)
    geometry = _bytes(settings.value(GEOMETRY_KEY))
    place = _saved_place()
    fits = geometry is not None and place is not None and saved_place_fits(*place, _screens_now())
    if fits and geometry is not None and window.restoreGeometry(geometry):
        return
    screen = _opening_screen()
    window.setGeometry(first_window_rect(screen.availableGeometry()))


def save_window(window: QMainWindow) -> None:
    """As the window closes: size, place (with the screen it is on) and the panels' layout."""
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState(STATE_VERSION))
    normal = window.normalGeometry()
    if normal.isEmpty():
        normal = window.geometry()
    place = {"screen": window.screen().name(), "rect": [normal.x(), normal.y(), normal.width(), normal.height()]}
    settings.setValue(PLACE_KEY, json.dumps(place))
