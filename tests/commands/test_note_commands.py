"""Each note command's revert restores exactly what apply changed, and apply again redoes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple
from datetime import UTC, datetime

import pytest

from canvasapp.commands import AddNotes, Command, EditNoteText, MoveNotes, RemoveNotes
from canvasapp.model import Lane, Note, NotePlacement, Session, new_id

LANES = [Lane(id="drivers", title="Drivers", order=0), Lane(id="blockers", title="Blockers", order=1)]


def full_note(text: str, lane: str | None = "drivers", x: float = 10.0, y: float = 20.0) -> Note:
    """A note with every field away from its default, so a lost field shows."""
    return Note(
        id=new_id(),
        lane_id=lane,
        text=text,
        x=x,
        y=y,
        width=231.5,
        height=151.25,
        colour="#A1B2C3",
        created=datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC),
        updated=datetime(2024, 5, 6, 8, 0, 0, 456000, tzinfo=UTC),
    )


def snapshot(session: Session) -> dict[str, tuple[object, ...]]:
    """Every field of every note, by id."""
    return {note.id: astuple(note) for note in session.notes}


def places(session: Session) -> dict[str, tuple[float, float, str | None]]:
    return {note.id: (note.x, note.y, note.lane_id) for note in session.notes}


def texts(session: Session) -> dict[str, str]:
    return {note.id: note.text for note in session.notes}


@pytest.fixture
def session() -> Session:
    board = Session.create("Commands", LANES)
    board.add_notes(
        [
            full_note("Being heard", x=10, y=20),
            full_note("Lack of time", lane="blockers", x=300, y=40),
            full_note("Loose", lane=None, x=-50, y=900),
        ]
    )
    return board


@pytest.fixture
def finished(session: Session) -> list[int]:
    """One entry per edit_finished: each apply and revert must be exactly one saved edit."""
    heard: list[int] = []
    session.edit_finished.connect(lambda: heard.append(1))
    return heard


def ids(session: Session) -> list[str]:
    return [note.id for note in session.notes]


# --- AddNotes ---------------------------------------------------------------------------------


def test_add_notes_apply_revert_redo(session: Session, finished: list[int]) -> None:
    before = snapshot(session)
    new = [full_note("Champions"), full_note("Stories", lane="blockers")]
    command = AddNotes(new)

    command.apply(session)
    added = {note.id: astuple(note) for note in new}
    assert snapshot(session) == before | added

    command.revert(session)
    assert snapshot(session) == before

    command.apply(session)
    assert snapshot(session) == before | added
    assert len(finished) == 3


def test_add_notes_keeps_its_own_snapshot(session: Session) -> None:
    # Later edits of the live note must not change what a redo puts back.
    new = full_note("original")
    command = AddNotes([new])
    command.apply(session)
    session.set_note_text(new.id, "edited later")
    session.set_note_text(new.id, "original")
    command.revert(session)
    new.text = "changed the caller's object"

    command.apply(session)

    assert session.note(new.id).text == "original"
    assert session.note(new.id) is not new


# --- RemoveNotes ------------------------------------------------------------------------------


def test_remove_notes_puts_back_every_field(session: Session, finished: list[int]) -> None:
    before = snapshot(session)
    doomed = ids(session)[:2]
    command = RemoveNotes(doomed)

    command.apply(session)
    assert set(ids(session)) == set(before) - set(doomed)

    command.revert(session)
    assert snapshot(session) == before

    command.apply(session)
    assert set(ids(session)) == set(before) - set(doomed)
    assert len(finished) == 3


def test_remove_notes_restores_the_state_at_removal_not_at_creation(session: Session) -> None:
    target = ids(session)[0]
    session.set_note_text(target, "changed before removal")
    session.move_notes({target: NotePlacement(1.0, 2.0, None)})
    before = snapshot(session)
    command = RemoveNotes([target])

    command.apply(session)
    command.revert(session)

    assert snapshot(session) == before


def test_removed_notes_are_not_shared_with_the_session(session: Session) -> None:
    target = ids(session)[0]
    command = RemoveNotes([target])
    command.apply(session)
    command.revert(session)
    session.set_note_text(target, "edited after undo")

    # Redo then undo again: the snapshot taken at the second apply has the newer text.
    command.apply(session)
    command.revert(session)
    assert session.note(target).text == "edited after undo"


def test_remove_notes_with_a_repeated_id(session: Session) -> None:
    before = snapshot(session)
    target = ids(session)[0]
    command = RemoveNotes([target, target])
    assert command.text == "Delete 1 Note"

    command.apply(session)
    command.revert(session)

    assert snapshot(session) == before


# --- EditNoteText -----------------------------------------------------------------------------


def test_edit_note_text_apply_revert(session: Session, finished: list[int]) -> None:
    target = ids(session)[1]
    others = {key: value for key, value in texts(session).items() if key != target}
    command = EditNoteText(target, "Lack of time", "Lack of time — and of trust 🙂\nsecond line")

    command.apply(session)
    assert session.note(target).text == "Lack of time — and of trust 🙂\nsecond line"

    command.revert(session)
    assert session.note(target).text == "Lack of time"
    assert {key: value for key, value in texts(session).items() if key != target} == others
    assert places(session)[target] == (300.0, 40.0, "blockers")
    assert len(finished) == 2


# --- MoveNotes --------------------------------------------------------------------------------


def test_move_notes_apply_revert_restores_positions_and_lanes(session: Session, finished: list[int]) -> None:
    before = places(session)
    moving = ids(session)
    new = {
        moving[0]: NotePlacement(500.0, 600.0, "blockers"),
        moving[1]: NotePlacement(-10.5, 0.25, None),
        moving[2]: NotePlacement(42.0, 43.0, "drivers"),
    }
    command = MoveNotes.to(session, new)

    command.apply(session)
    assert places(session) == {key: (p.x, p.y, p.lane_id) for key, p in new.items()}

    command.revert(session)
    assert places(session) == before

    command.apply(session)
    assert places(session) == {key: (p.x, p.y, p.lane_id) for key, p in new.items()}
    assert len(finished) == 3
    # A move changes neither text nor size nor colour.
    assert all(note.width == 231.5 and note.colour == "#A1B2C3" for note in session.notes)


def test_move_snapshot_is_independent_of_the_callers_mapping(session: Session) -> None:
    target = ids(session)[0]
    new = {target: NotePlacement(1.0, 1.0, None)}
    command = MoveNotes.to(session, new)
    new[target] = NotePlacement(99.0, 99.0, "blockers")

    command.apply(session)

    assert places(session)[target] == (1.0, 1.0, None)


# --- texts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda s: AddNotes([full_note("a")]), "Add 1 Note"),
        (lambda s: AddNotes([full_note("a"), full_note("b")]), "Add 2 Notes"),
        (lambda s: RemoveNotes(ids(s)[:1]), "Delete 1 Note"),
        (lambda s: RemoveNotes(ids(s)), "Delete 3 Notes"),
        (lambda s: MoveNotes.to(s, {i: NotePlacement(0, 0, None) for i in ids(s)}), "Move 3 Notes"),
        (lambda s: MoveNotes.to(s, {ids(s)[0]: NotePlacement(0, 0, None)}), "Move 1 Note"),
        (lambda s: EditNoteText(ids(s)[0], "a", "b"), "Edit Note Text"),
    ],
)
def test_command_texts(session: Session, make: Callable[[Session], Command], expected: str) -> None:
    command = make(session)
    assert isinstance(command, Command)
    assert command.text == expected


# --- nudge merging ----------------------------------------------------------------------------


def nudge(session: Session, note_ids: list[str], dx: float, *, is_nudge: bool = True) -> MoveNotes:
    """An arrow-key nudge: applied at once, as the editor does before pushing it."""
    new = {i: NotePlacement(session.note(i).x + dx, session.note(i).y, session.note(i).lane_id) for i in note_ids}
    command = MoveNotes.to(session, new, nudge=is_nudge)
    command.apply(session)
    return command


def test_nudges_of_the_same_notes_merge_into_one_undo_step(session: Session) -> None:
    before = places(session)
    chosen = ids(session)[:2]
    first = nudge(session, chosen, 1.0)
    for _ in range(4):
        assert first.merge_with(nudge(session, chosen, 1.0))
    after = places(session)
    assert after[chosen[0]][0] == before[chosen[0]][0] + 5.0

    first.revert(session)
    assert places(session) == before
    first.apply(session)
    assert places(session) == after
    assert first.text == "Move 2 Notes"


def test_nudges_of_other_notes_do_not_merge(session: Session) -> None:
    first = nudge(session, ids(session)[:1], 1.0)
    assert not first.merge_with(nudge(session, ids(session)[1:2], 1.0))
    assert not first.merge_with(nudge(session, ids(session)[:2], 1.0))


def test_drags_never_merge(session: Session) -> None:
    chosen = ids(session)[:1]
    drag = nudge(session, chosen, 50.0, is_nudge=False)
    assert drag.merge_id < 0
    assert not drag.merge_with(nudge(session, chosen, 50.0, is_nudge=False))
    assert not drag.merge_with(nudge(session, chosen, 1.0))
    assert not nudge(session, chosen, 1.0).merge_with(nudge(session, chosen, 50.0, is_nudge=False))


def test_other_commands_do_not_merge(session: Session) -> None:
    target = ids(session)[0]
    first = nudge(session, [target], 1.0)
    assert not first.merge_with(EditNoteText(target, "a", "b"))
    assert not AddNotes([full_note("x")]).merge_with(AddNotes([full_note("y")]))
    assert not EditNoteText(target, "a", "b").merge_with(EditNoteText(target, "b", "c"))
