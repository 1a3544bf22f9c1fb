"""Suggested clusters for 1,000 notes: ``cluster_1k_s`` by shared words, and
``suggest_meaning_1k_warm_s`` / ``_cold_s`` by meaning (model loaded; vectors cached or not).

The notes are the labelled workshop notes (tests/data) repeated with small variations up to
1,000, so the vocabulary is realistic. The baseline is tokenising the same 1,000 notes (what
any text method must at least do). ``--notes`` below 1,000 shrinks it (the smoke run).
"""

from __future__ import annotations

import csv
import functools
import random
from pathlib import Path

from common import Figure, Measurement, timed

from canvasapp.model import Lane, Note, Session
from canvasapp.ops.cluster_suggestions import suggest_clusters, words
from canvasapp.ops.find import fold
from canvasapp.ops.sentence_model import CachedModel, ModelLoader
from canvasapp.ops.session_suggestions import suggest_for_session
from canvasapp.storage.embedding_cache import EmbeddingCache

DATA = Path(__file__).resolve().parents[1] / "data" / "workshop_notes_labelled.csv"
_EXTRA = ("again", "really", "often", "for us", "in town", "at the hall", "online", "this year")


def workshop_notes(count: int) -> list[tuple[str, str]]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    generator = random.Random(6)
    notes = []
    for index in range(count):
        text = texts[index % len(texts)]
        if index >= len(texts):
            text = f"{text} {generator.choice(_EXTRA)}"
        notes.append((f"n{index}", text))
    return notes


def _cluster_1k(folder: Path, notes: int) -> Measurement:
    sample = workshop_notes(min(notes, 1000))
    value = min(timed(lambda: suggest_clusters(sample)) for _ in range(3))
    baseline = min(timed(lambda: [[fold(word) for word in words(text)] for _id, text in sample]) for _ in range(3))
    return Measurement(value, baseline)


FIGURES = [Figure("cluster_1k_s", "s", 2.0, _cluster_1k)]


def _labelled_session(count: int) -> Session:
    """``count`` labelled notes (repeated with variations) on a board with their three lanes."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        lanes = [row["lane"] for row in csv.DictReader(handle)]
    session = Session.create("Bench", [Lane(lane, lane.title(), order=n) for n, lane in enumerate(dict.fromkeys(lanes))])
    session.add_notes(
        Note(note_id, lanes[index % len(lanes)], text) for index, (note_id, text) in enumerate(workshop_notes(count))
    )
    return session


@functools.cache
def _loaded_model() -> CachedModel:
    """The model, loaded once for both figures (loading is not what they measure)."""
    loader = ModelLoader()
    model = loader.load()
    assert model is not None, loader.failure
    return model


def _suggest_by_meaning(folder: Path, notes: int, *, warm: bool) -> Measurement:
    """Suggestions by meaning for 1,000 notes with the model loaded (the app loads it in the
    background when a session opens): ``warm`` with their vectors in the cache file from an
    earlier run (a fresh in-memory cache each time, so the file is read), else computed."""
    session = _labelled_session(min(notes, 1000))
    path = folder / ("vectors-warm.sqlite" if warm else "vectors-cold.sqlite")
    model = _loaded_model()

    def fresh() -> ModelLoader:
        again = ModelLoader(EmbeddingCache(path), factory=lambda _progress: model.model)
        again.load()
        return again

    def cold() -> ModelLoader:
        path.unlink(missing_ok=True)
        return fresh()

    if warm:
        assert suggest_for_session(session, loader=fresh()).method == "meaning"
    runs = []
    for _ in range(3 if warm else 1):
        ready = fresh() if warm else cold()
        runs.append(timed(lambda ready=ready: suggest_for_session(session, loader=ready)))
    baseline = min(timed(lambda: suggest_for_session(session)) for _ in range(3))
    return Measurement(min(runs), baseline)


FIGURES += [
    # Baseline: today's method (shared words) on the same board.
    Figure("suggest_meaning_1k_warm_s", "s", 3.0, lambda folder, notes: _suggest_by_meaning(folder, notes, warm=True)),
    Figure("suggest_meaning_1k_cold_s", "s", 10.0, lambda folder, notes: _suggest_by_meaning(folder, notes, warm=False)),
]
