"""Running the room: the agenda and its timer, presentation mode, the audience window, the
Actions panel and the session's details, for one main window.

The window's actions (declared in :mod:`canvasapp.ui.window.action_table`) call the methods here. Agenda
edits, actions and details become undoable commands; moving between phases and the time the
timer ran are what happened in the room, so they change the session directly (and are saved)
without entering the undo history.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from canvasapp.editing.room import RoomEditing
from canvasapp.model import Event, FollowUp, Note, Session
from canvasapp.ops.room_content import FOCUS_CLUSTER, FOCUS_LANE, FOCUS_NOTES, RoomFocus, phase_heading
from canvasapp.ops.timer import Clock, PhaseTimer, TimerReading
from canvasapp.ui.room.agenda_panel import AgendaPanel
from canvasapp.ui.room.audience_window import AudienceWindow
from canvasapp.ui.room.follow_ups_panel import FollowUpsPanel
from canvasapp.ui.room.phase_dialog import PhaseDialog
from canvasapp.ui.room.presentation import PresentationMode
from canvasapp.ui.room.room_view import RoomView
from canvasapp.ui.room.session_details_dialog import SessionDetailsDialog
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.services import WindowServices

#: How often the displays update while the clock runs (the seconds must not visibly lag).
TICK_MS = 200
#: While the clock runs, the time used is saved this often, so a crash loses little of it.
RECORD_EVERY_S = 30.0


class FacilitationController(QObject):
    """Agenda, timer, presentation, audience window, actions and details of one window."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        #: Whether a participant has the screen (the voting controller says; set by the window).
        self.screen_locked: Callable[[], bool] = lambda: False
        self._document: SessionDocument | None = None
        #: Monotonic seconds; tests put a fake clock here and call :meth:`tick`.
        self.clock: Clock = time.monotonic
        self.timer: PhaseTimer | None = None
        self._timer_phase: str | None = None
        self._last_record = 0.0
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._actions_refresh = QTimer(self)
        self._actions_refresh.setSingleShot(True)
        self._actions_refresh.timeout.connect(self._refresh_actions)
        self.presentation = PresentationMode(window)
        #: What the room views show: the agenda's phase, or what the facilitator pointed at.
        self.room_focus = RoomFocus()
        #: Item id → dots of the result being shown (``None``: none): the room's dot badges.
        self.room_dots: Callable[[], Mapping[str, int] | None] = lambda: None
        self.audience: AudienceWindow | None = None
        self.agenda_panel: AgendaPanel | None = None
        self.actions_panel: FollowUpsPanel | None = None
        self.agenda_dock: QDockWidget | None = None
        self.actions_dock: QDockWidget | None = None
        window.host.installEventFilter(self)

    def install(self, actions: dict[str, QAction]) -> None:
        """After the menus exist: the docks, whose buttons show the window's actions."""
        window = self.window.host
        self.agenda_panel = AgendaPanel(actions, window)
        self.agenda_panel.phase_activated.connect(self.go_to_phase)
        self.agenda_dock = _dock("Agenda", "agenda_dock", self.agenda_panel, window)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.agenda_dock)
        # Closed until asked for (F8): the board keeps the whole window while people write.
        self.agenda_dock.hide()
        self.actions_panel = FollowUpsPanel(actions, window)
        self.actions_panel.action_edited.connect(self._on_action_edited)
        self.actions_panel.text_edited.connect(self._on_action_text_edited)
        self.actions_panel.note_chosen.connect(self._show_note)
        self.actions_panel.refused.connect(lambda message: self.window.tell(message, 6000))
        self.actions_dock = _dock("Actions", "actions_dock", self.actions_panel, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.actions_dock)
        self.actions_dock.hide()
        for dock, action_id in ((self.agenda_dock, "view.agenda"), (self.actions_dock, "view.actions")):
            action = actions[action_id]
            action.setChecked(dock.isVisibleTo(window))
            dock.visibilityChanged.connect(
                lambda shown, action=action, dock=dock: action.setChecked(shown) if not self.presentation.active else None
            )

    # --- the shown session ---------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self._document.session if self._document is not None else None

    def attach(self, document: SessionDocument) -> None:
        self._document = document
        agenda = document.session.agenda
        agenda.phase_added.connect(self._on_agenda_changed)
        agenda.phase_removed.connect(self._on_agenda_changed)
        agenda.phases_changed.connect(self._on_agenda_changed)
        agenda.current_phase_changed.connect(self._on_current_changed)
        for event, observer in self._note_observers(document.session):
            event.connect(observer)
        self._make_timer(running=False)
        self._refresh_agenda()
        self._refresh_actions()
        if self.audience is not None and self.window.view is not None:
            self.audience.set_main_view(self.window.view)
        self.room_focus = RoomFocus()
        for room in self.room_views():
            room.show_session(document.session)

    def detach(self) -> None:
        document = self._document
        if document is None:
            return
        self._record()
        self._ticker.stop()
        agenda = document.session.agenda
        agenda.phase_added.disconnect(self._on_agenda_changed)
        agenda.phase_removed.disconnect(self._on_agenda_changed)
        agenda.phases_changed.disconnect(self._on_agenda_changed)
        agenda.current_phase_changed.disconnect(self._on_current_changed)
        for event, observer in self._note_observers(document.session):
            event.disconnect(observer)
        self._document = None
        self.timer = None
        self._timer_phase = None

    def _note_observers(self, session: Session) -> list[tuple[Event[...], Callable[..., object]]]:
        return [
            (session.note_actions_changed, self._schedule_actions_refresh),
            (session.notes_added, self._on_notes_changed),
            (session.notes_removed, self._on_notes_changed),
            (session.note_text_changed, self._on_note_text_changed),
        ]

    def _on_notes_changed(self, notes: list[Note]) -> None:
        # Only notes that are actions change the list of actions; a plain note's edit is free.
        if Session.concern_actions(notes):
            self._schedule_actions_refresh()

    def _on_note_text_changed(self, note: Note) -> None:
        self._on_notes_changed([note])

    def _editable(self) -> bool:
        return self._document is not None and self._document.edits.can_edit()

    @property
    def editing(self) -> RoomEditing | None:
        return self._document.room if self._document is not None else None

    def _tell(self, message: str) -> None:
        self.window.tell(message)

    # --- moving through the agenda -------------------------------------------------------------

    def next_phase(self) -> None:
        self._step(1)

    def previous_phase(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        session = self.session
        if session is None:
            return
        target = session.agenda.neighbour(step)
        if target is None:
            self._tell("That was the last phase." if step > 0 else "This is the first phase.")
            return
        self.go_to_phase(target)

    def go_to_phase(self, phase_id: str) -> None:
        session = self.session
        if session is None:
            return
        if session.agenda.current_phase_id == phase_id:
            self.focus_on_phase()
            return
        session.agenda.set_current(phase_id)  # _on_current_changed does the rest

    def focus_on_phase(self) -> None:
        """Fit the view to the current phase's lanes (the whole board when it names none)."""
        session, view = self.session, self.window.view
        if session is None or view is None or self._document is None:
            return
        phase = session.agenda.current_phase
        rect = QRectF()
        if phase is not None:
            for lane_id in phase.lane_ids:
                if session.lane(lane_id) is not None:
                    rect = rect.united(self._document.scene.lane_item(lane_id).sceneBoundingRect())
        if rect.isNull():
            view.fit_all()
        else:
            view.fit_rect(rect)

    def _on_current_changed(self, _phase_id: str | None) -> None:
        running = self.timer is not None and self.timer.running
        self.point_room(RoomFocus())  # a new phase: the room follows the agenda again
        self._record()
        self._make_timer(running=running)
        self._refresh_agenda()
        # After the event loop: the change may be part of a larger edit still under way.
        QTimer.singleShot(0, self.focus_on_phase)

    def _on_agenda_changed(self, *_args: object) -> None:
        session = self.session
        if session is not None and self.timer is not None and self._timer_phase is not None:
            phase = session.agenda.current_phase
            if phase is not None and phase.id == self._timer_phase:
                self.timer.set_minutes(phase.minutes)
        self._refresh_agenda()

    def _refresh_agenda(self) -> None:
        session = self.session
        if session is None or self.agenda_panel is None:
            return
        self.agenda_panel.show_agenda(session.agenda.phases, session.agenda.current_phase_id)
        if self.audience is not None:
            self.audience.show_phase(self.phase_heading())
            self._prepare_room(self.audience.room)
        self._show_reading()

    def phase_heading(self) -> str:
        """"2/8 · Drivers": what the overlay and the audience banner say."""
        session = self.session
        return phase_heading(session) if session is not None else ""

    # --- the timer -----------------------------------------------------------------------------

    def _make_timer(self, running: bool) -> None:
        session = self.session
        phase = session.agenda.current_phase if session is not None else None
        if phase is None:
            self.timer, self._timer_phase = None, None
            self._ticker.stop()
            self._show_reading()
            return
        # Through a lambda, so a clock swapped in later (tests) is the one read.
        self.timer = PhaseTimer(phase.minutes, phase.used_seconds, clock=lambda: self.clock())  # noqa: PLW0108
        self._timer_phase = phase.id
        if running:
            self.timer.start()
        self._after_timer_change()

    def timer_start_pause(self) -> None:
        if self.timer is None:
            if self.session is not None and len(self.session.agenda):
                self.next_phase()  # starting the clock before any phase starts the first one
            if self.timer is None:
                self._tell("Add a phase to the agenda first.")
                return
        self.timer.toggle()
        if not self.timer.running:
            self._record()
        self._after_timer_change()

    def timer_reset(self) -> None:
        if self.timer is not None:
            self.timer.reset()
            self._record()
            self._after_timer_change()

    def timer_add(self, minutes: int) -> None:
        if self.timer is not None:
            self.timer.add_minutes(minutes)
            self._after_timer_change()

    def _after_timer_change(self) -> None:
        if self.timer is not None and self.timer.running:
            self._last_record = self.clock()
            if not self._ticker.isActive():
                self._ticker.start()
        else:
            self._ticker.stop()
        self._sync_start_action()
        self._show_reading()

    def tick(self) -> None:
        """One beat of the clock: refresh the displays, and now and then save the time used."""
        if self.timer is not None and self.timer.running and self.clock() - self._last_record >= RECORD_EVERY_S:
            self._record()
            self._last_record = self.clock()
        self._show_reading()

    def reading(self) -> TimerReading | None:
        return self.timer.reading() if self.timer is not None else None

    def _show_reading(self) -> None:
        reading = self.reading()
        displays = []
        if self.agenda_panel is not None:
            displays.append(self.agenda_panel.timer)
        if self.audience is not None:
            displays.append(self.audience.banner.timer)
        displays.extend(room.timer for room in self.room_views())
        for display in displays:
            display.show_reading(reading)

    def _sync_start_action(self) -> None:
        action = self.window.actions_by_id.get("timer.start_pause")
        if action is not None:
            action.setText("Pause" if self.timer is not None and self.timer.running else "Start")

    def _record(self) -> None:
        """Save the time the current phase's clock ran (the summary's "agenda as run")."""
        session = self.session
        if session is None or self.timer is None or self._timer_phase is None or not self._editable():
            return
        if any(phase.id == self._timer_phase for phase in session.agenda.phases):
            session.agenda.record_time(self._timer_phase, self.timer.elapsed())

    # --- editing the agenda --------------------------------------------------------------------

    def _chosen_phase_id(self) -> str | None:
        session = self.session
        if session is None:
            return None
        chosen = self.agenda_panel.selected_phase_id() if self.agenda_panel is not None else None
        return chosen or session.agenda.current_phase_id

    def add_phase(self) -> None:
        session, editing = self.session, self.editing
        if session is None or editing is None or not self._editable():
            return
        dialog = PhaseDialog(None, session.lanes, self.window.host)
        if not dialog.exec():
            return
        phase_id = editing.add_phase(self._chosen_phase_id(), dialog.values())
        if phase_id is not None and self.agenda_panel is not None:
            self.agenda_panel.select_phase(phase_id)  # the next edit is usually of the new phase

    def edit_phase(self) -> None:
        session = self.session
        chosen = self._chosen_phase_id()
        if session is None or chosen is None or not self._editable():
            self._tell("Choose a phase in the Agenda panel first.")
            return
        dialog = PhaseDialog(session.agenda.phase(chosen), session.lanes, self.window.host)
        if dialog.exec() and self.editing is not None:
            self.editing.edit_phase(chosen, dialog.values())

    def delete_phase(self) -> None:
        session = self.session
        chosen = self._chosen_phase_id()
        if session is None or chosen is None or not self._editable() or self.editing is None:
            return
        self.editing.delete_phase(chosen)

    def move_phase(self, steps: int) -> None:
        session = self.session
        chosen = self._chosen_phase_id()
        if session is None or chosen is None or not self._editable() or self.editing is None:
            return
        self.editing.move_phase(chosen, steps)

    # --- panels, presentation, audience --------------------------------------------------------

    def show_agenda(self, shown: bool) -> None:
        if self.agenda_dock is not None:
            self.agenda_dock.setVisible(shown)

    def show_actions(self, shown: bool) -> None:
        if self.actions_dock is not None:
            self.actions_dock.setVisible(shown)

    def present(self, on: bool) -> None:
        if on:
            self.presentation.enter()
            self._prepare_room(self.presentation.room)
            self._show_reading()
        else:
            self.presentation.leave()

    def show_audience(self, shown: bool) -> None:
        if not shown:
            if self.audience is not None:
                self.audience.close()
            return
        if self.audience is None and self.window.view is not None:
            self.audience = AudienceWindow(self.window.view, menu_refused=self.screen_locked)
            self.audience.closed.connect(self._on_audience_closed)
            self.audience.follow_changed.connect(self._sync_follow_action)
            self.audience.show_phase(self.phase_heading())
            self._prepare_room(self.audience.room)
            self._sync_follow_action(self.audience.view.follow)
            self._show_reading()
            self.audience.show_on_saved_screen()

    # --- pointing the room -----------------------------------------------------------------------

    def room_views(self) -> list[RoomView]:
        """The room views on screen: presentation mode's and the audience window's."""
        views = [self.presentation.room, self.audience.room if self.audience is not None else None]
        return [view for view in views if view is not None]

    def _prepare_room(self, room: RoomView | None) -> None:
        if room is not None:
            room.dots_source = lambda: self.room_dots()  # noqa: PLW0108  (read when drawn: set later)
            room.show_dots = self.room_dots() is not None
            if room.session is not self.session:
                room.show_session(self.session)
            room.set_focus(self.room_focus)

    def refresh_room(self) -> None:
        """The shown vote result changed: the room's dot badges follow (the one switch for
        dots in the room is ``RoomView.show_dots``, set here)."""
        show = self.room_dots() is not None
        for room in self.room_views():
            if room.show_dots != show or show:
                room.show_dots = show
                room.refresh()

    def point_room(self, focus: RoomFocus) -> None:
        """Show ``focus`` to the room (in presentation mode and the audience window); the
        facilitator's board stays as it is."""
        self.room_focus = focus
        for room in self.room_views():
            room.set_focus(focus)

    def follow_agenda(self) -> None:
        self.point_room(RoomFocus())
        self._tell("The room follows the agenda.")

    def point_room_at_lane(self, lane_id: str | None) -> None:
        if lane_id is None:
            self._tell("Select a note in the lane, or point at the lane, first.")
            return
        self.point_room(RoomFocus(FOCUS_LANE, (lane_id,)))

    def point_room_at_clusters(self, cluster_ids: list[str]) -> None:
        if not cluster_ids:
            self._tell("Select a cluster (or a note in it) first.")
            return
        self.point_room(RoomFocus(FOCUS_CLUSTER, tuple(cluster_ids)))

    def point_room_at_notes(self, note_ids: list[str]) -> None:
        if not note_ids:
            self._tell("Select the notes to show the room first.")
            return
        self.point_room(RoomFocus(FOCUS_NOTES, tuple(note_ids)))

    def audience_follow(self, follow: bool) -> None:
        if self.audience is not None and self.audience.view.follow != follow:
            self.audience.set_follow(follow)

    def _sync_follow_action(self, follow: bool) -> None:
        action = self.window.actions_by_id["view.audience_follow"]
        if action.isChecked() != follow:
            action.blockSignals(True)
            action.setChecked(follow)
            action.blockSignals(False)

    def _on_audience_closed(self) -> None:
        audience, self.audience = self.audience, None
        if audience is not None:
            audience.deleteLater()
        action = self.window.actions_by_id["view.audience"]
        if action.isChecked():
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The facilitator's window closing takes the audience window with it.
        if watched is self.window.host and event.type() == QEvent.Type.Close:
            self._record()
            self.presentation.leave()
            if self.audience is not None:
                self.audience.close()
        return super().eventFilter(watched, event)

    # --- actions (follow-ups) and details ------------------------------------------------------

    def make_action(self) -> None:
        session, editing = self.session, self.editing
        if session is None or self._document is None or editing is None or not self._editable():
            return
        chosen = editing.make_follow_ups(self._document.scene.selected_note_ids())
        if not chosen:
            self._tell("Select one or more notes (that are not actions yet), then make them actions.")
            return
        if self.actions_dock is not None:
            self.actions_dock.show()
        self._refresh_actions()
        if self.actions_panel is not None:
            row = self.actions_panel.row_of(chosen[0])
            table = self.actions_panel.table
            table.selectRow(row)
            # The owner cell made current too, so Tab goes on to the due date, not back to it.
            table.setCurrentCell(row, 1)
            if (owner := table.item(row, 1)) is not None:
                table.editItem(owner)

    def remove_action(self) -> None:
        session, editing = self.session, self.editing
        if session is None or self._document is None or editing is None or not self._editable():
            return
        panel_choice = self.actions_panel.selected_note_id() if self.actions_panel is not None else None
        board_choice = [note_id for note_id in self._document.scene.selected_note_ids() if session.note(note_id).action]
        chosen = board_choice or ([panel_choice] if panel_choice else [])
        if not chosen:
            self._tell("Select an action (in the Actions panel or on the board) first.")
            return
        editing.remove_follow_ups(chosen)

    def _on_action_edited(self, note_id: str, action: FollowUp) -> None:
        if self.editing is not None and self._editable():
            self.editing.edit_follow_up(note_id, action)

    def _on_action_text_edited(self, note_id: str, text: str) -> None:
        """The step's words are its note's text: the same edit as on the board."""
        if self._document is not None and self._editable() and self._document.session.has_note(note_id):
            self._document.editor.edit_text(note_id, text)

    def _schedule_actions_refresh(self, *_args: object) -> None:
        # Later, not now: the change may come from the table's own edit signal.
        self._actions_refresh.start(0)

    def _refresh_actions(self) -> None:
        if self.actions_panel is not None and self.session is not None:
            self.actions_panel.show_actions(self.session.action_notes)

    def _show_note(self, note_id: str) -> None:
        view, session = self.window.view, self.session
        if self._document is not None and view is not None and session is not None and session.has_note(note_id):
            self._document.scene.select_only([note_id])
            view.centerOn(self._document.scene.note_item(note_id))

    def edit_details(self) -> None:
        session = self.session
        if session is None:
            return
        dialog = SessionDetailsDialog(session.details, session.created.astimezone().date(), self.window.host)
        if dialog.exec() and self._editable() and self.editing is not None:
            self.editing.edit_details(dialog.details())


def _dock(title: str, name: str, widget: QWidget, window: QMainWindow) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    return dock
