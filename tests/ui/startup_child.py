"""The app started as a person starts it (``run_app``), offscreen, for start-up tests: once a
window is up it prints what the window shows as one JSON line and quits.

Usage: ``python startup_child.py LIBRARY [PICTURE.png]``; exits with ``run_app``'s code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from canvasapp.app import application, run_app
from canvasapp.ui.window.main_window import MainWindow


def report_and_quit() -> None:
    windows = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)]
    if not windows or not windows[0].isVisible():
        QTimer.singleShot(20, report_and_quit)
        return
    window = windows[0]

    def report() -> None:
        document = window.document
        print(json.dumps({
            "title": window.windowTitle(),
            "read_only": document is not None and document.read_only,
            "banner": window.read_only_banner.label.text() if window.read_only_banner.isVisible() else "",
            "notices": [box.text() for box in window.findChildren(QMessageBox, "library_notices") if box.isVisible()],
        }), flush=True)
        if len(sys.argv) > 2:  # a picture of it, to look at
            window.resize(1920, 1080)
            window.grab().save(sys.argv[2])
        QApplication.quit()

    QTimer.singleShot(100, report)  # after what the window shows once it is up


if __name__ == "__main__":
    application()
    QTimer.singleShot(0, report_and_quit)
    sys.exit(run_app(sys.argv[1], None))
