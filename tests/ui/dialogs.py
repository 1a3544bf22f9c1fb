"""Answering modal dialogs the way a person would: wait for it to open, then act on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_dialog_opens(act: Callable[[QWidget], None], attempts: int = 200) -> None:
    """Call ``act(dialog)`` on the next modal dialog, as soon as it is shown."""

    def poll(remaining: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            act(dialog)
        elif remaining > 0:
            QTimer.singleShot(10, lambda: poll(remaining - 1))

    QTimer.singleShot(0, lambda: poll(attempts))
