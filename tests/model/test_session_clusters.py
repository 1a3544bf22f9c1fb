"""The session's cluster rules: one cluster per note, members exist, empty clusters go."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canvasapp.model import Cluster, Lane, Note, Session, SessionError


def board(count: int = 4) -> Session:
    session = Session.create("Clusters", [Lane("drivers", "Drivers"), Lane("blockers", "Blockers")])
    session.add_notes(Note(f"n{i}", "drivers", f"note {i}") for i in range(count))
    return session


def test_a_note_belongs_to_one_cluster_at_most() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0", "n1"]))
    with pytest.raises(SessionError, match="one cluster"):
        session.add_cluster(Cluster("b", "B", "drivers", ["n1", "n2"]))
    with pytest.raises(SessionError, match="no note"):
        session.add_cluster(Cluster("b", "B", "drivers", ["missing"]))
    with pytest.raises(SessionError, match="at least one"):
        session.add_cluster(Cluster("b", "B", "drivers", []))
    assert session.cluster_of("n1") is session.cluster("a") and session.cluster_of("n2") is None


def test_events_tell_the_observers_what_changed() -> None:
    session = board()
    heard: list[tuple[str, object]] = []
    session.cluster_added.connect(lambda c: heard.append(("added", c.id)))
    session.clusters_changed.connect(lambda cs: heard.append(("changed", [c.id for c in cs])))
    session.cluster_removed.connect(lambda c: heard.append(("removed", c.id)))
    edits: list[int] = []
    session.edit_finished.connect(lambda: edits.append(1))
    session.add_cluster(Cluster("a", "A", "drivers", ["n0"]))
    session.update_cluster("a", title="  Being   heard ", colour="#b5d8ff", collapsed=True)
    session.set_cluster_members({"a": ["n1", "n0"]})
    session.remove_cluster("a")
    assert heard == [("added", "a"), ("changed", ["a"]), ("changed", ["a"]), ("removed", "a")]
    assert len(edits) == 4


def test_deleting_notes_leaves_clusters_and_an_emptied_cluster_goes() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0", "n1", "n2"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n3"]))
    session.remove_notes(["n1", "n3"])
    assert session.cluster("a").note_ids == ["n0", "n2"]
    assert not session.has_cluster("b")
    assert session.cluster_of("n3") is None


def test_replace_clusters_touches_only_what_differs() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0", "n1"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n2"]))
    heard: list[str] = []
    session.cluster_added.connect(lambda c: heard.append(f"+{c.id}"))
    session.cluster_removed.connect(lambda c: heard.append(f"-{c.id}"))
    session.clusters_changed.connect(lambda cs: heard.extend(f"~{c.id}" for c in cs))
    # n1 moves from a to a new cluster c; b goes; a stays first.
    session.replace_clusters([Cluster("a", "A", "drivers", ["n0"]), Cluster("c", "C", None, ["n1", "n3"])])
    assert sorted(heard) == ["+c", "-b", "~a"]
    assert [c.id for c in session.clusters] == ["a", "c"]
    assert session.cluster_of("n1").id == "c" and session.cluster_of("n2") is None
    with pytest.raises(SessionError):
        session.replace_clusters([Cluster("a", "A", None, ["n0"]), Cluster("c", "C", None, ["n0"])])
    assert [c.id for c in session.clusters] == ["a", "c"]  # a refused state changes nothing


@given(
    groups=st.lists(st.lists(st.integers(0, 11), min_size=1, max_size=4, unique=True), max_size=4),
    asked=st.lists(st.sampled_from([*(f"n{i}" for i in range(12)), "gone"]), max_size=20),
)
def test_the_clusters_of_notes_are_those_cluster_of_finds_each_once_in_the_order_first_met(
    groups: list[list[int]], asked: list[str]
) -> None:
    session = board(12)
    taken: set[int] = set()
    for index, members in enumerate(groups):
        members = [member for member in members if member not in taken]
        if members:
            taken.update(members)
            session.add_cluster(Cluster(f"c{index}", f"C{index}", "drivers", [f"n{m}" for m in members]))
    expected: list[Cluster] = []
    for note_id in asked:
        cluster = session.cluster_of(note_id) if session.has_note(note_id) else None
        if cluster is not None and all(cluster is not seen for seen in expected):
            expected.append(cluster)
    assert session.clusters_of(asked) == expected
    assert session.clusters_of(iter(asked)) == expected  # any iterable, read once
