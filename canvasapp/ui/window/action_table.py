"""Every menu action declared once, as data: id, text, shortcuts, menu, and the handler name.

Menus are built from this table, so an action has one place to look it up, its ``objectName``
is its stable id (tests and the shortcut sheet use it), and nothing is wired twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from canvasapp.ops.palette import PALETTE
from canvasapp.ui.look.icons import icon, validate_icon_names

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str
    """The window method the action triggers: a name, or a dotted path through one of the
    window's controllers ("templates.import_template")."""
    shortcuts: tuple[str | StandardKey, ...] = ()
    tip: str = ""
    icon: str = ""
    """A name from ``resources/icons`` (validated); actions with an icon are on the tool bar."""
    checkable: bool = False
    """A checkable action calls its handler with the new state (``handler(checked)``)."""
    group: str = ""
    """Checkable actions sharing a group name are exclusive (one theme at a time)."""
    argument: object = None
    """Given to the handler when not ``None`` (``handler(argument)``): one handler serves the
    palette's colours."""
    scope: str = "window"
    """``"board"``: the shortcut works only while the board has the focus, so plain keys
    (arrows, Tab, Enter, N, Esc) stay with the find bar and the history list when they have it."""
    separator_before: bool = False
    """A line above this action in its menu: groups read at a glance."""
    swatch: str = ""
    """A ``#RRGGBB`` colour drawn as the action's icon (palette actions)."""


