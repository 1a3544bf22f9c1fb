"""Whatever happens while a big batch of notes gets its items over several event-loop turns
(more notes, removals, moves, new texts, lookups, select all, the loop turning), the board ends
with exactly one item per note, drawn where and as the note is, and never an item without its
note on the way."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, NotePlacement, new_id
from canvasapp.ui.board.note_blocks import note_blocks_of
from canvasapp.ui.board.scene import MADE_AT_ONCE, BoardScene

steps = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from([3, MADE_AT_ONCE + 50])),
        st.tuples(st.just("remove"), st.integers(0, 10_000)),
        st.tuples(st.just("move"), st.integers(0, 10_000)),
        st.tuples(st.just("text"), st.integers(0, 10_000)),
        st.tuples(st.just("look"), st.integers(0, 10_000)),
        st.tuples(st.just("select_all"), st.just(0)),
        st.tuples(st.just("blocks"), st.booleans()),
        st.tuples(st.just("turn"), st.integers(1, 3)),
    ),
    max_size=14,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_the_board_ends_as_the_session_whatever_happens_as_items_arrive(qapp: QApplication, steps) -> None:  # type: ignore[no-untyped-def]
    session = session_from_template(find_template(None), "Arriving")
    scene = BoardScene(session)
    blocks = note_blocks_of(scene)
    try:
        for index, (kind, value) in enumerate(steps):
            ids = [note.id for note in session.notes]
            if kind == "add":
                session.add_notes(
                    Note(new_id(), "drivers", f"Note {index}-{n}", x=30.0 + 10 * n, y=200.0 + 5 * n) for n in range(value))
            elif kind == "remove" and ids:
                session.remove_notes(ids[value % len(ids):][:40])
            elif kind == "move" and ids:
                session.move_notes({note_id: NotePlacement(500.0 + value, 900.0, "blockers") for note_id in ids[value % len(ids):][:30]})
            elif kind == "text" and ids:
                session.set_note_text(ids[value % len(ids)], f"Changed {index}")
            elif kind == "look" and ids:
                note = session.note(ids[value % len(ids)])
                item = scene.note_item(note.id)
                assert (item.pos().x(), item.pos().y(), item.text) == (note.x, note.y, note.text)
            elif kind == "select_all":
                scene.select_all()
                assert set(scene.selected_note_ids()) == set(ids)
            elif kind == "blocks":
                blocks.set_active(value)
            elif kind == "turn":
                for _ in range(value):
                    QApplication.processEvents()
            made = {item.note_id for item in scene.made_note_items()}
            assert made <= {note.id for note in session.notes}
            assert scene.making_items == (len(made) < len(session))
        while scene.making_items:
            QApplication.processEvents()
        items = {item.note_id: item for item in scene.made_note_items()}
        assert set(items) == {note.id for note in session.notes}
        for note in session.notes:
            item = items[note.id]
            assert (item.pos().x(), item.pos().y(), item.text) == (note.x, note.y, note.text)
            assert item.colour().name().upper() == session.note_colour(note).upper()
        drawn = sum(len(rects) for _colour, rects in blocks.blocks())
        assert drawn == len(session)
    finally:
        scene.detach()
