"""Composition root of the desktop app: library, session, QApplication, window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from canvasapp import APP_NAME, __version__
from canvasapp.formats.template_io import TemplateError, find_template, session_from_template
from canvasapp.storage import Library, LibraryError, SessionRepository, open_library
from canvasapp.ui.fonts import app_font_family
from canvasapp.ui.main_window import MainWindow


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("canvasapp")
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("canvasapp")
    app.setFont(_ui_font())
    return app


def _ui_font():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont

    font = QFont(app_font_family())
    font.setPointSize(11)
    return font


def session_to_open(library: Library, session_id: str | None) -> str:
    """The session asked for, else the most recent one, else a new one from the default template."""
    repository = SessionRepository(library)
    if session_id:
        return repository.resolve_id(session_id)
    recent = repository.most_recent_id()
    if recent is not None:
        return recent
    session = session_from_template(find_template(None), "My first workshop")
    repository.add(session)
    return session.id


def open_main_window(library_location: str | None, session_id: str | None) -> MainWindow:
    """Everything but the event loop (tests and benchmarks use this)."""
    library = open_library(library_location)
    try:
        return MainWindow(library, session_to_open(library, session_id))
    except Exception:
        library.close()
        raise


def run_app(library_location: str | None, session_id: str | None) -> int:
    app = application()
    try:
        window = open_main_window(library_location, session_id)
    except (LibraryError, TemplateError) as error:
        print(f"canvasapp: {error}", file=sys.stderr)
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    window.show()
    code = app.exec()
    window.library.close()
    return code