MENUS = ("&File", "&Edit", "&View", "A&genda", "&Arrange", "&Cluster", "&Lanes", "&Vote", "&Help")
#: A menu path "&Edit/Note &Colour" puts an action in a submenu.
SUBMENU = "/"

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new_session", "&New Session…", "&File", "new_session", (StandardKey.New,),
               "Start a new session from a template"),
    ActionSpec("file.open_session", "&Open Session…", "&File", "open_session", (StandardKey.Open,),
               "Open, rename or delete the library's sessions"),
    ActionSpec("file.session_details", "Session &Details…", "&File", "facilitation.edit_details", (),
               "Date, place, facilitator, participants and purpose (the PDF's title block)"),
    ActionSpec("file.import", "&Import Notes or Session…", "&File", "transfers.import_file", ("Ctrl+I",),
               "Add notes from a CSV file, or a session from a .workshop.json archive", separator_before=True),
    ActionSpec("file.export_pdf", "&PDF Summary…", "&File/&Export", "transfers.export_pdf", ("Ctrl+E",),
               "The summary to send to everyone after the workshop"),
    ActionSpec("file.export_csv", "Notes as &CSV…", "&File/&Export", "transfers.export_csv", (),
               "Every note in a spreadsheet file"),
    ActionSpec("file.export_markdown", "Notes as &Markdown…", "&File/&Export", "transfers.export_markdown", ()),
    ActionSpec("file.export_png", "Board as P&NG Picture…", "&File/&Export", "transfers.export_png", ()),
    ActionSpec("file.export_archive", "Session &Archive…", "&File/&Export", "transfers.export_archive", (),
               "Everything needed to rebuild this session in another library"),
    ActionSpec("file.import_template", "Im&port Template…", "&File", "templates.import_template", (),
               "Add a template file someone sent you to your templates", separator_before=True),
    ActionSpec("file.save_as_template", "Save Session as &Template…", "&File", "templates.save_as_template", (),
               "Keep this session's lanes, prompts and agenda as a template of your own"),
    ActionSpec("file.export_template", "E&xport Template…", "&File", "templates.export_template", (),
               "Write a template to a file you can send to a peer"),
    ActionSpec("file.quit", "&Quit", "&File", "close", (StandardKey.Quit,), separator_before=True),
    # --- Edit: the notes (handlers in canvasapp.ui.board.edit_actions) ------------------------------
    ActionSpec("edit.cut", "Cu&t", "&Edit", "board_actions.cut", (StandardKey.Cut,),
               "Copy the selected notes to the clipboard and delete them"),
    ActionSpec("edit.copy", "&Copy", "&Edit", "board_actions.copy", (StandardKey.Copy,),
               "Copy the selected notes (other apps get one line per note)"),
    ActionSpec("edit.paste", "&Paste", "&Edit", "board_actions.paste", (StandardKey.Paste,),
               "Paste notes, or one note per line of text, at the mouse"),
    ActionSpec("edit.duplicate", "D&uplicate", "&Edit", "board_actions.duplicate", ("Ctrl+D",),
               "Copy the selected notes next to themselves"),
    ActionSpec("edit.delete", "&Delete", "&Edit", "delete_selection", ("Delete", "Backspace"),
               "Delete the selected notes"),
    ActionSpec("edit.select_all", "Select &All", "&Edit", "board_actions.select_all", (StandardKey.SelectAll,),
               "Select every note"),
    ActionSpec("edit.clear_selection", "Clear Selectio&n", "&Edit", "board_actions.escape", ("Esc",),
               "Stop editing, or select nothing", scope="board"),
    ActionSpec("edit.new_note", "Ne&w Note at Mouse", "&Edit", "board_actions.new_note", ("N",),
               "A new note where the mouse is, ready to type", scope="board"),
    ActionSpec("edit.edit_note", "&Edit Note Text", "&Edit", "board_actions.edit_note", ("Return", "Enter"),
               "Type in the selected note (Ctrl+Enter or Esc ends)", scope="board"),
    ActionSpec("edit.next_note", "Ne&xt Note", "&Edit", "board_actions.next_note", ("Tab",),
               "Select the next note, lane by lane, in reading order", scope="board"),
    ActionSpec("edit.previous_note", "Pre&vious Note", "&Edit", "board_actions.previous_note",
               ("Shift+Tab", "Shift+Backtab"), "Select the previous note in reading order", scope="board"),
    *(
        ActionSpec(f"edit.nudge_{name.lower()}{'_far' if far else ''}", f"Nudge {name}{' Far' if far else ''}",
                   "&Edit/N&udge", "board_actions.nudge", (f"{'Shift+' if far else ''}{name}",),
                   f"Move the selected notes a little {name.lower()}", argument=(name, far), scope="board")
        for far in (False, True) for name in ("Left", "Right", "Up", "Down")
    ),
    ActionSpec("edit.note_size", "Note Si&ze…", "&Edit", "board_actions.note_size", ("Ctrl+Shift+R",),
               "Set the width and height of the selected notes"),
    ActionSpec("note.colour.lane", "&Lane Colour", "&Edit/Note &Colour", "board_actions.set_note_colour",
               ("Alt+0",), "The notes follow their lane's colour again", argument=""),
    *(
        ActionSpec(f"note.colour.{colour.id}", colour.name, "&Edit/Note &Colour", "board_actions.set_note_colour",
                   (f"Alt+{number}",) if number <= 9 else (), f"Colour the selected notes {colour.name.lower()}",
                   argument=colour.hex, swatch=colour.hex)
        for number, colour in enumerate(PALETTE, start=1)
    ),
    ActionSpec("note.make_action", "&Make Action from Note", "&Edit", "facilitation.make_action", ("Ctrl+Shift+K",),
               "Turn the selected notes into follow-up actions with an owner and a due date",
               separator_before=True),
    ActionSpec("note.remove_action", "Remove Acti&on", "&Edit", "facilitation.remove_action", (),
               "The selected action becomes a plain note again"),
    ActionSpec("edit.find", "&Find…", "&Edit", "board_actions.find", (StandardKey.Find,),
               "Find notes by their text"),
    ActionSpec("edit.find_next", "Find Ne&xt", "&Edit", "board_actions.find_next", ("F3",),
               "Go to the next note that matches"),
    ActionSpec("edit.find_previous", "Find Pre&vious", "&Edit", "board_actions.find_previous", ("Shift+F3",),
               "Go to the previous note that matches"),
    ActionSpec("edit.history", "&History", "&Edit", "board_actions.show_history", ("Ctrl+H",),
               "Show every step you can undo", checkable=True),
    # --- View: navigation and looks -------------------------------------------------------
    ActionSpec("view.fit_all", "&Fit All", "&View", "fit_all", ("Ctrl+0",), "Show the whole board",
               icon="fit_all"),
    ActionSpec("view.zoom_100", "&Actual Size (100%)", "&View", "zoom_100", ("Ctrl+1",),
               "Zoom to 100%", icon="zoom_100"),
    ActionSpec("view.zoom_selection", "Zoom to &Selection", "&View", "zoom_to_selection", ("Ctrl+2",),
               "Fit the selected notes in the window", icon="zoom_selection"),
    ActionSpec("view.zoom_in", "Zoom &In", "&View", "zoom_in", (StandardKey.ZoomIn, "Ctrl+="),
               "Zoom in around the middle of the window", icon="zoom_in"),
    ActionSpec("view.zoom_out", "Zoom &Out", "&View", "zoom_out", (StandardKey.ZoomOut,),
               "Zoom out around the middle of the window", icon="zoom_out"),
    ActionSpec("view.minimap", "&Overview Map", "&View", "show_minimap", ("Ctrl+M",),
               "Show or hide the overview of the whole board", icon="minimap", checkable=True),
    ActionSpec("view.theme_light", "&Light Theme (Projector)", "&View", "use_light_theme", (),
               "High contrast and large type, for a projector", checkable=True, group="theme"),
    ActionSpec("view.theme_dark", "&Dark Theme", "&View", "use_dark_theme", (),
               "Light text on dark, for preparing at a screen", checkable=True, group="theme"),
    # --- Running the room (handlers in canvasapp.ui.room.facilitation) ------------------------------
    ActionSpec("view.present", "&Presentation Mode", "&View", "facilitation.present", ("F5",),
               "Full screen for the projector: the board, the phase and the timer (Esc leaves)",
               checkable=True, separator_before=True),
    ActionSpec("view.audience", "A&udience Window", "&View", "facilitation.show_audience", ("F6",),
               "A clean view of the board for a second screen (the projector)", checkable=True),
    ActionSpec("view.audience_follow", "Audience Follows My &View", "&View", "facilitation.audience_follow", (),
               "The audience window shows what you see; off: the whole board", checkable=True),
    ActionSpec("view.agenda", "A&genda Panel", "&View", "facilitation.show_agenda", ("F8",),
               "The phases, the current one and its timer", checkable=True, separator_before=True),
    ActionSpec("view.actions", "A&ctions Panel", "&View", "facilitation.show_actions", ("F9",),
               "The follow-up actions with owners and due dates", checkable=True),
    ActionSpec("agenda.next", "&Next Phase", "A&genda", "facilitation.next_phase", ("PgDown",),
               "Go to the next phase and focus the board on its lanes"),
    ActionSpec("agenda.previous", "&Previous Phase", "A&genda", "facilitation.previous_phase", ("PgUp",),
               "Go back to the previous phase"),
    ActionSpec("timer.start_pause", "&Start", "A&genda", "facilitation.timer_start_pause", ("Ctrl+Space",),
               "Start or pause the phase's countdown", separator_before=True),
    ActionSpec("timer.reset", "&Reset", "A&genda", "facilitation.timer_reset", ("Ctrl+Shift+Space",),
               "Back to the phase's full time"),
    ActionSpec("timer.plus", "+1 min", "A&genda", "facilitation.timer_add", ("Ctrl+]",),
               "One more minute for this phase", argument=1),
    ActionSpec("timer.minus", "−1 min", "A&genda", "facilitation.timer_add", ("Ctrl+[",),
               "One minute less for this phase", argument=-1),
    ActionSpec("agenda.add", "&Add Phase…", "A&genda", "facilitation.add_phase", (),
               "A new phase after the chosen one", separator_before=True),
    ActionSpec("agenda.edit", "&Edit Phase…", "A&genda", "facilitation.edit_phase", (),
               "Title, minutes, kind, instructions and lanes of the chosen phase"),
    ActionSpec("agenda.delete", "&Delete Phase", "A&genda", "facilitation.delete_phase", (),
               "Remove the chosen phase (Undo brings it back)"),
    ActionSpec("agenda.move_up", "Move Phase &Up", "A&genda", "facilitation.move_phase", (),
               "Earlier in the agenda", argument=-1),
    ActionSpec("agenda.move_down", "Move Phase Do&wn", "A&genda", "facilitation.move_phase", (),
               "Later in the agenda", argument=1),
    # --- Arrange and Lanes (handlers in canvasapp.ui.board.edit_actions) ----------------------------
    ActionSpec("arrange.tidy", "&Tidy into Grid", "&Arrange", "board_actions.tidy", ("Ctrl+Shift+A",),
               "Line the selected notes up on a grid inside their lane"),
    ActionSpec("arrange.align_left", "Align &Left", "&Arrange", "board_actions.align_left", ("Ctrl+Shift+L",),
               "Line up the left edges of the selected notes"),
    ActionSpec("arrange.align_top", "Align T&op", "&Arrange", "board_actions.align_top", ("Ctrl+Shift+T",),
               "Line up the top edges of the selected notes"),
    ActionSpec("arrange.distribute_horizontally", "Distribute &Horizontally", "&Arrange",
               "board_actions.distribute_horizontally", ("Ctrl+Shift+H",), "Equal gaps from left to right"),
    ActionSpec("arrange.distribute_vertically", "Distribute &Vertically", "&Arrange",
               "board_actions.distribute_vertically", ("Ctrl+Shift+J",), "Equal gaps from top to bottom"),
    ActionSpec("arrange.snap", "&Snap to Grid", "&Arrange", "board_actions.set_snap", ("Ctrl+'",),
               "Dragged notes land on a grid", checkable=True),
    # --- Cluster (handlers in canvasapp.ui.clusters.cluster_actions) -------------------------------------
    ActionSpec("cluster.group", "&Group into Cluster", "&Cluster", "board_actions.clusters.group", ("Ctrl+G",),
               "Make a cluster of the selected notes (or add them to the one most of them are in)"),
    ActionSpec("cluster.ungroup", "&Ungroup", "&Cluster", "board_actions.clusters.ungroup", ("Ctrl+Shift+G",),
               "Dissolve the selected clusters; their notes stay where they are"),
    ActionSpec("cluster.take_out", "&Take Out of Cluster", "&Cluster", "board_actions.clusters.take_out",
               ("Ctrl+Alt+G",), "The selected notes leave their clusters"),
    ActionSpec("cluster.rename", "&Rename Cluster", "&Cluster", "board_actions.clusters.rename_cluster", (),
               "Type a new title for the selected cluster (F2 works too)"),
    ActionSpec("cluster.collapse", "&Fold or Unfold", "&Cluster", "board_actions.clusters.toggle_collapsed",
               ("Ctrl+Shift+E",),
               "Show a cluster as one card, or its notes again"),
    ActionSpec("cluster.tidy", "Ti&dy Cluster", "&Cluster", "board_actions.clusters.tidy", (),
               "Line the cluster's notes up in a grid"),
    ActionSpec("cluster.colour.lane", "&Lane Colour", "&Cluster/Cluster &Colour", "board_actions.clusters.set_colour",
               (), "The cluster follows its lane's colour again", argument=""),
    *(
        ActionSpec(f"cluster.colour.{colour.id}", colour.name, "&Cluster/Cluster &Colour",
                   "board_actions.clusters.set_colour", (), f"Colour the selected clusters {colour.name.lower()}",
                   argument=colour.hex, swatch=colour.hex)
        for colour in PALETTE
    ),
    ActionSpec("cluster.suggest", "&Suggest Clusters…", "&Cluster", "board_actions.clusters.suggest", (),
               "Proposed themes from the notes' words, to accept, change or leave"),
    ActionSpec("lane.add", "&New Lane…", "&Lanes", "board_actions.add_lane", ("Ctrl+Shift+N",),
               "Add a lane right of the current one"),
    ActionSpec("lane.rename", "&Rename Lane…", "&Lanes", "board_actions.rename_lane", ("F2",),
               "Rename the lane of the selected note, or the one under the mouse"),
    *(
        ActionSpec(f"lane.colour.{colour.id}", colour.name, "&Lanes/Lane &Colour", "board_actions.set_lane_colour",
                   (), f"Colour the lane {colour.name.lower()}", argument=colour.hex, swatch=colour.hex)
        for colour in PALETTE
    ),
    ActionSpec("lane.move_left", "Move Lane &Left", "&Lanes", "board_actions.move_lane", ("Ctrl+Shift+PgUp",),
               "Swap the lane with the one on its left; its notes go with it", argument=-1),
    ActionSpec("lane.move_right", "Move Lane Ri&ght", "&Lanes", "board_actions.move_lane", ("Ctrl+Shift+PgDown",),
               "Swap the lane with the one on its right; its notes go with it", argument=1),
    ActionSpec("lane.width", "Lane &Width…", "&Lanes", "board_actions.lane_width", (),
               "Make the lane wider or narrower (or drag its right edge)"),
    ActionSpec("lane.delete", "&Delete Lane", "&Lanes", "board_actions.delete_lane", (),
               "Delete the lane and its notes (Undo brings both back)"),
    # --- Vote: dot voting in turns on one screen (handlers in canvasapp.ui.voting.controller) ---------
    ActionSpec("vote.new_round", "&New Vote Round…", "&Vote", "voting.new_round", ("Ctrl+Shift+V",),
               "Choose what is voted on, the dots each and who votes, then start"),
    ActionSpec("vote.resume", "&Resume Voting", "&Vote", "voting.resume", ("F7",),
               "Back to the open round: the voter whose turn it is, else “Who is voting?”"),
    ActionSpec("vote.tally", "&Tally Paper Dots…", "&Vote", "voting.tally_counts", ("Ctrl+Alt+T",),
               "Type or step each item's count from paper dots or a show of hands"),
    ActionSpec("vote.end_round", "&End Round and Reveal", "&Vote", "voting.end_round", ("Ctrl+Alt+E",),
               "Close the open round now and show every dot and the ranking"),
    ActionSpec("vote.show_results", "Show &Results", "&Vote", "voting.show_results", ("Ctrl+Alt+R",),
               "The last closed round's dots on the board and its ranking"),
    ActionSpec("vote.hide_results", "&Hide Dots", "&Vote", "voting.hide_results", (),
               "Take the dots off the board again"),
    ActionSpec("vote.sort_by_dots", "&Sort Lanes by Dots", "&Vote", "voting.sort_lanes_by_dots", ("Ctrl+Alt+S",),
               "Each lane's notes in a grid, most dots first (one undo step)"),
    ActionSpec("vote.rounds", "Vote Ro&unds…", "&Vote", "voting.show_rounds", ("Ctrl+Alt+U",),
               "Every round of this session: show its results again, reopen or delete it"),
    ActionSpec("help.shortcuts", "&Keyboard Shortcuts", "&Help", "board_actions.show_shortcuts", ("F1",),
               "Every action and its keys"),
)


