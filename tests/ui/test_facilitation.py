"""Running the room as a facilitator does: the agenda and its timer (with a fake clock), the
presentation mode, the audience window, the Actions panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.model import FollowUp
from canvasapp.ops.timer import TimerLevel
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.board.note_item import SELECTION_COLOUR
from tests.ui.conftest import trigger
from tests.ui.dialogs import when_dialog_opens


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_next_phase_highlights_focuses_and_times_it(make_session, make_window, library_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("blockers", "No time")])
    window = make_window(session.id)
    # Narrower than the board at the largest zoom, so focusing on the first lane has to move
    # the view (on a wider window the lane is in view already and the view stays put).
    window.resize(1400, 900)
    clock = FakeClock()
    facilitation = window.controllers.room
    facilitation.clock = clock
    panel = facilitation.agenda_panel
    assert panel.list.count() == len(session.agenda.phases)
    assert panel.highlighted_phase_id() is None

    trigger(window, "agenda.next")
    trigger(window, "agenda.next")
    current = window.document.session.agenda.current_phase
    assert current is not None and panel.highlighted_phase_id() == current.id
    assert current.lane_ids, "the built-in template's second phase focuses on a lane"
    qtbot.waitUntil(lambda: window.view.visible_scene_rect().center().x()
                    < window.document.scene.lane_item(current.lane_ids[0]).sceneBoundingRect().right())

    trigger(window, "timer.start_pause")
    clock.now += current.minutes * 60 - 30
    facilitation.tick()
    assert panel.timer.level is TimerLevel.WARNING
    assert panel.timer.digits.text() == "0:30"
    trigger(window, "timer.plus")
    assert facilitation.reading().text == "1:30"
    trigger(window, "timer.minus")
    clock.now += 45
    facilitation.tick()
    assert panel.timer.level is TimerLevel.OVER and panel.timer.status.text() == "Time's up"
    used = current.minutes * 60 + 15

    # Moving on records the time the phase used, and the next phase's clock keeps running.
    trigger(window, "agenda.next")
    assert window.document.session.agenda.phase(current.id).used_seconds == used
    assert facilitation.timer is not None and facilitation.timer.running
    window.close()
    library = open_library(library_path)
    try:
        loaded = SessionRepository(library).load(session.id)
        assert loaded.agenda.phase(current.id).used_seconds == used
        assert loaded.agenda.current_phase_id == window_phase_after(current.id, loaded)
    finally:
        library.close()


def window_phase_after(phase_id: str, session) -> str:  # type: ignore[no-untyped-def]
    ids = [phase.id for phase in session.agenda.phases]
    return ids[ids.index(phase_id) + 1]


def test_phases_are_edited_with_undo(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    window = make_window(session.id)
    agenda = window.document.session.agenda
    before = [phase.id for phase in agenda.phases]
    window.controllers.room.agenda_panel.list.setCurrentRow(0)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.title.setText("Coffee break")
        dialog.minutes.setValue(12)
        dialog.kind.setCurrentText("ritual")
        dialog.accept()

    when_dialog_opens(fill)
    trigger(window, "agenda.add")
    assert [phase.title for phase in agenda.phases][1] == "Coffee break"
    assert agenda.phases[1].minutes == 12
    trigger(window, "agenda.move_down")
    assert agenda.phases[2].title == "Coffee break"
    trigger(window, "agenda.delete")
    assert "Coffee break" not in [phase.title for phase in agenda.phases]
    assert window.undo_group.undoText() == "Delete Phase “Coffee break”"
    for _ in range(3):
        window.undo_group.undo()
    assert [phase.id for phase in agenda.phases] == before


def test_presentation_mode_hides_the_tool_and_esc_leaves_unless_typing(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging")])
    window = make_window(session.id)
    trigger(window, "view.agenda")
    assert window.controllers.room.agenda_dock.isVisible()
    trigger(window, "view.present")
    presentation = window.controllers.room.presentation
    assert presentation.active and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.controllers.room.agenda_dock.isVisible()
    assert presentation.room is not None and presentation.room.isVisible()

    note_id = window.document.session.notes[0].id
    window.document.scene.begin_editing(note_id)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert presentation.active, "the first Esc only ends the editing"
    assert window.document.scene.editor is None
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert not presentation.active
    assert window.menuBar().isVisible() and window.controllers.room.agenda_dock.isVisible()
    assert not window.actions_by_id["view.present"].isChecked()


def _render(view) -> QImage:  # type: ignore[no-untyped-def]
    """What the view's viewport shows, painted as on screen (the viewport is the ``widget``
    items are given in ``paint``)."""
    return view.viewport().grab().toImage()


def test_audience_window_shows_edits_and_no_selection(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    window = make_window(session.id)
    trigger(window, "view.audience")
    audience = window.controllers.room.audience
    assert audience is not None and audience.isVisible()
    assert audience.room.isVisible(), "the room view by default"
    audience.set_follow(True)
    view = audience.view
    assert view.scene() is window.view.scene() and not view.isInteractive()

    # A note added and moved in the facilitator's view appears in the audience's render.
    note_id = window.document.editor.add_note_at(60.0, 400.0)
    window.document.scene.finish_editing()
    window.document.editor.move_notes({note_id: (400.0, 500.0)})
    window.view.fit_all()
    QApplication.processEvents()
    note = window.document.session.note(note_id)
    colour = QColor(window.document.session.note_colour(note))
    middle = view.mapFromScene(QPointF(note.x + note.width / 2, note.y + note.height - 8))
    assert _render(view).pixelColor(middle) == colour

    # Selected in the main view: a ring there, none for the audience.
    window.view.set_zoom(1.0)
    window.view.centerOn(note.x, note.y)
    window.document.scene.select_only([note_id])
    QApplication.processEvents()
    edge = QPointF(note.x + note.width / 2, note.y)
    main_pixel = _render(window.view).pixelColor(window.view.mapFromScene(edge))
    audience_pixel = _render(view).pixelColor(view.mapFromScene(edge))
    assert _close(main_pixel, SELECTION_COLOUR)
    assert not _close(audience_pixel, SELECTION_COLOUR)

    audience.set_follow(False)
    board = window.document.scene.board_rect()
    assert view.shown_rect().contains(board.center())
    audience.close()
    assert window.controllers.room.audience is None and not window.actions_by_id["view.audience"].isChecked()


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_actions_panel_makes_and_edits_actions_with_undo(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("activities", "Monthly meetup")])
    window = make_window(session.id)
    note_id = window.document.session.notes[0].id
    window.document.scene.select_only([note_id])
    trigger(window, "note.make_action")
    panel = window.controllers.room.actions_panel
    assert window.controllers.room.actions_dock.isVisible()
    assert panel.table.rowCount() == 1
    panel.table.item(0, 1).setText("Ana")
    qtbot.waitUntil(lambda: window.document.session.note(note_id).action == FollowUp("Ana"))
    panel.table.item(0, 2).setText("2025-06-31")  # no such day: refused, kept as it was
    assert window.document.session.note(note_id).action == FollowUp("Ana")
    panel.table.item(0, 3).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.document.session.note(note_id).action.status == "done")
    window.undo_group.undo()
    window.undo_group.undo()
    assert window.document.session.note(note_id).action == FollowUp()
    window.undo_group.undo()
    assert window.document.session.note(note_id).action is None
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0)


def test_tab_from_owner_to_due_date_keeps_the_date_picker_open(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """Tab from Owner to Due: the owner is saved (and the panel refreshed) while the date
    picker opens; the picker must survive that refresh and its date must be saved."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    from canvasapp.ui.room.follow_ups_panel import DueDateEditor

    session = make_session(notes=[("activities", "Monthly meetup")])
    window = make_window(session.id)
    note_id = window.document.session.notes[0].id
    window.document.scene.select_only([note_id])
    trigger(window, "note.make_action")  # opens the owner cell for typing
    table = window.controllers.room.actions_panel.table
    owner = next(child for child in table.viewport().findChildren(QLineEdit) if not isinstance(child, DueDateEditor))
    assert owner is not None
    owner.setText("Ana")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)

    qtbot.waitUntil(lambda: window.document.session.note(note_id).action.owner == "Ana")
    picker = table.viewport().findChild(DueDateEditor)
    assert picker is not None and table.state() == QAbstractItemView.State.EditingState
    picker.selectAll()
    qtbot.keyClicks(picker, "2031-05-17")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(window.document.session.note(note_id).action.due) == "2031-05-17")


