"""Helpers for the editing tests: sessions with notes where we want them, the library file
read by a plain sqlite3 connection, dialogs answered as a person would, and temp settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session
from canvasapp.storage import Library, SessionRepository
from canvasapp.ui.window.main_window import MainWindow

#: Lanes of the default template at their default width: x from 0, 784 and 1568.
DRIVERS_X, BLOCKERS_X, ACTIVITIES_X = 0.0, 784.0, 1568.0


def saved_session(library: Library, notes: list[tuple[str, str | None, str, float, float]]) -> Session:
    """A session of the default template with notes given as (id, lane, text, x, y)."""
    session = session_from_template(find_template(None), "Editing")
    if notes:
        session.add_notes(Note(id=i, lane_id=lane, text=text, x=x, y=y) for i, lane, text, x, y in notes)
    SessionRepository(library).add(session)
    return session


def rows(library_path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(library_path) as connection:
        return connection.execute(query, args).fetchall()


def saved_note(library_path: Path, note_id: str) -> dict[str, object] | None:
    found = rows(library_path, "SELECT text, x, y, width, height, colour, lane_id FROM notes WHERE id = ?", note_id)
    if not found:
        return None
    return dict(zip(("text", "x", "y", "width", "height", "colour", "lane_id"), found[0], strict=True))


def saved_lanes(library_path: Path) -> list[tuple[object, ...]]:
    return rows(library_path, "SELECT id, title, colour, position, width FROM lanes ORDER BY position")


def at(window: MainWindow, x: float, y: float):  # type: ignore[no-untyped-def]
    return window.view.mapFromScene(QPointF(x, y))


def click(qtbot: QtBot, window: MainWindow, x: float, y: float, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, modifiers, at(window, x, y))


def hover(qtbot: QtBot, window: MainWindow, x: float, y: float) -> None:
    qtbot.mouseMove(window.view.viewport(), at(window, x, y))


def key(qtbot: QtBot, window: MainWindow, name: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view.viewport(), name, modifiers)


def answer_dialog(fill: Callable[[QWidget], None]) -> None:
    """When the next modal dialog opens, let ``fill`` answer it (it must accept or reject)."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries < 50:
            QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        assert dialog is not None, "no dialog opened"
        fill(dialog)

    QTimer.singleShot(0, attempt)
