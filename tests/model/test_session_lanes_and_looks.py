"""Sizes, colours and lanes change only through methods that emit events, once per edit."""

from __future__ import annotations

import pytest

from canvasapp.model import Lane, Note, Session, SessionError, new_id


def make_session() -> Session:
    lanes = [
        Lane(id="drivers", title="Drivers", order=0, colour="#FFE45C"),
        Lane(id="blockers", title="Blockers", order=1, colour="#FFB3C7"),
    ]
    session = Session.create("Lanes", lanes)
    session.add_notes([Note(id="a", lane_id="drivers", text="A"), Note(id="b", lane_id="blockers", text="B")])
    return session


def record(session: Session, *names: str) -> list[tuple[str, object]]:
    heard: list[tuple[str, object]] = []
    for name in names:
        getattr(session, name).connect(lambda payload, name=name: heard.append((name, payload)))
    session.edit_finished.connect(lambda: heard.append(("edit_finished", None)))
    return heard


def test_resize_notes_emits_once_and_refuses_tiny_notes() -> None:
    session = make_session()
    heard = record(session, "notes_resized")
    session.resize_notes({"a": (300.0, 180.0)})
    assert (session.note("a").width, session.note("a").height) == (300.0, 180.0)
    assert [name for name, _ in heard] == ["notes_resized", "edit_finished"]
    with pytest.raises(SessionError):
        session.resize_notes({"a": (10.0, 10.0)})
    assert session.note("a").width == 300.0


def test_note_colours_can_be_chosen_and_given_back_to_the_lane() -> None:
    session = make_session()
    heard = record(session, "note_colours_changed")
    session.set_note_colours({"a": "#b5d8ff"})
    assert session.note("a").colour == "#B5D8FF"
    assert session.note_colour(session.note("a")) == "#B5D8FF"
    session.set_note_colours({"a": None})
    assert session.note_colour(session.note("a")) == "#FFE45C"
    assert [name for name, _ in heard].count("edit_finished") == 2
    with pytest.raises(SessionError):
        session.set_note_colours({"a": "red"})


def test_add_lane_in_the_middle_renumbers_the_lanes_after_it() -> None:
    session = make_session()
    heard = record(session, "lane_added", "lanes_changed")
    session.add_lane(Lane(id="rituals", title="Rituals", colour="#A8E6E0"), 1)
    assert [lane.id for lane in session.lanes] == ["drivers", "rituals", "blockers"]
    assert [lane.order for lane in session.lanes] == [0, 1, 2]
    assert [name for name, _ in heard] == ["lane_added", "lanes_changed", "edit_finished"]
    with pytest.raises(SessionError):
        session.add_lane(Lane(id=new_id(), title="  "))


def test_move_update_and_remove_lanes() -> None:
    session = make_session()
    session.move_lane("blockers", 0)
    assert [lane.id for lane in session.lanes] == ["blockers", "drivers"]
    session.update_lane("drivers", title=" Motivations ", colour="#D9C6F5", width=900)
    lane = session.lane("drivers")
    assert lane is not None and (lane.title, lane.colour, lane.width) == ("Motivations", "#D9C6F5", 900)
    with pytest.raises(SessionError):
        session.update_lane("drivers", width=10)
    with pytest.raises(SessionError, match="empty"):
        session.remove_lane("drivers")
    session.remove_notes(["a"])
    removed, index = session.remove_lane("drivers")
    assert (removed.id, index) == ("drivers", 1)
    assert [lane.id for lane in session.lanes] == ["blockers"]