def test_next_steps_rows_stay_put_text_and_dates_as_typed_and_the_board_stays(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractItemView, QToolButton

    from canvasapp.ui.room.follow_ups_panel import DUE, OWNER, TEXT, DueDateEditor

    session = make_session(notes=[("activities", "Zine for newcomers"), ("activities", "A monthly meetup")])
    window = make_window(session.id)
    model = window.document.session
    zine, meetup = (next(note.id for note in model.notes if note.text == text) for text in ("Zine for newcomers", "A monthly meetup"))
    room = window.controllers.room
    panel = room.actions_panel
    table = panel.table
    for note_id in (zine, meetup):
        window.document.scene.select_only([note_id])
        trigger(window, "note.make_action")
        QApplication.processEvents()
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert [panel.note_id_at(row) for row in range(2)] == [zine, meetup], "in the order they were made"
    # The owner typed on the new row lands on it, and the rows do not move.
    table.item(1, OWNER).setText("Ana")
    qtbot.waitUntil(lambda: model.note(meetup).action.owner == "Ana")
    QApplication.processEvents()
    assert [panel.note_id_at(row) for row in range(2)] == [zine, meetup]

    # A typed date is kept exactly as typed.
    table.setCurrentCell(1, DUE)
    table.editItem(table.item(1, DUE))
    editor = table.viewport().findChild(DueDateEditor)
    assert editor is not None and table.state() == QAbstractItemView.State.EditingState
    editor.selectAll()
    qtbot.keyClicks(editor, "2027-01-15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(model.note(meetup).action.due) == "2027-01-15")

    # The step's words are edited in the panel (the note's text, undoable).
    table.item(0, TEXT).setText("Zine for newcomers, in three languages")
    qtbot.waitUntil(lambda: model.note(zine).text == "Zine for newcomers, in three languages")
    assert window.undo_group.undoText() == "Edit Note Text"

    # Selecting a row leaves the board where it is; Show on Board moves it there.
    window.view.fit_all()
    QApplication.processEvents()
    before = window.view.visible_scene_rect()
    table.selectRow(0)
    QApplication.processEvents()
    assert window.view.visible_scene_rect() == before
    panel.findChild(QToolButton, "show_on_board").click()
    assert window.document.scene.selected_note_ids() == [zine]

    # Sorted only when asked: soonest due date first.
    panel.findChild(QToolButton, "sort_actions").click()
    assert [panel.note_id_at(row) for row in range(2)] == [meetup, zine]
