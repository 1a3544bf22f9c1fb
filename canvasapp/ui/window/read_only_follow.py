"""A session shown read-only follows its writer: saved edits appear, and when the writer closes
the session this window may take over editing it.

Catching up changes only what differs (``ops.catch_up``), so the board keeps its scroll, zoom and
selection; votes and the agenda, which have no such fine-grained catch-up, reopen the session
with the view kept as it was.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from canvasapp.model import Session
from canvasapp.ops.catch_up import catch_up
from canvasapp.storage import Library, LibraryError, SessionRepository, SessionService
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.live_follow import LiveFollow

#: How often a read-only window asks whether the writer has let go of the session.
LOCK_CHECK_MS = 1000


class FollowHost(Protocol):
    """What following needs of its window."""

    @property
    def library(self) -> Library: ...

    @property
    def live(self) -> LiveFollow: ...

    @property
    def document(self) -> SessionDocument | None: ...

    @property
    def repository(self) -> SessionRepository: ...

    def tell(self, message: str, timeout_ms: int = 5000) -> None: ...

    def reopen_document(self) -> None:
        """Open the shown session again from the library, keeping the view as it is."""


class _Shown:
    """The ids of the notes a session shows, answered without listing them."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def __contains__(self, note_id: object) -> bool:
        return isinstance(note_id, str) and self._session.has_note(note_id)


class ReadOnlyFollow(QObject):
    """Keeps a read-only window's session up to date, and offers the pen when it is free."""

    writer_left = Signal(bool)
    """The writer let go of the session (``True``) or someone took it again (``False``)."""

    def __init__(self, host: FollowHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._lock_timer = QTimer(self)
        self._lock_timer.timeout.connect(self._check_writer)
        # Shown on the read-only banner once the writer has let go (the window puts it there).
        self.take_over_action = QAction("Edit Here", self)
        self.take_over_action.setObjectName("take_over")
        self.take_over_action.setToolTip("The other window closed this session: edit it in this window")
        self.take_over_action.triggered.connect(self.take_over)
        self.take_over_action.setVisible(False)

    def attach(self, document: SessionDocument) -> None:
        """A session is shown: follow it while it is read-only (a writer needs no news)."""
        self.take_over_action.setVisible(False)
        if document.read_only:
            self._host.live.watch(document.session.id, document.revision)
            self._lock_timer.start(LOCK_CHECK_MS)
        else:
            self._host.live.watch(None, 0)
            self._lock_timer.stop()

    def catch_up(self) -> None:
        """Show what the writer saved since this window last looked."""
        document = self._host.document
        if document is None or not document.read_only:
            return
        try:
            session = document.session
            saved, revision = self._host.repository.saved_since(
                session.id, document.revision, _Shown(session), len(session)
            )
        except LibraryError:
            self._host.tell("This session was deleted in another window; what you see is no longer kept.", 0)
            self._lock_timer.stop()
            return
        document.revision = revision
        if not catch_up(document.session, saved):
            self._host.reopen_document()

    def _check_writer(self) -> None:
        document = self._host.document
        if document is None or not document.read_only or self._host.library.read_only:
            # A library that cannot be written has no writer to wait for.
            self._lock_timer.stop()
            return
        try:
            held = SessionService(self._host.library).is_open_elsewhere(document.session.id)
        except LibraryError:
            return
        if held != self.take_over_action.isVisible():
            return
        self.take_over_action.setVisible(not held)
        self.writer_left.emit(not held)
        if not held:
            self._host.tell("The session was closed in the other window: choose Edit Here to edit it.", 0)

    def take_over(self) -> None:
        """Become the session's writer, if nobody else became it first."""
        self._host.reopen_document()
        document = self._host.document
        if document is not None and document.read_only:
            self._host.tell("Someone else opened this session for editing first; it stays read-only here.")
        else:
            self._host.tell("You are editing this session now.")
