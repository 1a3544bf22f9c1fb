"""Keyboard focus back on the board when a dialog of the window closes, so the next key
(Ctrl+0, N, an arrow) works at once instead of after a click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget


class FocusReturn(QObject):
    """Watches the dialogs parented to ``host`` (only theirs: no application-wide filter, which
    would run Python for every event) and gives the board the focus when one closes."""

    def __init__(self, host: QMainWindow, board: Callable[[], QWidget | None]) -> None:
        super().__init__(host)
        self._host = host
        self._board = board
        host.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._host and kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QDialog):
                child.installEventFilter(self)  # installed once however often it is polished
        elif isinstance(watched, QDialog) and kind == QEvent.Type.Hide:
            QTimer.singleShot(0, self.restore)
        return False

    def restore(self) -> None:
        """The board takes the keyboard, unless another dialog is still open."""
        board = self._board()
        if board is None or not board.isVisible() or QApplication.activeModalWidget() is not None:
            return
        if any(isinstance(child, QDialog) and child.isVisible() for child in self._host.children()):
            return
        self._host.activateWindow()
        board.setFocus(Qt.FocusReason.OtherFocusReason)
