"""Suggested clusters by meaning: groups of notes whose sentence vectors point the same way,
each titled with its most typical note, shortened.

How: the notes' unit vectors (from :mod:`canvasapp.ops.sentence_model`) give cosine
similarities; notes are joined bottom-up by average link (the same clustering as the lexical
method) while two groups are at least :data:`MEANING_THRESHOLD` alike. A group's title is the
note nearest the group's centre (a shorter one when several are about as near), cut at a word
boundary: a phrase the room wrote, in the room's language, never a list of words mixed from
two languages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from canvasapp.ops.cluster_suggestions import SuggestedCluster, average_link, words
from canvasapp.ops.language_guess import guess_language, majority_language
from canvasapp.ops.sentence_model import Vectors

#: Two groups join while their average cosine similarity is at least this. Chosen on
#: ``tests/data/workshop_notes_labelled.csv`` lane by lane: the adjusted Rand index is 0.59 at
#: 0.275 and stays at 0.54 or more from 0.225 to 0.325 (see tests/ops/test_meaning_quality.py).
MEANING_THRESHOLD = 0.275
#: A title longer than this is cut at the last word boundary before it.
TITLE_CHARS = 40
#: Notes this close to the most typical one compete for the title on shortness.
TITLE_SLACK = 0.02


def suggest_by_meaning(
    notes: Sequence[tuple[str, str]],
    vectors: Vectors,
    *,
    threshold: float = MEANING_THRESHOLD,
    min_size: int = 2,
    check: Callable[[], None] | None = None,
) -> list[SuggestedCluster]:
    """Groups among ``(note id, text)`` pairs whose ``vectors`` (one unit row per note, same
    order) are alike, largest first; notes without words and groups under ``min_size`` are left out."""
    if len(notes) != len(vectors):
        raise ValueError("One vector per note is needed.")
    usable = [index for index, (_id, text) in enumerate(notes) if words(text)]
    if len(usable) < min_size:
        return []
    chosen = vectors[usable].astype(np.float64)
    groups = average_link(chosen @ chosen.T, threshold, check) if check else average_link(chosen @ chosen.T, threshold)
    language = majority_language([notes[index][1] for index in usable])
    proposals = [
        SuggestedCluster(
            title=central_title([notes[usable[i]][1] for i in group], chosen[group], language),
            note_ids=tuple(notes[usable[i]][0] for i in group),
        )
        for group in groups
        if len(group) >= min_size
    ]
    order = {notes[index][0]: position for position, index in enumerate(usable)}
    return sorted(proposals, key=lambda group: (-len(group.note_ids), order[group.note_ids[0]]))


def central_title(texts: Sequence[str], vectors: npt.NDArray[Any], prefer: str | None = None) -> str:
    """The group's most typical note as a short title.

    Typical means near the group's centre in meaning, among the notes in the language most of
    the group is written in (a group of English notes with one German note reads in English,
    even when the German one sits nearest the centre; on a tie, the ``prefer`` language, which
    is the language most notes of the lane are in). Among notes about as near, the shortest.
    """
    if not texts:
        return "Theme"
    unit = np.asarray(vectors, dtype=np.float64)
    closeness = unit @ unit.mean(axis=0)
    guesses = [guess_language(text) for text in texts]
    language = majority_language(texts) or prefer
    everyone = list(range(len(texts)))
    allowed = [index for index in everyone if guesses[index] == language] if language else everyone
    allowed = allowed or everyone
    best = max(float(closeness[index]) for index in allowed)
    near = [index for index in allowed if closeness[index] >= best - TITLE_SLACK]
    pick = min(near, key=lambda index: (len(texts[index].strip()), -closeness[index], index))
    return shorten(texts[pick])


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    """One line of at most ``limit`` characters, cut after a whole word, first letter upper case."""
    line = " ".join(text.split())
    if len(line) > limit:
        cut = line[: limit + 1].rsplit(" ", 1)[0] if " " in line[:limit + 1] else line[:limit]
        line = cut.rstrip(" ,;:-–—(/&+") + "…"
    line = line.rstrip(" .!;:,")
    return (line[:1].upper() + line[1:]) or "Theme"
