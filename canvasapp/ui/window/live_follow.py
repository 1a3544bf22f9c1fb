"""The Qt side of the library's change feed: signals when others changed the watched session or
the session list.

An SQLite library is polled on a timer (each poll is one pragma while nothing changes); a
PostgreSQL library's listening socket wakes the event loop the moment a notification arrives.
A feed that fails (the server restarted, the network went) is made again on the timer, and the
window is told to catch up with whatever it missed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from canvasapp.storage.changes import ChangeFeed

#: How often an SQLite library is asked: well inside the second a viewer may wait for an edit.
POLL_MS = 150
#: With a socket to wake us (or no feed at all, while the library is unreachable), a slow timer
#: drains what the socket left behind, or tries again.
SLOW_POLL_MS = 2000


class LiveFollow(QObject):
    """Turns a :class:`ChangeFeed` into Qt signals for one window."""

    session_changed = Signal()
    """The watched session was saved by another window or app (or deleted)."""
    session_list_changed = Signal()
    """A session was added, renamed or deleted, here or elsewhere."""

    def __init__(self, make_feed: Callable[[], ChangeFeed], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_feed = make_feed
        self._feed: ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        self._watching: tuple[str | None, int] = (None, 0)
        self._closed = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._connect()

    @property
    def connected(self) -> bool:
        """Whether a feed is up (``False`` while the library cannot be reached)."""
        return self._feed is not None

    def watch(self, session_id: str | None, revision: int) -> None:
        """Follow this session from ``revision`` on (``None``: only the list)."""
        self._watching = (session_id, revision)
        if self._feed is not None:
            try:
                self._feed.watch(session_id, revision)
            except Exception:  # each driver has its own errors
                self._drop()

    def check(self) -> None:
        """Ask the feed now and signal what changed."""
        if self._closed:
            return
        if self._feed is None:
            if self._connect():
                # Whatever was saved while no feed was up: the window catches up exactly.
                self.session_list_changed.emit()
                self.session_changed.emit()
            return
        try:
            changes = self._feed.changes()
        except Exception:  # each driver has its own errors
            # A library that went away stops no event loop; the feed is made again on the timer.
            self._drop()
            return
        if changes.session_list:
            self.session_list_changed.emit()
        if changes.session:
            self.session_changed.emit()

    def _connect(self) -> bool:
        try:
            feed = self._make_feed()
            feed.watch(*self._watching)
        except Exception:  # an unreachable server, a vanished file
            self._timer.start(SLOW_POLL_MS)
            return False
        self._feed = feed
        socket = feed.socket()
        if socket is not None:
            self._notifier = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self.check)
        self._timer.start(POLL_MS if socket is None else SLOW_POLL_MS)
        return True

    def _drop(self) -> None:
        if self._notifier is not None:
            # A closed socket stays readable for ever: it must not be watched any more.
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._feed is not None:
            with suppress(Exception):  # closing what is broken already
                self._feed.close()
            self._feed = None
        self._timer.start(SLOW_POLL_MS)

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        self._drop()
        self._timer.stop()
