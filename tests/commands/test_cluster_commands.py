"""Cluster commands: group, merge, split (ungroup), member moves, and undo of each."""

from __future__ import annotations

from canvasapp.commands import RemoveLane, RemoveNotes
from canvasapp.commands import clusters as cc
from canvasapp.commands.notes import MoveNotes
from canvasapp.model import Cluster, Lane, Note, NotePlacement, Session


def board() -> Session:
    session = Session.create("Clusters", [Lane("drivers", "Drivers"), Lane("blockers", "Blockers")])
    session.add_notes(Note(f"n{i}", "drivers" if i < 4 else "blockers", f"note {i}", x=i * 10.0) for i in range(6))
    return session


def state(session: Session) -> list[tuple[str, str, str | None, list[str], str | None, bool]]:
    return [(c.id, c.title, c.lane_id, c.note_ids, c.colour, c.collapsed) for c in session.clusters]


def round_trip(session: Session, command: cc.ChangeClusters | RemoveNotes | RemoveLane) -> tuple[object, object]:
    """Apply, undo, redo: the states after apply and redo match, undo restores the start."""
    start = state(session)
    command.apply(session)
    after = state(session)
    command.revert(session)
    assert state(session) == start
    command.apply(session)
    assert state(session) == after
    return start, after


def test_group_makes_a_new_cluster_in_the_notes_lane() -> None:
    session = board()
    command = cc.group(session, ["n0", "n1", "n4"], cluster_id="k")
    assert command is not None and command.text == "Group 3 Notes"
    round_trip(session, command)
    assert state(session) == [("k", cc.NEW_CLUSTER_TITLE, "drivers", ["n0", "n1", "n4"], None, False)]


def test_group_joins_the_cluster_most_of_the_selection_shares() -> None:
    session = board()
    session.add_cluster(Cluster("a", "Belonging", "drivers", ["n0", "n1"]))
    session.add_cluster(Cluster("b", "Time", "blockers", ["n4"]))
    command = cc.group(session, ["n0", "n1", "n4"])
    assert command is not None
    round_trip(session, command)
    # n4 left b (now empty, so gone) and joined a.
    assert state(session) == [("a", "Belonging", "drivers", ["n0", "n1", "n4"], None, False)]


def test_group_without_a_majority_makes_a_new_cluster() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n1"]))
    command = cc.group(session, ["n0", "n1", "n2"], cluster_id="k")
    assert command is not None
    round_trip(session, command)
    assert [c.id for c in session.clusters] == ["k"]


def test_merge_puts_the_source_notes_after_the_targets_and_undo_splits_again() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0", "n1"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n2", "n3"], colour="#B5D8FF"))
    command = cc.merge(session, "b", "a")
    assert command is not None and command.text == "Merge “B” into “A”"
    start, _ = round_trip(session, command)
    assert state(session) == [("a", "A", "drivers", ["n0", "n1", "n2", "n3"], None, False)]
    command.revert(session)
    assert state(session) == start
    assert cc.merge(session, "a", "a") is None


def test_ungroup_dissolves_and_undo_brings_the_cluster_back_in_its_place() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n1"]))
    session.add_cluster(Cluster("c", "C", "drivers", ["n2"]))
    command = cc.ungroup(session, ["b"])
    assert command is not None and command.text == "Ungroup “B”"
    round_trip(session, command)
    command.revert(session)
    assert [c.id for c in session.clusters] == ["a", "b", "c"]


def test_member_moves_in_and_out_with_the_notes_moving_in_one_step() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0"]))
    move = MoveNotes.to(session, {"n5": NotePlacement(100.0, 200.0, "drivers")})
    command = cc.add_to_cluster(session, ["n5"], "a", move=move)
    assert command is not None
    round_trip(session, command)
    assert session.cluster("a").note_ids == ["n0", "n5"]
    assert session.note("n5").lane_id == "drivers"
    command.revert(session)
    assert session.note("n5").lane_id == "blockers" and session.cluster("a").note_ids == ["n0"]
    command.apply(session)

    out = cc.remove_from_clusters(session, ["n0"])
    assert out is not None
    round_trip(session, out)
    assert session.cluster("a").note_ids == ["n5"]


def test_rename_recolour_collapse_are_undoable_and_refuse_no_change() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0"]))
    for make in (
        lambda: cc.rename(session, "a", "Being  heard"),
        lambda: cc.recolour(session, ["a"], "#a8e6e0"),
        lambda: cc.set_collapsed(session, ["a"], True),
    ):
        command = make()  # from the state the previous step left
        assert command is not None
        round_trip(session, command)
    assert state(session) == [("a", "Being heard", "drivers", ["n0"], "#A8E6E0", True)]
    assert cc.rename(session, "a", "Being heard") is None


def test_deleting_notes_and_undo_puts_them_back_in_their_cluster_at_their_place() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "drivers", ["n0", "n1", "n2"]))
    session.add_cluster(Cluster("b", "B", "drivers", ["n3"]))
    command = RemoveNotes(["n1", "n3"])
    start, after = round_trip(session, command)
    assert after == [("a", "A", "drivers", ["n0", "n2"], None, False)]
    command.revert(session)
    assert state(session) == start == [
        ("a", "A", "drivers", ["n0", "n1", "n2"], None, False),
        ("b", "B", "drivers", ["n3"], None, False),
    ]


def test_deleting_a_lane_and_undo_restores_its_clusters() -> None:
    session = board()
    session.add_cluster(Cluster("a", "A", "blockers", ["n4", "n5"]))
    command = RemoveLane.of(session, "blockers")
    round_trip(session, command)
    command.revert(session)
    assert state(session) == [("a", "A", "blockers", ["n4", "n5"], None, False)]


def test_accepting_suggestions_makes_one_cluster_per_group() -> None:
    session = board()
    command = cc.accept_groups(session, [("Time", ["n0", "n1"]), ("Space", ["n4", "missing"])], ids=["x", "y"])
    assert command is not None and command.text == "Accept 2 Clusters"
    round_trip(session, command)
    assert state(session) == [
        ("x", "Time", "drivers", ["n0", "n1"], None, False),
        ("y", "Space", "blockers", ["n4"], None, False),
    ]