def build_menus(window: QMainWindow, specs: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, QAction]:
    """Create the menus and actions of ``window`` from the table; return them by id."""
    menus: dict[str, QMenu] = {title: window.menuBar().addMenu(title) for title in MENUS}
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    # A misspelt icon fails here, when the window is built (and in the tests), not as a blank.
    validate_icon_names(spec.icon for spec in specs if spec.icon)
    for spec in specs:
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(_tool_tip(spec))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.swatch:
            action.setIcon(swatch_icon(spec.swatch))
        handler: Callable[..., object] = _resolve(window, spec.handler)
        if spec.argument is not None:
            action.triggered.connect(lambda _checked=False, handler=handler, argument=spec.argument: handler(argument))
        elif spec.checkable:
            action.setCheckable(True)
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
            # Exclusive groups: only the action being switched on calls its handler.
            action.toggled.connect(
                lambda checked, handler=handler, grouped=bool(spec.group): (
                    handler(checked) if checked or not grouped else None
                )
            )
        else:
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
        if spec.menu not in menus:
            parent, _, title = spec.menu.rpartition(SUBMENU)
            menus[spec.menu] = menus[parent].addMenu(title)
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        if spec.scope == "board":
            # Added to the board view by the window (board_actions.attach_view), not the window.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            window.addAction(action)
        actions[spec.id] = action
    return actions


