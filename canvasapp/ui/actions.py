"""Every menu action declared once, as data: id, text, shortcuts, menu, and the handler name.

Menus are built from this table, so an action has one place to look it up, its ``objectName``
is its stable id (tests and the shortcut sheet use it), and nothing is wired twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from canvasapp.ui.icons import icon, validate_icon_names

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


MENUS = ("&File", "&Edit", "&View")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new_session", "&New Session…", "&File", "new_session", (StandardKey.New,),
               "Start a new session from a template"),
    ActionSpec("file.open_session", "&Open Session…", "&File", "open_session", (StandardKey.Open,),
               "Open, rename or delete the library's sessions"),
    ActionSpec("file.import_template", "&Import Template…", "&File", "templates.import_template", (),
               "Add a template file someone sent you to your templates"),
    ActionSpec("file.save_as_template", "Save Session as &Template…", "&File", "templates.save_as_template", (),
               "Keep this session's lanes, prompts and agenda as a template of your own"),
    ActionSpec("file.export_template", "E&xport Template…", "&File", "templates.export_template", (),
               "Write a template to a file you can send to a peer"),
    ActionSpec("file.quit", "&Quit", "&File", "close", (StandardKey.Quit,)),
    ActionSpec("edit.delete", "&Delete", "&Edit", "delete_selection", ("Delete", "Backspace"),
               "Delete the selected notes"),
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
        handler: Callable[..., object] = _resolve(window, spec.handler)
        if spec.checkable:
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
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[spec.id] = action
    return actions


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
