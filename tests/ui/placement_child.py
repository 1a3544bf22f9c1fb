"""Starts the app's window on the screens Qt was given, reports where it is, closes it as Quit does.

Run by tests/ui/test_window_placement.py with ``QT_QPA_PLATFORM=offscreen:configfile=...``:
``placement_child.py LIBRARY SETTINGS_FOLDER [--place X,Y,W,H] [--shot PNG]``; the last line of
its output is the report, as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication

from canvasapp.app import open_main_window


def rect(value: QRect) -> list[int]:
    return [value.x(), value.y(), value.width(), value.height()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("library")
    parser.add_argument("settings")
    parser.add_argument("--place", help="where the person moves the window before closing it: X,Y,W,H")
    parser.add_argument("--shot", help="save a picture of the window here")
    args = parser.parse_args()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, args.settings)
    window = open_main_window(args.library, None, Path(args.settings) / "templates")
    window.show()
    QApplication.processEvents()
    report: dict[str, object] = {}
    report["opened"] = rect(window.geometry())
    if args.place:
        window.setGeometry(QRect(*(int(part) for part in args.place.split(","))))
        QApplication.processEvents()
    if args.shot:
        picture = window.grab()
        picture.save(args.shot)
        report["shot"] = [picture.width(), picture.height()]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    report.update(
        geometry=rect(window.geometry()),
        frame=rect(window.frameGeometry()),
        screen=window.screen().name(),
        ratio=window.devicePixelRatioF(),
        screens={screen.name(): rect(screen.availableGeometry()) for screen in app.screens()},
        rounding=app.highDpiScaleFactorRoundingPolicy().name,
        icon=sorted(size.width() for size in app.windowIcon().availableSizes()),
        desktop_file=app.desktopFileName(),
    )
    window.close()
    window.library.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
