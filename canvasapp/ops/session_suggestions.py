"""Suggested clusters for a session: which notes to look at, lane by lane, and which method ran.

This is what *Cluster → Suggest Clusters…* and ``canvasapp suggest`` both call. It reads the
session and changes nothing. Suggestions are made lane by lane: a theme never takes a driver
into the activities (accepting it would move the note, and what the room said would change
meaning without anyone noticing). Notes already in a cluster are left out unless asked for, so
accepting a suggestion never pulls a note out of a cluster someone made.

By meaning (a multilingual sentence model) when the model is loaded; by shared words (TF-IDF)
otherwise, and :attr:`Suggestions.method` says which ran and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from canvasapp.model import Note, Session
from canvasapp.ops.cluster_suggestions import SuggestedCluster, suggest_clusters
from canvasapp.ops.meaning_clusters import suggest_by_meaning
from canvasapp.ops.progress import Progress as WorkProgress
from canvasapp.ops.sentence_model import CachedModel, ModelLoader, Progress, Vectors

Scope = Literal["board", "lane", "selection"]
Method = Literal["meaning", "words"]

METHOD_NAMES: dict[Method, str] = {
    "meaning": "By meaning (multilingual sentence model, on this computer)",
    "words": "By shared words",
}


@dataclass(frozen=True, slots=True)
class Suggestions:
    """The proposed groups, largest first, and how they were found."""

    method: Method
    groups: list[SuggestedCluster]
    texts: dict[str, str] = field(default_factory=dict)
    """Every considered note's text by id (the dialog shows them under each title)."""
    lanes: dict[str, str | None] = field(default_factory=dict)
    """Every considered note's lane id by note id."""
    reason: str | None = None
    """Why the words method ran instead of meaning (one sentence), ``None`` otherwise."""

    @property
    def method_label(self) -> str:
        """One line for the dialog: the method, and why when it is the fallback."""
        label = METHOD_NAMES[self.method]
        return f"{label}: {self.reason}" if self.reason else label


def notes_in_scope(
    session: Session,
    scope: Scope = "board",
    *,
    lane_id: str | None = None,
    note_ids: Iterable[str] = (),
    include_clustered: bool = False,
) -> list[Note]:
    """The notes a suggestion looks at, oldest first (the same notes give the same proposal)."""
    if scope == "selection":
        notes = [session.note(note_id) for note_id in dict.fromkeys(note_ids) if session.has_note(note_id)]
    elif scope == "lane":
        notes = [note for note in session.notes if note.lane_id == lane_id]
    else:
        notes = list(session.notes)
    if not include_clustered:
        notes = [note for note in notes if session.cluster_of(note.id) is None]
    notes.sort(key=lambda note: (note.created, note.id))
    return notes


def suggest_for_session(
    session: Session,
    scope: Scope = "board",
    include_clustered: bool = False,
    *,
    lane_id: str | None = None,
    note_ids: Iterable[str] = (),
    loader: ModelLoader | None = None,
    wait: bool = False,
    progress: WorkProgress | None = None,
) -> Suggestions:
    """Suggested clusters among the notes in ``scope`` (see :func:`notes_in_scope`).

    By meaning when ``loader`` has the model (with ``wait``, this loads it first, on this
    thread); by shared words when there is no loader, it is still loading, or it failed.
    ``progress`` hears how far it is and may cancel it (a worker thread runs it for the window).
    """
    check: Callable[[], None] = progress.check if progress is not None else _go_on
    notes = notes_in_scope(
        session, scope, lane_id=lane_id, note_ids=note_ids, include_clustered=include_clustered
    )
    by_lane: dict[str | None, list[Note]] = {}
    for note in notes:
        by_lane.setdefault(note.lane_id, []).append(note)
    texts = {note.id: note.text for note in notes}
    lanes = {note.id: note.lane_id for note in notes}

    model = None
    reason: str | None = None
    if loader is None:
        reason = "the language model is not in use."
    else:
        model = loader.load() if wait else loader.model
        if model is None:
            reason = loader.failure or "the language model is still loading; try again in a moment."

    groups: list[SuggestedCluster] | None = None
    if model is not None:
        try:
            vectors = _encode(model, [note.text for note in notes], progress)
        except (MemoryError, ValueError, RuntimeError) as error:
            reason = f"the language model failed on these notes ({error or type(error).__name__})."
        else:
            row = {note.id: index for index, note in enumerate(notes)}
            groups = [
                group
                for lane_notes in by_lane.values()
                for group in suggest_by_meaning(
                    [(note.id, note.text) for note in lane_notes],
                    vectors[[row[note.id] for note in lane_notes]],
                    check=check,
                )
            ]
    method: Method = "meaning" if groups is not None else "words"
    if groups is None:
        groups = [
            group
            for lane_notes in by_lane.values()
            for group in suggest_clusters([(note.id, note.text) for note in lane_notes], check=check)
        ]
    groups.sort(key=lambda group: -len(group.note_ids))  # stable: lane order kept on ties
    return Suggestions(method, groups, texts, lanes, None if method == "meaning" else reason)


def _go_on() -> None:
    """Nothing stops work that no one watches."""


#: Notes embedded at a time when a job may be cancelled between two pieces.
ENCODE_PIECE = 128


def _encode(model: CachedModel, texts: list[str], progress: WorkProgress | None) -> Vectors:
    if progress is None or len(texts) <= ENCODE_PIECE:
        return model.encode(texts)
    pieces = []
    for start in range(0, len(texts), ENCODE_PIECE):
        progress.report(start, len(texts), "Reading the notes")
        pieces.append(model.encode(texts[start:start + ENCODE_PIECE]))
    return np.concatenate(pieces)


def prepare_for_session(session: Session, loader: ModelLoader, progress: Progress | None = None) -> CachedModel | None:
    """Load the model and compute (or read from the cache) the vectors of every note, so the
    first suggestion is quick. Slow: run it on a worker thread when a session opens; progress
    goes from 0 to 1 (loading is most of it). ``None`` when the model cannot load."""
    report = progress or (lambda _fraction, _what: None)
    model = loader.load(lambda fraction, what: report(fraction * 0.9, what))
    if model is not None:
        report(0.9, "Reading the notes")
        model.encode([note.text for note in session.notes])
    report(1.0, "Ready" if model is not None else (loader.failure or "The language model could not load."))
    return model
