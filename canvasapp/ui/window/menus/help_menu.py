"""Help: the shortcut sheet, and what this app is and where it keeps things."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers

Spec = ActionSpec[Controllers]

HELP_MENU: tuple[Spec, ...] = (
    Spec("help.shortcuts", "&Keyboard Shortcuts", "&Help", run=lambda c: c.window.show_shortcuts(), shortcuts=("F1",),
         tip="Every action and its keys"),
    Spec("help.about", "&About Workshop Canvas", "&Help", run=lambda c: c.window.show_about(),
         tip="Version, licence, and the folders where your library, templates and settings are",
         separator_before=True),
    Spec("help.about_qt", "About &Qt", "&Help", run=lambda c: c.window.show_about_qt(),
         tip="The Qt toolkit the app is built with"),
)
