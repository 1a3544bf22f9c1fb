"""The Qt side of the library's change feed: signals when others changed the watched session or
the session list.

An SQLite library is polled on a timer (each poll is one pragma while nothing changes); a
PostgreSQL library's listening socket wakes the event loop the moment a notification arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from canvasapp.storage.changes import ChangeFeed

#: How often an SQLite library is asked: well inside the second a viewer may wait for an edit.
POLL_MS = 150
#: With a socket to wake us, a slow poll only drains anything the socket left behind.
SOCKET_POLL_MS = 2000


class LiveFollow(QObject):
    """Turns a :class:`ChangeFeed` into Qt signals for one window."""

    session_changed = Signal()
    """The watched session was saved by another window or app (or deleted)."""
    session_list_changed = Signal()
    """A session was added, renamed or deleted, here or elsewhere."""

    def __init__(self, feed: ChangeFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed: ChangeFeed | None = feed
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        socket = feed.socket()
        self._notifier: QSocketNotifier | None = None
        if socket is not None:
            self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.check)
        self._timer.start(POLL_MS if socket is None else SOCKET_POLL_MS)

    def watch(self, session_id: str | None, revision: int) -> None:
        """Follow this session from ``revision`` on (``None``: only the list)."""
        if self._feed is not None:
            self._feed.watch(session_id, revision)

    def check(self) -> None:
        """Ask the feed now and signal what changed."""
        if self._feed is None:
            return
        try:
            changes = self._feed.changes()
        except Exception:  # each driver has its own errors
            # A library that went away (a server restarted, a file removed) stops no event loop:
            # the window's next save or reload says what is wrong in a sentence.
            return
        if changes.session_list:
            self.session_list_changed.emit()
        if changes.session:
            self.session_changed.emit()

    def close(self) -> None:
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None
