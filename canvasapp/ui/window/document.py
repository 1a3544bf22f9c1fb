"""One open session in a window: the model, its store, its lock, its undo history, its editors
and its scene."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from canvasapp.editing import Edits
from canvasapp.editing.board import BoardEditing
from canvasapp.editing.clusters import ClusterEditing
from canvasapp.editing.edits import READ_ONLY
from canvasapp.editing.room import RoomEditing
from canvasapp.editing.voting import VotingEditing
from canvasapp.model import Session
from canvasapp.ops.collections_paused import collections_paused
from canvasapp.ops.find_index import FindIndex
from canvasapp.storage import Library, SessionRepository, session_lock
from canvasapp.storage.locked_store import LockedStore
from canvasapp.ui.board.board_gestures import BoardGestures
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.board.text_fit import note_text_height
from canvasapp.ui.window.undo_history import QtUndoHistory

#: Why a session of a library opened for reading only cannot be edited.
LIBRARY_READ_ONLY = "The library cannot be written where it is: this session is read-only."


class SessionDocument:
    """Opens a session for editing, or read-only when another window or app has it open (or
    the whole library could only be opened for reading)."""

    def __init__(self, library: Library, session_id: str) -> None:
        with collections_paused():  # the board's objects are all new, none is garbage
            self._open(library, session_id)

    def _open(self, library: Library, session_id: str) -> None:
        self.session: Session
        self.session, self.revision = SessionRepository(library).load_with_revision(session_id)
        """The saved edits this window has: a read-only window catches up from here."""
        self.lock = session_lock(library, session_id)
        if library.read_only:
            # Nothing may be written, not even a lock file beside the library.
            self.read_only, self.read_only_reason = True, LIBRARY_READ_ONLY
        else:
            self.read_only, self.read_only_reason = not self.lock.acquire(), READ_ONLY
        self.store: LockedStore | None = None if self.read_only else LockedStore(library, self.session, self.lock, self.revision)
        #: Why this window stopped writing after another took the session ("": it did not).
        self.lost_because = ""
        self.undo_stack = QUndoStack()
        self.edits = Edits(
            self.session, QtUndoHistory(self.undo_stack, self.session),
            read_only=self.read_only, read_only_reason=self.read_only_reason,
        )
        # Notes grow to show their text at the board's one text size.
        self.editor = BoardEditing(self.edits, text_height=note_text_height)
        self.clusters = ClusterEditing(self.edits)
        self.voting = VotingEditing(self.edits)
        self.room = RoomEditing(self.edits)
        self.scene = BoardScene(self.session)
        self.scene.set_read_only(self.read_only)
        self.gestures = BoardGestures(self.scene, self.editor, self.clusters)
        # Find as you type reads folded texts kept up to date by edits, never the whole board.
        self.find_index = FindIndex(self.session)

    def stop_writing(self, why: str) -> None:
        """Another window took the session: no more edits here (those made stay in memory)."""
        self.read_only, self.read_only_reason, self.lost_because = True, why, why
        self.edits.read_only, self.edits.read_only_reason = True, READ_ONLY
        self.scene.set_read_only(True)

    def close(self) -> None:
        """End any edit in progress (so it is saved), then let go of the session."""
        self.scene.finish_editing()
        self.scene.detach()
        self.find_index.close()
        if self.store is not None:
            self.store.close()
        self.lock.release()
