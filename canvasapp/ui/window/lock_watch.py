"""A writing window keeps an eye on its session lock between edits.

Each save checks the lock first (``LockedStore``); this also checks it every few seconds while
nothing is edited, so a lock the server dropped (a restart) is taken back before another window
can take it, and a window that lost the session anyway turns read-only at once, not at its next
edit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from canvasapp.storage.locked_store import LockedStore

#: How often an idle writer checks its lock (one round trip on the connection it already has).
LOCK_KEEP_MS = 5000


class LockWatch(QObject):
    """Follows the store of the shown session; ``lost`` once another window took the session."""

    lost = Signal(str)
    """Why this window may no longer write, in one sentence."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: LockedStore | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LOCK_KEEP_MS)
        self._timer.timeout.connect(self._check)

    def attach(self, store: LockedStore | None) -> None:
        self.detach()
        if store is None or store.lost:
            return
        self._store = store
        store.taken_over.connect(self._on_taken_over)
        self._timer.start()

    def detach(self) -> None:
        self._timer.stop()
        if self._store is not None:
            self._store.taken_over.disconnect(self._on_taken_over)
            self._store = None

    def _check(self) -> None:
        # While saves fail, their retries ask the server already.
        if self._store is not None and not self._store.failing:
            self._store.check_lock()

    def _on_taken_over(self) -> None:
        store = self._store
        if store is None:
            return
        self._timer.stop()
        # After the edit that found out has returned, never from inside the store's save.
        QTimer.singleShot(0, lambda: self.lost.emit(store.lost_because))
