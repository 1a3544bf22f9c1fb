"""Help: the shortcut sheet."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]

HELP_MENU: tuple[Spec, ...] = (
    Spec("help.shortcuts", "&Keyboard Shortcuts", "&Help", run=lambda c: c.window.show_shortcuts(), shortcuts=("F1",),
         tip="Every action and its keys"),
)
