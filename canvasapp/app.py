"""Composition root of the desktop app: library, session, QApplication, window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

# The library's modules (SQLAlchemy's few hundred) before Qt's: once PySide6 is loaded it reads
# the source of every module imported after it (its check for "from __feature__ import"),
# which made SQLAlchemy's import a third slower, a tenth of a second of every start.
from canvasapp.storage import LibraryError

# isort: split
from PySide6.QtGui import QFont, QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox

from canvasapp import APP_NAME
from canvasapp.formats.template_error import TemplateError
from canvasapp.model import Session
from canvasapp.ui.board.clipboard_handover import hand_over_clipboard
from canvasapp.ui.look.fonts import app_font_family
from canvasapp.ui.look.theme import apply_theme, saved_theme
from canvasapp.ui.sessions.opening import open_library_for_window, session_to_open
from canvasapp.ui.window.desktop_identity import app_icon, identify_app
from canvasapp.ui.window.main_window import MainWindow

PIXMAP_CACHE_KB = 128 * 1024


def application() -> QApplication:
    identify_app()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    if not app.property("canvasapp_clipboard_handover"):
        app.setProperty("canvasapp_clipboard_handover", True)
        app.aboutToQuit.connect(hand_over_clipboard)
    app.setFont(_ui_font())
    # Room for a screenful of cached note pixmaps (NoteItem), which Qt keeps in this cache;
    # its default of 10 MB holds fewer notes than a projector shows.
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    # The look chosen last time, applied once per process (the stylesheet restyles every widget).
    if not app.property("canvasapp_themed"):
        app.setProperty("canvasapp_themed", True)
        apply_theme(saved_theme(), app)
    return app


def _ui_font() -> QFont:
    font = QFont(app_font_family())
    font.setPointSize(11)
    return font


def user_templates_dir() -> Path:
    """Where the facilitator's own templates are kept, beside the default library."""
    from platformdirs import user_data_path

    return user_data_path("canvasapp", appauthor=False) / "templates"


def open_main_window(
    library_location: str | None, session_id: str | None, templates_dir: Path | None = None
) -> MainWindow:
    """Everything but the event loop (tests and benchmarks use this)."""
    application()
    library, read_only_because = open_library_for_window(library_location)
    try:
        return MainWindow(
            library, session_to_open(library, session_id), templates_dir or user_templates_dir(),
            read_only_because=read_only_because,
        )
    except Exception:
        library.close()
        raise


_HEADLESS_PLATFORMS = ("offscreen", "minimal")  # no one could dismiss a dialog there


def has_display() -> bool:
    """Whether Qt can show a window here; without one it would abort with a cryptic message."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_app(library_location: str | None, session_id: str | None) -> int:
    # The library and the session are checked before any window, so a bad --library or
    # --session is one plain line (and a dialog when there is a screen), never a crash.
    try:
        library, read_only_because = open_library_for_window(library_location)
    except (LibraryError, TemplateError) as error:
        _refuse(str(error))
        return 2
    try:
        chosen = session_to_open(library, session_id)
        if not has_display():
            library.close()
            print("canvasapp: no screen to show a window on (DISPLAY is not set).", file=sys.stderr)
            return 2
        app = application()
        window = MainWindow(library, chosen, user_templates_dir(), read_only_because=read_only_because)
    except (LibraryError, TemplateError) as error:
        library.close()
        _refuse(str(error))
        return 2
    window.show()
    code = app.exec()
    library.close()
    return code


def _refuse(message: str) -> None:
    """Why the app cannot start: one line on stderr, and a dialog when someone can see it."""
    line = " ".join(message.split())
    print(f"canvasapp: {line}", file=sys.stderr)
    # "offscreen:configfile=..." is offscreen too: the platform's name is before the options.
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0]
    if has_display() and platform not in _HEADLESS_PLATFORMS:
        application()
        QMessageBox.critical(None, APP_NAME, message)


def board_png_headless(session: Session, scale: float, smaller: Callable[[float], None] | None = None) -> bytes:
    """The board picture for the command line: Qt draws it offscreen, no window, no display."""
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application()
    from canvasapp.ops.summary import build_summary
    from canvasapp.ui.board.board_image import board_png

    return board_png(build_summary(session), scale, smaller)
