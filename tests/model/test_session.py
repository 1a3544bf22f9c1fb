"""The session emits one event per change and ``edit_finished`` once per outermost edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from canvasapp.model import Lane, Note, NotePlacement, Session, SessionError, new_id

LANES = [
    Lane(id="blockers", title="Blockers", order=1, colour="#FFB3C7"),
    Lane(id="drivers", title="Drivers", order=0, colour="#FFE45C"),
]


class Recorder:
    """Every event of a session, in the order observers heard them, as (name, payload)."""

    def __init__(self, session: Session) -> None:
        self.heard: list[tuple[str, object]] = []
        for name in ("notes_added", "notes_removed", "notes_moved", "note_text_changed", "title_changed"):
            getattr(session, name).connect(self._observer(name))
        session.edit_finished.connect(lambda: self.heard.append(("edit_finished", None)))

    def _observer(self, name: str) -> Callable[[object], None]:
        def observe(payload: object) -> None:
            # Note lists are copied: the session may reuse or change them after emitting.
            self.heard.append((name, list(payload) if isinstance(payload, list) else payload))

        return observe

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.heard]


def note(text: str = "", lane: str | None = "drivers", x: float = 0.0, y: float = 0.0) -> Note:
    return Note(id=new_id(), lane_id=lane, text=text, x=x, y=y)


@pytest.fixture
def session() -> Session:
    return Session.create("Community gathering", LANES, template_id="drivers-blockers-activities")


@pytest.fixture
def events(session: Session) -> Recorder:
    return Recorder(session)


def test_lanes_are_kept_in_their_order(session: Session) -> None:
    assert [lane.id for lane in session.lanes] == ["drivers", "blockers"]
    assert session.lane("blockers") is not None
    assert session.lane("nowhere") is None


def test_add_notes_emits_notes_added_then_edit_finished(session: Session, events: Recorder) -> None:
    first, second = note("Being heard"), note("Clear task")

    session.add_notes([first, second])

    assert events.heard == [("notes_added", [first, second]), ("edit_finished", None)]
    assert session.note(first.id) is first
    assert len(session) == 2


def test_remove_notes_emits_the_removed_notes_and_returns_them(session: Session, events: Recorder) -> None:
    keep, gone = note("keep"), note("gone")
    session.add_notes([keep, gone])
    events.heard.clear()

    removed = session.remove_notes([gone.id])

    assert removed == [gone]
    assert events.heard == [("notes_removed", [gone]), ("edit_finished", None)]
    assert not session.has_note(gone.id)
    assert session.notes == [keep]


def test_set_note_text_emits_the_changed_note(session: Session, events: Recorder) -> None:
    target = note("old")
    session.add_notes([target])
    before = target.updated
    events.heard.clear()

    session.set_note_text(target.id, "new ✓")

    assert events.heard == [("note_text_changed", target), ("edit_finished", None)]
    assert target.text == "new ✓"
    assert target.updated >= before


def test_move_notes_changes_position_and_lane(session: Session, events: Recorder) -> None:
    a, b = note("a", x=1, y=2), note("b", x=3, y=4)
    session.add_notes([a, b])
    events.heard.clear()

    session.move_notes({a.id: NotePlacement(100.0, 200.0, "blockers"), b.id: NotePlacement(5.0, 6.0, None)})

    assert events.heard == [("notes_moved", [a, b]), ("edit_finished", None)]
    assert (a.x, a.y, a.lane_id) == (100.0, 200.0, "blockers")
    assert (b.x, b.y, b.lane_id) == (5.0, 6.0, None)


def test_note_corners_are_where_the_notes_are_now_and_leave_out_notes_it_does_not_have(session: Session) -> None:
    a, b = note("a", x=10, y=20), note("b", x=300, y=40)
    session.add_notes([a, b])
    session.move_notes({b.id: NotePlacement(x=320.5, y=60, lane_id="drivers")})
    corners = session.note_corners(iter([b.id, "nobody", a.id]))
    assert corners == {b.id: (320.5, 60, b.width, b.height), a.id: (10, 20, a.width, a.height)}
    assert session.note_corners([]) == {}


def test_set_title_strips_and_emits(session: Session, events: Recorder) -> None:
    session.set_title("  Autumn gathering  ")

    assert session.title == "Autumn gathering"
    assert events.heard == [("title_changed", "Autumn gathering"), ("edit_finished", None)]


def test_edit_finished_once_per_outermost_edit(session: Session, events: Recorder) -> None:
    a = note("a")
    with session.edit():
        session.add_notes([a])
        with session.edit():
            session.set_note_text(a.id, "b")
            session.move_notes({a.id: NotePlacement(9.0, 9.0, "drivers")})
        # The inner block ended, but the outer edit is still running: no save yet.
        assert "edit_finished" not in events.names
        session.set_title("Grouped")

    assert events.names == [
        "notes_added",
        "note_text_changed",
        "notes_moved",
        "title_changed",
        "edit_finished",
    ]


def test_edit_finishes_even_when_a_change_inside_fails(session: Session, events: Recorder) -> None:
    # The store must still hear about the changes made before the failure.
    a = note("a")
    with pytest.raises(SessionError), session.edit():
        session.add_notes([a])
        session.set_note_text("missing", "x")

    assert events.names == ["notes_added", "edit_finished"]
    with session.edit():
        pass
    assert events.names.count("edit_finished") == 2


def test_each_edit_stamps_the_session_updated_time(session: Session) -> None:
    session.updated = datetime(2020, 1, 1, tzinfo=UTC)
    session.add_notes([note("a")])
    assert session.updated > datetime(2020, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: s.set_note_text("missing", "x"), id="edit text"),
        pytest.param(lambda s: s.move_notes({"missing": NotePlacement(0, 0, None)}), id="move"),
        pytest.param(lambda s: s.remove_notes(["missing"]), id="remove"),
        pytest.param(lambda s: s.note("missing"), id="look up"),
    ],
)
def test_unknown_note_is_refused_without_any_event(
    session: Session, events: Recorder, change: Callable[[Session], object]
) -> None:
    present = note("present")
    session.add_notes([present])
    events.heard.clear()

    with pytest.raises(SessionError, match="no note 'missing'"):
        change(session)

    assert events.heard == []
    assert session.notes == [present]


def test_unknown_note_among_known_ones_changes_nothing(session: Session, events: Recorder) -> None:
    a = note("a", x=1.0, y=1.0)
    session.add_notes([a])
    events.heard.clear()

    with pytest.raises(SessionError):
        session.move_notes({a.id: NotePlacement(50.0, 50.0, None), "missing": NotePlacement(0, 0, None)})
    with pytest.raises(SessionError):
        session.remove_notes([a.id, "missing"])

    assert (a.x, a.y, a.lane_id) == (1.0, 1.0, "drivers")
    assert session.has_note(a.id)
    assert events.heard == []


def test_duplicate_note_id_is_refused(session: Session, events: Recorder) -> None:
    a = note("a")
    session.add_notes([a])
    events.heard.clear()
    twin = Note(id=a.id, lane_id="blockers", text="twin")

    with pytest.raises(SessionError, match="already in this session"):
        session.add_notes([note("fresh"), twin])

    assert session.notes == [a]
    assert events.heard == []


def test_duplicate_id_within_one_batch_is_refused(session: Session, events: Recorder) -> None:
    a = note("a")
    twin = Note(id=a.id, lane_id="blockers", text="twin")

    with pytest.raises(SessionError, match="already in this session"):
        session.add_notes([a, twin])

    assert session.notes == []
    assert events.heard == []


def test_removing_the_same_id_twice_in_one_call_removes_it_once(session: Session, events: Recorder) -> None:
    a = note("a")
    session.add_notes([a])
    events.heard.clear()

    removed = session.remove_notes([a.id, a.id])

    assert removed == [a]
    assert events.heard == [("notes_removed", [a]), ("edit_finished", None)]


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_empty_title_is_refused(session: Session, events: Recorder, title: str) -> None:
    with pytest.raises(SessionError, match="needs a title"):
        session.set_title(title)

    assert session.title == "Community gathering"
    assert events.heard == []


def test_note_colour_follows_its_lane_unless_set(session: Session) -> None:
    plain, own, loose = note("plain", lane="blockers"), note("own"), note("loose", lane=None)
    own.colour = "#123456"
    assert session.note_colour(plain) == "#FFB3C7"
    assert session.note_colour(own) == "#123456"
    assert session.note_colour(loose) == "#FFE45C"
    gone = note("gone", lane="no-such-lane")
    every = [plain, own, loose, gone]
    assert session.note_colours(every) == [session.note_colour(one) for one in every]


def test_an_observer_may_disconnect_itself_while_called(session: Session) -> None:
    calls: list[int] = []

    def once() -> None:
        calls.append(1)
        session.edit_finished.disconnect(once)

    session.edit_finished.connect(once)
    session.add_notes([note("a")])
    session.add_notes([note("b")])
    assert calls == [1]
