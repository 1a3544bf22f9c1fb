"""Suggestions by meaning without the model: groups from given vectors, titles, languages."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from canvasapp.ops.language_guess import guess_language, majority_language
from canvasapp.ops.meaning_clusters import TITLE_CHARS, central_title, shorten, suggest_by_meaning


def unit(*rows: list[float]) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_alike_vectors_group_and_the_largest_group_comes_first() -> None:
    notes = [("a", "no time"), ("b", "too busy"), ("c", "keine Zeit"), ("d", "free coffee"), ("e", "cake please")]
    vectors = unit([1, 0, 0], [0.9, 0.1, 0], [0.95, 0, 0.05], [0, 1, 0.1], [0, 0.9, 0])
    groups = suggest_by_meaning(notes, vectors)
    assert [group.note_ids for group in groups] == [("a", "b", "c"), ("d", "e")]


def test_a_note_alike_to_none_is_not_proposed_and_wordless_notes_are_left_out() -> None:
    notes = [("a", "no time"), ("b", "keine Zeit"), ("c", "parking"), ("d", "123 !!")]
    vectors = unit([1, 0, 0], [1, 0.05, 0], [0, 0, 1], [1, 0, 0])
    groups = suggest_by_meaning(notes, vectors)
    assert [group.note_ids for group in groups] == [("a", "b")]


def test_one_vector_per_note_is_required() -> None:
    with pytest.raises(ValueError):
        suggest_by_meaning([("a", "x")], unit([1, 0], [0, 1]))


def test_too_few_notes_give_nothing() -> None:
    assert suggest_by_meaning([], np.zeros((0, 3), dtype=np.float32)) == []
    assert suggest_by_meaning([("a", "alone")], unit([1, 0])) == []


def test_the_title_is_in_the_language_most_of_the_group_writes() -> None:
    texts = ["Keine Zeit für das Ehrenamt", "No time for the volunteering", "Too busy with the job", "Not enough time"]
    # The German note sits nearest the centre; the group is mostly English.
    vectors = unit([1, 0], [0.8, 0.3], [0.8, -0.3], [0.7, 0.2])
    assert central_title(texts, vectors) == "Not enough time"


def test_the_title_prefers_a_short_note_among_equally_typical_ones() -> None:
    texts = ["Lack of time to do anything at all after work", "Lack of time"]
    assert central_title(texts, unit([1, 0], [1, 0])) == "Lack of time"


def test_long_notes_are_cut_after_a_whole_word() -> None:
    title = shorten("Meetings at times that do not fit my schedule at all, ever")
    assert title == "Meetings at times that do not fit my…"
    assert shorten("  no   time. ") == "No time"
    assert shorten("") == "Theme"


@given(st.text(min_size=0, max_size=200))
def test_a_shortened_title_is_short_and_starts_like_the_note(text: str) -> None:
    title = shorten(text)
    assert len(title) <= TITLE_CHARS + 1
    assert "\n" not in title
    line = " ".join(text.split())
    # The ellipsis of a cut, or the note's own (a note of just "…" is its own title).
    stem = title.removesuffix("…")
    assert title == "Theme" or (line[:1].upper() + line[1:]).startswith(stem)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No time next to work and family", "en"),
        ("Keine Zeit neben der Arbeit", "de"),
        ("Geen tijd naast werk en gezin", "nl"),
        ("No hay presupuesto para el proyecto", "es"),
        ("Pas le temps avec les enfants", "fr"),
        ("Kaffee", None),
    ],
)
def test_a_note_language_is_guessed_from_its_function_words(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_the_majority_language_needs_a_winner() -> None:
    assert majority_language(["the cat", "the dog", "der Hund"]) == "en"
    assert majority_language(["the cat", "der Hund"]) is None
    assert majority_language(["Kaffee"]) is None


def test_on_a_tie_the_title_takes_the_lane_language() -> None:
    texts = ["Cook a meal together with the neighbours", "Gemeinsam kochen", "Cocinar juntos"]
    vectors = unit([1, 0], [1, 0.01], [1, -0.01])
    assert central_title(texts, vectors, prefer="en") == "Cook a meal together with the neighbours"
    assert central_title(texts, vectors, prefer="de") == "Gemeinsam kochen"
    # No language wins and none is preferred: the nearest to the centre, the shorter on a near tie.
    assert central_title(["Kaffeeklatsch", "Tea"], unit([1, 0], [1, 0])) == "Tea"
