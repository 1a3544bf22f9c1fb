"""Lane, size and colour commands: revert restores exactly, notes keep to their lanes."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from canvasapp.commands import (
    AddLane,
    MoveLane,
    MoveNotes,
    RemoveLane,
    RenameLane,
    ResizeLane,
    ResizeNotes,
    SetLaneColour,
    SetNoteColour,
)
from canvasapp.commands.base import Command
from canvasapp.model import Lane, Note, Session
from canvasapp.ops.layout import lane_at


@pytest.fixture
def session() -> Session:
    lanes = [
        Lane(id="drivers", title="Drivers", order=0, colour="#FFE45C", width=760),
        Lane(id="blockers", title="Blockers", order=1, colour="#FFB3C7", width=760),
    ]
    board = Session.create("Commands", lanes)
    board.add_notes(
        [
            Note(id="a", lane_id="drivers", text="A", x=500, y=200),
            Note(id="b", lane_id="blockers", text="B", x=800, y=200, colour="#B5D8FF"),
            Note(id="loose", lane_id=None, text="outside", x=-400, y=200),
        ]
    )
    return board


def state(session: Session) -> tuple[object, ...]:
    return (
        tuple(astuple(lane) for lane in session.lanes),
        tuple(sorted((n.id, n.x, n.y, n.lane_id, n.width, n.height, n.colour, n.text) for n in session.notes)),
    )


def round_trip(session: Session, command: Command) -> None:
    """apply, revert (back exactly), apply again (the same result): each one edit."""
    finished: list[int] = []
    session.edit_finished.connect(lambda: finished.append(1))
    before = state(session)
    command.apply(session)
    after = state(session)
    command.revert(session)
    assert state(session) == before
    command.apply(session)
    assert state(session) == after
    assert len(finished) == 3


def belongs(session: Session) -> None:
    """Every laned note's centre is still in its lane."""
    for note in session.notes:
        if note.lane_id is not None:
            assert lane_at(session.lanes, note.x + note.width / 2) == note.lane_id, note


def test_resize_and_colour_commands(session: Session) -> None:
    resize = ResizeNotes.to(session, {"a": (320.0, 200.0)})
    assert resize.text == "Resize 1 Note"
    round_trip(session, resize)
    colour = SetNoteColour.to(session, ["a", "b"], "#D9C6F5")
    assert colour.text == "Colour 2 Notes"
    round_trip(session, colour)
    back = SetNoteColour.to(session, ["b"], None)
    assert back.text == "Lane Colour for 1 Note"
    round_trip(session, back)
    assert session.note_colour(session.note("b")) == "#FFB3C7"


def test_move_lane_takes_its_notes_along(session: Session) -> None:
    command = MoveLane.by(session, "blockers", -1)
    assert command.text == "Move Lane “Blockers” Left"
    round_trip(session, command)
    assert [lane.id for lane in session.lanes] == ["blockers", "drivers"]
    assert session.note("b").x == 800 - 784
    assert session.note("a").x == 500 + 784
    assert session.note("loose").x == -400
    belongs(session)


def test_narrower_lane_pulls_its_notes_in_and_the_next_lane_follows(session: Session) -> None:
    command = ResizeLane.to(session, "drivers", 400)
    round_trip(session, command)
    assert session.note("a").x == 400 - 200
    assert session.note("b").x == 800 - 360
    belongs(session)


def test_add_lane_first_moves_every_lane_and_note_right(session: Session) -> None:
    command = AddLane(Lane(id="rituals", title="Rituals", colour="#A8E6E0", width=500), 0)
    round_trip(session, command)
    assert session.note("a").x == 500 + 524
    belongs(session)


def test_remove_lane_with_notes_and_undo_puts_both_back(session: Session) -> None:
    command = RemoveLane.of(session, "drivers")
    assert command.text == "Delete Lane “Drivers” and 1 Note"
    round_trip(session, command)
    assert not session.has_note("a")
    assert [lane.id for lane in session.lanes] == ["blockers"]
    assert session.note("b").x == 800 - 784


def test_rename_and_recolour_lane(session: Session) -> None:
    round_trip(session, RenameLane.to(session, "drivers", "Motivations", "Why come?"))
    lane = session.lane("drivers")
    assert lane is not None and (lane.title, lane.prompt) == ("Motivations", "Why come?")
    round_trip(session, SetLaneColour.to(session, "drivers", "#A8E6E0"))
    assert session.note_colour(session.note("a")) == "#A8E6E0"


def test_verbs_name_the_action(session: Session) -> None:
    from canvasapp.commands import AddNotes, RemoveNotes

    assert AddNotes([session.note("a")], verb="Paste").text == "Paste 1 Note"
    assert RemoveNotes(["a", "b"], verb="Cut").text == "Cut 2 Notes"
    assert MoveNotes({}, {"a": session.note("a").placement}, verb="Align", suffix=" Left").text == "Align 1 Note Left"
