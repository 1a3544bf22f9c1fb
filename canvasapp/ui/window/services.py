"""What a controller may use of its window: a small protocol instead of the window itself, so
controllers do not import the window (nor it them, but to build them) and can be tested alone."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from canvasapp.storage import SessionRepository
from canvasapp.ui.board.view import BoardView
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.live_follow import LiveFollow


class WindowServices(Protocol):
    """The open session, its view, the actions, the status line, and the window to parent to."""

    @property
    def host(self) -> QMainWindow:
        """Parent of dialogs, docks and tool bars."""

    @property
    def document(self) -> SessionDocument | None: ...

    @property
    def view(self) -> BoardView | None: ...

    @property
    def actions_by_id(self) -> dict[str, QAction]: ...

    @property
    def repository(self) -> SessionRepository: ...

    @property
    def templates_dir(self) -> Path: ...

    @property
    def live(self) -> LiveFollow:
        """News of what other windows and apps save in the library."""

    def tell(self, message: str, timeout_ms: int = 5000) -> None:
        """A sentence on the status line."""

    def open_document(self, session_id: str) -> None:
        """Show another session in this window."""
