"""The action table, one module per menu, in the menu bar's order."""

from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.controllers import Controllers
from canvasapp.ui.window.menus.agenda_menu import AGENDA_MENU
from canvasapp.ui.window.menus.arrange_menu import ARRANGE_MENU
from canvasapp.ui.window.menus.cluster_menu import CLUSTER_MENU
from canvasapp.ui.window.menus.edit_menu import EDIT_MENU
from canvasapp.ui.window.menus.file_menu import FILE_MENU
from canvasapp.ui.window.menus.help_menu import HELP_MENU
from canvasapp.ui.window.menus.lanes_menu import LANES_MENU
from canvasapp.ui.window.menus.view_menu import VIEW_MENU
from canvasapp.ui.window.menus.vote_menu import VOTE_MENU

ACTIONS: tuple[ActionSpec[Controllers], ...] = (
    *FILE_MENU, *EDIT_MENU, *VIEW_MENU, *AGENDA_MENU, *ARRANGE_MENU, *CLUSTER_MENU, *LANES_MENU, *VOTE_MENU,
    *HELP_MENU,
)

__all__ = ["ACTIONS"]
