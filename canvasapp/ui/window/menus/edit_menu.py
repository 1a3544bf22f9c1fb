"""Edit: undo and history, the clipboard, the selection, notes, follow-up actions, find."""

from canvasapp.ops.palette import PALETTE
from canvasapp.ui.window.action_table import ActionSpec, StandardKey
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]
NUDGE = "&Edit/N&udge"
COLOUR = "&Edit/Note &Colour"


def _nudge(name: str, far: bool) -> Spec:
    return Spec(
        f"edit.nudge_{name.lower()}{'_far' if far else ''}", f"Nudge {name}{' Far' if far else ''}", NUDGE,
        run=lambda c: c.board.nudge(name, far), shortcuts=(f"{'Shift+' if far else ''}{name}",),
        tip=f"Move the selected notes a little {name.lower()}", scope="board",
    )


def _colour(number: int, name: str, hex_colour: str, colour_id: str) -> Spec:
    return Spec(
        f"note.colour.{colour_id}", name, COLOUR, run=lambda c: c.board.set_note_colour(hex_colour),
        shortcuts=(f"Alt+{number}",) if number <= 9 else (), tip=f"Colour the selected notes {name.lower()}",
        swatch=hex_colour,
    )


EDIT_MENU: tuple[Spec, ...] = (
    Spec("edit.undo", "&Undo", "&Edit", run=lambda c: c.window.undo(), shortcuts=(StandardKey.Undo,),
         tip="Take back the last step", icon="undo"),
    Spec("edit.redo", "&Redo", "&Edit", run=lambda c: c.window.redo(), shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"),
         tip="Do again what was taken back", icon="redo"),
    Spec("edit.cut", "Cu&t", "&Edit", run=lambda c: c.board.cut(), shortcuts=(StandardKey.Cut,),
         tip="Copy the selected notes to the clipboard and delete them", separator_before=True),
    Spec("edit.copy", "&Copy", "&Edit", run=lambda c: c.board.copy(), shortcuts=(StandardKey.Copy,),
         tip="Copy the selected notes (other apps get one line per note)"),
    Spec("edit.paste", "&Paste", "&Edit", run=lambda c: c.board.paste(), shortcuts=(StandardKey.Paste,),
         tip="Paste notes, or one note per line of text, at the mouse"),
    Spec("edit.duplicate", "D&uplicate", "&Edit", run=lambda c: c.board.duplicate(), shortcuts=("Ctrl+D",),
         tip="Copy the selected notes next to themselves"),
    Spec("edit.delete", "&Delete", "&Edit", run=lambda c: c.board.delete_selection(),
         shortcuts=("Delete", "Backspace"), tip="Delete the selected notes"),
    Spec("edit.select_all", "Select &All", "&Edit", run=lambda c: c.board.select_all(),
         shortcuts=(StandardKey.SelectAll,), tip="Select every note"),
    Spec("edit.clear_selection", "Clear Selectio&n", "&Edit", run=lambda c: c.board.escape(), shortcuts=("Esc",),
         tip="Stop editing, or select nothing", scope="board"),
    Spec("edit.new_note", "Ne&w Note at Mouse", "&Edit", run=lambda c: c.board.new_note(), shortcuts=("N",),
         tip="A new note where the mouse is, ready to type", scope="board"),
    Spec("edit.edit_note", "&Edit Note Text", "&Edit", run=lambda c: c.board.edit_note(), shortcuts=("Return", "Enter"),
         tip="Type in the selected note (Ctrl+Enter or Esc ends)", scope="board"),
    Spec("edit.next_note", "Ne&xt Note", "&Edit", run=lambda c: c.board.next_note(), shortcuts=("Tab",),
         tip="Select the next note, lane by lane, in reading order", scope="board"),
    Spec("edit.previous_note", "Pre&vious Note", "&Edit", run=lambda c: c.board.previous_note(),
         shortcuts=("Shift+Tab", "Shift+Backtab"), tip="Select the previous note in reading order", scope="board"),
    *(_nudge(name, far) for far in (False, True) for name in ("Left", "Right", "Up", "Down")),
    Spec("edit.note_size", "Note Si&ze…", "&Edit", run=lambda c: c.board.note_size(), shortcuts=("Ctrl+Shift+R",),
         tip="Set the width and height of the selected notes"),
    Spec("note.colour.lane", "&Lane Colour", COLOUR, run=lambda c: c.board.set_note_colour(""), shortcuts=("Alt+0",),
         tip="The notes follow their lane's colour again"),
    *(_colour(number, colour.name, colour.hex, colour.id) for number, colour in enumerate(PALETTE, start=1)),
    Spec("note.make_action", "&Make Action from Note", "&Edit", run=lambda c: c.room.make_action(),
         shortcuts=("Ctrl+Shift+K",), tip="Turn the selected notes into follow-up actions with an owner and a due date",
         separator_before=True),
    Spec("note.remove_action", "Remove Acti&on", "&Edit", run=lambda c: c.room.remove_action(),
         tip="The selected action becomes a plain note again"),
    Spec("edit.find", "&Find…", "&Edit", run=lambda c: c.board.find(), shortcuts=(StandardKey.Find,),
         tip="Find notes by their text"),
    Spec("edit.find_next", "Find Ne&xt", "&Edit", run=lambda c: c.board.find_next(), shortcuts=("F3",),
         tip="Go to the next note that matches"),
    Spec("edit.find_previous", "Find Pre&vious", "&Edit", run=lambda c: c.board.find_previous(),
         shortcuts=("Shift+F3",), tip="Go to the previous note that matches"),
    Spec("edit.history", "&History", "&Edit", toggle=lambda c, shown: c.window.show_history(shown),
         shortcuts=("Ctrl+H",), tip="Show every step you can undo"),
)