def board_scoped(actions: dict[str, QAction], specs: tuple[ActionSpec, ...] = ACTIONS) -> list[QAction]:
    """The actions whose shortcuts work only while the board has the focus."""
    return [actions[spec.id] for spec in specs if spec.scope == "board" and spec.id in actions]


def swatch_icon(colour: str, size: int = 32) -> QIcon:
    """A rounded square of a colour with a thin dark outline (visible on any theme)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#555555"))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(2, 2, size - 4, size - 4, 5, 5)
    painter.end()
    return QIcon(pixmap)


def build_toolbar(
    window: QMainWindow, actions: dict[str, QAction], specs: tuple[ActionSpec, ...] = ACTIONS,
    extra: tuple[str, ...] = (),
) -> QToolBar:
    """The main tool bar: the ``extra`` action ids first (undo, redo), then every action of
    the table that has an icon, in table order, with a separator between menus."""
    toolbar = QToolBar("Main Tool Bar", window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(28, 28))
    for action_id in extra:
        toolbar.addAction(actions[action_id])
    previous_menu = ""
    for spec in specs:
        if not spec.icon:
            continue
        if toolbar.actions() and spec.menu != previous_menu:
            toolbar.addSeparator()
        previous_menu = spec.menu
        toolbar.addAction(actions[spec.id])
    window.addToolBar(toolbar)
    return toolbar


def _tool_tip(spec: ActionSpec) -> str:
    """"Fit All (Ctrl+0)": tool bar buttons show the shortcut people can learn instead."""
    name = spec.text.replace("&", "").rstrip("…")
    if not spec.shortcuts:
        return name
    keys = QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{name} ({keys})" if keys else name


def _resolve(window: QMainWindow, path: str) -> Callable[..., object]:
    target: object = window
    for name in path.split("."):
        target = getattr(target, name)
    assert callable(target), path
    return target


def menu(window: QMainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    raise KeyError(title)
