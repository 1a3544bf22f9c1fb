"""The sentence model behind suggestions by meaning, loaded once per process, off the GUI thread.

The first *Suggest Clusters…* starts loading it on a worker thread (a few seconds); meanwhile
suggestions come from shared words and the dialog says so, then shows the meaning-based ones as
soon as the model is there. Vectors are remembered in the user's cache folder.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, QThreadPool, Signal

from canvasapp.ops.sentence_model import ModelLoader
from canvasapp.storage.embedding_cache import EmbeddingCache


class _Relay(QObject):
    loaded = Signal()
    """Emitted (on the GUI thread, by Qt's queued connection) once loading was tried."""
    progressed = Signal(float, str)
    """``(fraction, what)`` while loading."""


@cache
def shared_loader() -> ModelLoader:
    """The process's one loader (the model takes ~150 MB: one copy for every window)."""
    return ModelLoader(EmbeddingCache())


class BackgroundLoad:
    """Starts :func:`shared_loader` loading on the thread pool; ``loaded`` when it is done."""

    def __init__(self, loader: ModelLoader) -> None:
        self.loader = loader
        self._relay = _Relay()
        self.loaded = self._relay.loaded
        self.progressed = self._relay.progressed
        self._started = False

    def start(self) -> None:
        if self._started or self.loader.finished:
            return
        self._started = True
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        self.loader.load(self._relay.progressed.emit)
        self._relay.loaded.emit()
