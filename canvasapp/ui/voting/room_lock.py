"""The window while the room votes: nothing but the participant's own controls is in reach.

While locked, the menu bar, the tool bars and every panel (the History list among them) are
hidden, and an application-wide filter drops every shortcut except the few the lock allows
(the participant's keys, undo and redo of their own dots, and the facilitator's chord). Actions
keep their own enabled state underneath, so unlocking gives back exactly what was there.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget


class RoomLock(QObject):
    """Locks one main window for the room; ``allowed`` actions still answer their keys."""

    def __init__(self, host: QMainWindow) -> None:
        super().__init__(host)
        self._host = host
        self._hidden: list[QWidget] = []
        self._allowed: set[QAction] = set()
        self.locked = False

    def lock(self, allowed: Iterable[QAction], also_hide: Iterable[QWidget] = ()) -> None:
        """Lock (or change what is allowed while locked); ``also_hide``: other widgets that show
        the board's state, such as the overview map."""
        self._allowed = set(allowed)
        if self.locked:
            return
        self.locked = True
        host = self._host
        self._hidden = [
            widget
            for widget in (host.menuBar(), *host.findChildren(QToolBar), *host.findChildren(QDockWidget), *also_hide)
            if widget.isVisible() and widget.window() is host
        ]
        for widget in self._hidden:
            widget.hide()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self._allowed = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Shortcuts reach an action as a Shortcut event: only the allowed ones get through.
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QAction):
            return watched not in self._allowed
        return False
