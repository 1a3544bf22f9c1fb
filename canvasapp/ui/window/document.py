"""One open session in a window: the model, its store, its lock, its scene and its editor."""

from __future__ import annotations

from canvasapp.model import Session
from canvasapp.storage import Library, SessionLock, SessionRepository, SessionStore
from canvasapp.ui.board.board_editor import BoardEditor
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.clusters.cluster_editor import ClusterEditor


class SessionDocument:
    """Opens a session for editing, or read-only when another window or app has it open."""

    def __init__(self, library: Library, session_id: str) -> None:
        self.session: Session = SessionRepository(library).load(session_id)
        self.lock = SessionLock(library.path, session_id)
        self.read_only = not self.lock.acquire()
        self.store: SessionStore | None = None if self.read_only else SessionStore(library, self.session)
        self.scene = BoardScene(self.session)
        self.editor = BoardEditor(self.session, self.scene, read_only=self.read_only)
        self.clusters = ClusterEditor(self.editor, self.scene.clusters)

    def close(self) -> None:
        """End any edit in progress (so it is saved), then let go of the session."""
        self.scene.finish_editing()
        self.scene.detach()
        if self.store is not None:
            self.store.close()
        self.lock.release()
