"""File → Open Library… and File → Recent Libraries: another library in this window.

A bad choice (no such folder, a file that is not a library, a server that refuses) is one
sentence, and the library open now stays open. A good one closes the open session cleanly
(saved, its lock released) before the other library's most recent session is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from canvasapp.formats.template_error import TemplateError
from canvasapp.storage import Library, LibraryError
from canvasapp.storage.urls import is_url, shown
from canvasapp.ui.sessions.library_dialog import OpenLibraryDialog
from canvasapp.ui.sessions.opening import open_library_for_window, session_to_open
from canvasapp.ui.sessions.recent_libraries import forget_recent_libraries, recent_libraries, remember_library

#: The action at the foot of the Recent Libraries submenu; the recent ones go above it.
CLEAR_RECENT_ID = "file.clear_recent_libraries"
#: The library a folder holds (the same name as the default library's).
LIBRARY_FILE_NAME = "library.sqlite"


class LibraryHost(Protocol):
    """What switching libraries needs of its window."""

    @property
    def host(self) -> QMainWindow: ...

    @property
    def library(self) -> Library: ...

    def tell(self, message: str, timeout_ms: int = 5000) -> None: ...

    def use_library(self, library: Library, session_id: str, read_only_because: str = "") -> bool:
        """Show ``session_id`` of ``library``, closing the session and library shown now;
        ``False`` if the window keeps what it shows (edits that could not be saved)."""


class LibraryController:
    """Opens another library in its window; keeps the recent list (without passwords)."""

    def __init__(self, window: LibraryHost) -> None:
        self.window = window
        self._menu: QMenu | None = None
        self._recent_actions: list[QAction] = []
        self._actions_by_id: dict[str, QAction] = {}

    def install(self, actions_by_id: dict[str, QAction]) -> None:
        """After the menus exist: the recent libraries go above Clear Recent Libraries."""
        # The recent ones join the window's actions by id (file.recent_library_1, ...) too.
        self._actions_by_id = actions_by_id
        clear = actions_by_id[CLEAR_RECENT_ID]
        menus = [menu for menu in clear.associatedObjects() if isinstance(menu, QMenu)]
        self._menu = menus[0] if menus else None
        remember_library(self.window.library.location)
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self._menu
        if menu is None:
            return
        for action in self._recent_actions:
            menu.removeAction(action)
            self._actions_by_id.pop(action.objectName(), None)
            action.deleteLater()
        self._recent_actions = []
        clear = next(action for action in menu.actions() if action.objectName() == CLEAR_RECENT_ID)
        for number, location in enumerate(recent_libraries(), start=1):
            action = QAction(f"&{number} {location}" if number < 10 else location, menu)
            action.setObjectName(f"file.recent_library_{number}")
            action.setStatusTip(f"Open the library {location}")
            action.triggered.connect(lambda _checked=False, chosen=location: self.open_location(chosen))
            menu.insertAction(clear, action)
            self._recent_actions.append(action)
            self._actions_by_id[action.objectName()] = action
        separator = menu.insertSeparator(clear)
        self._recent_actions.append(separator)
        clear.setEnabled(len(self._recent_actions) > 1)

    def open_library(self) -> None:
        """Ask for a library (a file, a folder or an address) and open it here."""
        dialog = OpenLibraryDialog(recent_libraries(), self.window.host)
        if dialog.exec() and dialog.chosen:
            self.open_location(dialog.chosen)

    def clear_recent(self) -> None:
        forget_recent_libraries()
        remember_library(self.window.library.location)
        self.fill_recent_menu()

    def open_location(self, text: str) -> bool:
        """Open the library at ``text`` in this window; ``False`` (and a sentence) if it cannot be."""
        location = library_location(text)
        library: Library | None = None
        try:
            library, read_only_because = open_library_for_window(location)
            session_id = session_to_open(library, None)
        except (LibraryError, TemplateError) as error:
            if library is not None:
                library.close()
            self._refuse(str(error))
            return False
        if not self.window.use_library(library, session_id, read_only_because):
            library.close()
            return False
        remember_library(location)
        self.fill_recent_menu()
        self.window.tell(f"Opened the library {shown(location)}.")
        return True

    def _refuse(self, message: str) -> None:
        # The driver's words can run over several lines; the first is the sentence.
        sentence = message.strip().splitlines()[0] if message.strip() else "That library cannot be opened."
        self.window.tell(sentence, 8000)
        QMessageBox.warning(self.window.host, "Open Library", f"{sentence}\n\nThe library open now stays open.")


def library_location(text: str) -> str:
    """What was typed or chosen, as a library to open: a folder means the library in it."""
    text = text.strip()
    if is_url(text):
        return text
    path = Path(text).expanduser()
    if path.is_dir():
        path = path / LIBRARY_FILE_NAME
    return str(path.resolve() if path.parent.exists() else path)
