"""Agenda: moving through the phases, the timer, and editing the agenda."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]

AGENDA_MENU: tuple[Spec, ...] = (
    Spec("agenda.next", "&Next Phase", "A&genda", run=lambda c: c.room.next_phase(), shortcuts=("PgDown",),
         tip="Go to the next phase and focus the board on its lanes"),
    Spec("agenda.previous", "&Previous Phase", "A&genda", run=lambda c: c.room.previous_phase(), shortcuts=("PgUp",),
         tip="Go back to the previous phase"),
    Spec("timer.start_pause", "&Start", "A&genda", run=lambda c: c.room.timer_start_pause(),
         shortcuts=("Ctrl+Space",), tip="Start or pause the phase's countdown", separator_before=True),
    Spec("timer.reset", "&Reset", "A&genda", run=lambda c: c.room.timer_reset(), shortcuts=("Ctrl+Shift+Space",),
         tip="Back to the phase's full time"),
    Spec("timer.plus", "+1 min", "A&genda", run=lambda c: c.room.timer_add(1), shortcuts=("Ctrl+]",),
         tip="One more minute for this phase"),
    Spec("timer.minus", "−1 min", "A&genda", run=lambda c: c.room.timer_add(-1), shortcuts=("Ctrl+[",),
         tip="One minute less for this phase"),
    Spec("agenda.add", "&Add Phase…", "A&genda", run=lambda c: c.room.add_phase(),
         tip="A new phase after the chosen one", separator_before=True),
    Spec("agenda.edit", "&Edit Phase…", "A&genda", run=lambda c: c.room.edit_phase(),
         tip="Title, minutes, kind, instructions and lanes of the chosen phase"),
    Spec("agenda.delete", "&Delete Phase", "A&genda", run=lambda c: c.room.delete_phase(),
         tip="Remove the chosen phase (Undo brings it back)"),
    Spec("agenda.move_up", "Move Phase &Up", "A&genda", run=lambda c: c.room.move_phase(-1), tip="Earlier in the agenda"),
    Spec("agenda.move_down", "Move Phase Do&wn", "A&genda", run=lambda c: c.room.move_phase(1),
         tip="Later in the agenda"),
)
