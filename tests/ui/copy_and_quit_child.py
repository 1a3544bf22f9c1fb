"""The app started as a person starts it (``run_app``), offscreen: once the window is up it
selects every note, copies them (Edit → Copy), prints the clipboard's text and quits.

Usage: ``python copy_and_quit_child.py LIBRARY``; exits with the process's own exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from canvasapp.app import application, run_app
from canvasapp.ui.window.main_window import MainWindow


def copy_and_quit() -> None:
    windows = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(20, copy_and_quit)
        return
    actions = windows[0].actions_by_id  # Edit → Select All, Edit → Copy
    actions["edit.select_all"].trigger()
    actions["edit.copy"].trigger()
    print(QGuiApplication.clipboard().text(), flush=True)
    QApplication.quit()


if __name__ == "__main__":
    application()
    QTimer.singleShot(0, copy_and_quit)
    sys.exit(run_app(sys.argv[1], None))
