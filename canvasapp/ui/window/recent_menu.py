"""File → Recent Sessions: the sessions opened last in this library, one click away.

The menu's fixed entry ("Clear Recent") is in the action table; the sessions above it change,
so they are made here, each time the menu opens (reading the library's list of sessions then,
not at every start or opening).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from canvasapp.storage import LibraryError, SessionSummary
from canvasapp.ui.sessions.recent_sessions import clear_recent, recent_ids, recent_sessions, remember_opened
from canvasapp.ui.window.services import WindowServices

CLEAR_ACTION = "file.clear_recent"
#: Object names of the entries: ``file.recent.1`` is the most recent.
ENTRY_PREFIX = "file.recent."


class RecentSessionsMenu(QObject):
    """Keeps the Recent Sessions submenu true to the settings and the library."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        self.menu: QMenu | None = None
        self.entries: list[QAction] = []

    def install(self) -> None:
        """After the menus exist: find the submenu the table made for "Clear Recent"."""
        clear = self.window.actions_by_id[CLEAR_ACTION]
        self.menu = next(owner for owner in clear.associatedObjects() if isinstance(owner, QMenu))
        # Sessions deleted meanwhile (another window, the command line) leave it as it opens.
        self.menu.aboutToShow.connect(self.refresh)
        clear.setEnabled(bool(recent_ids(self._location)))

    @property
    def _location(self) -> str:
        return self.window.repository.library.shown_location

    def opened(self, session_id: str) -> None:
        """The window now shows this session: it goes to the top of the list."""
        remember_opened(self._location, session_id)
        self.window.actions_by_id[CLEAR_ACTION].setEnabled(True)

    def clear(self) -> None:
        clear_recent(self._location)
        self.refresh()
        self.window.tell("The list of recent sessions is empty now.", 4000)

    def refresh(self) -> None:
        menu = self.menu
        if menu is None:
            return
        for entry in self.entries:
            menu.removeAction(entry)
            entry.deleteLater()
        try:
            sessions = recent_sessions(self.window.repository)
        except LibraryError:
            sessions = []  # the library is unreachable: the menu stays usable, only empty
        document = self.window.document
        current = document.session.id if document is not None else None
        clear = self.window.actions_by_id[CLEAR_ACTION]
        self.entries = [self._entry(number, summary, current) for number, summary in enumerate(sessions, 1)]
        if not self.entries:
            empty = QAction("No Recent Sessions", menu)
            empty.setObjectName(f"{ENTRY_PREFIX}none")
            empty.setEnabled(False)
            self.entries = [empty]
        separator = QAction(menu)
        separator.setSeparator(True)
        self.entries.append(separator)
        menu.insertActions(clear, self.entries)
        clear.setEnabled(bool(sessions))

    def _entry(self, number: int, summary: SessionSummary, current: str | None) -> QAction:
        assert self.menu is not None
        title = summary.title.replace("&", "&&")
        # 1 to 8 as the accelerators: Alt+F, R, 2 opens the one before.
        action = QAction(f"&{number} {title}", self.menu)
        action.setObjectName(f"{ENTRY_PREFIX}{number}")
        action.setData(summary.id)
        changed = summary.updated.astimezone().strftime("%d %b %Y, %H:%M")
        notes = "1 note" if summary.notes == 1 else f"{summary.notes} notes"
        action.setStatusTip(f"{summary.title}: {notes}, last changed {changed}")
        if summary.id == current:
            action.setText(f"&{number} {title} (open)")
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _checked=False, session_id=summary.id: self.open(session_id))
        return action

    def open(self, session_id: str) -> None:
        try:
            self.window.open_document(session_id)
        except LibraryError:
            # Deleted after the menu was drawn: nothing to open, and it leaves the list.
            self.window.tell("That session is no longer in the library.", 6000)
            self.refresh()
