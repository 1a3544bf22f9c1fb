"""Select All selects every note shown and every frame, and what the board reports as
selected is what Qt has selected, after Select All and after every change since."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.clusters.cluster_item import ClusterItem
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.editing_helpers import click


def qt_selected(window: MainWindow) -> set[str]:
    return {item.note_id for item in window.document.scene.selectedItems() if isinstance(item, NoteItem)}


def test_select_all_takes_every_shown_note_and_frame_but_no_folded_note(
    qtbot: QtBot, make_session, make_window  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(make_session(notes=[(lane, f"Note {i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * 4)]).id)
    session = window.document.session
    scene, ids = window.document.scene, [note.id for note in session.notes]
    window.document.clusters.group(ids[0:3])
    folded = session.cluster_of(ids[0])
    window.document.clusters.group(ids[3:5])
    open_frame = session.cluster_of(ids[3])
    assert folded is not None and open_frame is not None
    window.document.clusters.toggle_collapsed([folded.id])

    trigger(window, "edit.select_all")
    assert set(scene.selected_note_ids()) == qt_selected(window) == set(ids[3:])
    frames = {item.cluster_id for item in scene.selectedItems() if isinstance(item, ClusterItem)}
    assert frames == {folded.id, open_frame.id}

    # Every later change of the selection is followed: a click on one note, a deletion.
    item = scene.note_item(ids[6])
    centre = item.sceneBoundingRect().center()
    click(qtbot, window, centre.x(), centre.y())
    assert scene.selected_note_ids() == [ids[6]] == list(qt_selected(window))
    trigger(window, "edit.select_all")
    window.document.editor.delete(ids[6:8])
    assert set(scene.selected_note_ids()) == qt_selected(window) == set(ids[3:6] + ids[8:])
    scene.clearSelection()
    assert scene.selected_note_ids() == []


def test_select_all_then_delete_removes_only_the_notes_shown(qtbot: QtBot, make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session(notes=[("drivers", f"Note {i}") for i in range(5)]).id)
    session = window.document.session
    ids = [note.id for note in session.notes]
    window.document.clusters.group(ids[:2])
    cluster = session.cluster_of(ids[0])
    assert cluster is not None
    window.document.clusters.toggle_collapsed([cluster.id])
    window.view.centerOn(QPointF(300, 300))
    trigger(window, "edit.select_all")
    trigger(window, "edit.delete")
    assert {note.id for note in session.notes} == set(ids[:2])


def test_a_paste_selects_what_it_pasted_and_tells_it_once(qtbot: QtBot, make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    """Pasted notes come selected, with one selectionChanged (one per note asked Qt for the
    whole selection back each time: a paste of 1,000 notes spent a third of its time there)."""
    window = make_window(make_session(notes=[("drivers", f"Note {i}") for i in range(12)]).id)
    scene, session = window.document.scene, window.document.session
    before = {note.id for note in session.notes}
    trigger(window, "edit.select_all")
    trigger(window, "edit.copy")
    told: list[None] = []
    scene.selectionChanged.connect(lambda: told.append(None))
    trigger(window, "edit.paste")
    pasted = {note.id for note in session.notes} - before
    assert len(pasted) == 12
    assert set(scene.selected_note_ids()) == qt_selected(window) == pasted
    assert len(told) == 1


def test_deleting_many_selected_notes_tells_of_the_selection_once_and_keeps_the_rest_selected(
    qtbot: QtBot, make_session, make_window  # type: ignore[no-untyped-def]
) -> None:
    """Qt tells of every selected item taken out of the scene, and each telling asked for the
    whole selection: Select All and Delete at 10,000 notes took half a minute. The board tells
    once, and what stays selected is still selected, in the board's list and in Qt."""
    window = make_window(make_session(notes=[(lane, f"Note {i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * 30)]).id)
    scene, session = window.document.scene, window.document.session
    ids = [note.id for note in session.notes]
    told: list[int] = []
    scene.selectionChanged.connect(lambda: told.append(len(scene.selected_note_ids())))

    # Another window deletes half of a selection of sixty: the other thirty stay selected.
    scene.clearSelection()
    for note_id in ids[:60]:
        scene.note_item(note_id).setSelected(True)
    told.clear()
    window.document.editor.delete(ids[:30])
    assert told == [30]
    assert set(scene.selected_note_ids()) == qt_selected(window) == set(ids[30:60])

    # Select All and Delete: one telling, nothing selected, every note gone; undo brings them.
    trigger(window, "edit.select_all")
    told.clear()
    trigger(window, "edit.delete")
    assert told == [0] and len(session) == 0 and scene.selected_note_ids() == [] == list(qt_selected(window))
    trigger(window, "edit.undo")
    assert len(session) == 60


def test_folding_a_cluster_of_selected_notes_tells_of_the_selection_once(
    qtbot: QtBot, make_session, make_window  # type: ignore[no-untyped-def]
) -> None:
    """Qt drops each hidden item from the selection and tells of it: folding a cluster of 1,000
    selected notes took two seconds. The board tells once; the notes left out stay selected."""
    window = make_window(make_session(notes=[(lane, f"Note {i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * 10)]).id)
    scene, session = window.document.scene, window.document.session
    ids = [note.id for note in session.notes]
    window.document.clusters.group(ids[:20])
    cluster = session.cluster_of(ids[0])
    assert cluster is not None
    trigger(window, "edit.select_all")
    told: list[int] = []
    scene.selectionChanged.connect(lambda: told.append(len(scene.selected_note_ids())))
    window.document.clusters.toggle_collapsed([cluster.id])
    assert told == [10]
    assert set(scene.selected_note_ids()) == qt_selected(window) == set(ids[20:])
    assert not any(scene.note_item(note_id).isVisible() for note_id in ids[:20])
